using System.Diagnostics;
using System.Globalization;
using CrimeOutcomes.ImportComparison;

// Manual comparison harness (see docs/performance.md). Each command does one job in a fresh process so that
// hyperfine and /usr/bin/time -v can time it:
//   generate-csv <path> <rows>      a realistic outcomes csv (about 220 bytes a row)
//   generate-xlsx <path> <rows>     the same rows as an xlsx workbook
//   ours <csv|xlsx> [repeat]        CrimeOutcomes import + aggregate (force × year × outcome, one offence group), full validation
//   duckdb <csv>                    DuckDB read_csv + GROUP BY, same aggregate
//   sep <csv>                       a hand-written single-thread Sep loop, same aggregate, no validation
//   ours-all <csv|csv.gz> [repeat]  CrimeOutcomes default options (all offences, force × financial year, strict); checksums
//   duckdb-all <csv|csv.gz>         DuckDB read_csv (nullstr '--') + GROUP BY force, year, outcome type over all rows; checksums
//   xlsx-edr <xlsx> / xlsx-mini <xlsx>  stream every cell of the data sheet as text with ExcelDataReader / MiniExcel
//   rows-parquet <csv> <out>        CrimeOutcomes default import with the row-level table written to Parquet as it streams
//   rows-null <csv>                 CrimeOutcomes default import handing every row to a parallel sink that counts it (the cost of the hand-over)
//   dataset-parquet <csv> <out>     CrimeOutcomes default import, then the dataset written to Parquet
//   reload-parquet <dataset.parquet> [repeat]  the dataset loaded back from Parquet (repeat: again in the same process, each timed)
//   duckdb-parquet <rows.parquet>   DuckDB read_parquet + GROUP BY force, year, outcome type over all rows; checksums
var command = args.Length > 0 ? args[0] : "help";
var stopwatch = Stopwatch.StartNew();
string summary;
switch (command)
{
    case "generate-csv":
        LargeFileGenerator.WriteCsv(args[1], long.Parse(args[2], CultureInfo.InvariantCulture));
        summary = $"wrote {new FileInfo(args[1]).Length:N0} bytes";
        break;
    case "generate-xlsx":
        await LargeFileGenerator.WriteXlsxAsync(args[1], long.Parse(args[2], CultureInfo.InvariantCulture));
        summary = $"wrote {new FileInfo(args[1]).Length:N0} bytes";
        break;
    case "ours":
        summary = Repeated(args, () => Baselines.Ours(args[1]));
        break;
    case "duckdb":
        summary = Baselines.DuckDb(args[1]);
        break;
    case "ours-all":
        summary = Repeated(args, () => Baselines.OursAll(args[1]));
        break;
    case "duckdb-all":
        summary = Baselines.DuckDbAll(args[1]);
        break;
    case "sep":
        summary = SepBaseline.SepLoop(args[1]);
        break;
    case "xlsx-edr":
        summary = Baselines.ExcelDataReaderCells(args[1]);
        break;
    case "rows-parquet":
        summary = Baselines.OursRowsParquet(args[1], args[2]);
        break;
    case "rows-null":
        summary = Baselines.OursRowsDiscarded(args[1]);
        break;
    case "dataset-parquet":
        summary = Baselines.OursDatasetParquet(args[1], args[2]);
        break;
    case "reload-parquet":
        summary = Repeated(args, () =>
        {
            var reloaded = CrimeOutcomes.Columnar.OutcomeDatasetFile.Read(args[1]);
            return string.Create(CultureInfo.InvariantCulture, $"{reloaded.OutcomeCounts.Count:N0} outcome counts, {reloaded.MissingFigures.Count:N0} missing");
        });
        break;
    case "duckdb-parquet":
        summary = Baselines.DuckDbParquet(args[1]);
        break;
    case "xlsx-mini":
        summary = Baselines.MiniExcelCells(args[1]);
        break;
    default:
        Console.Error.WriteLine("commands: generate-csv, generate-xlsx, ours, duckdb, ours-all, duckdb-all, sep, xlsx-edr, xlsx-mini (see Program.cs)");
        return 1;
}

Console.WriteLine($"{command}: {summary} in {stopwatch.Elapsed.TotalSeconds:F3} s");
if (Environment.GetEnvironmentVariable("CRIME_OUTCOMES_GC_COUNTS") is not null)
{
    Console.WriteLine($"collections: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; allocated {GC.GetTotalAllocatedBytes() / 1_000_000:N0} MB");
}
return 0;

// Runs a job the number of times its third argument says (once by default), each run timed on stderr when more than one.
static string Repeated(string[] args, Func<string> job)
{
    var times = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
    var summary = string.Empty;
    for (var i = 0; i < times; i++)
    {
        var lap = Stopwatch.StartNew();
        summary = job();
        if (times > 1)
        {
            Console.Error.WriteLine($"  run {i + 1}: {lap.Elapsed.TotalSeconds:F3} s");
        }
    }

    return summary;
}
