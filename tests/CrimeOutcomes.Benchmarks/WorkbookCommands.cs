using System.Diagnostics;
using System.Globalization;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Benchmarks;

/// <summary>The workbook commands of the benchmark program (see Program.cs and docs/performance.md).</summary>
internal static class WorkbookCommands
{
    /// <summary>Imports files (a directory stands for its .xlsx, .ods and .csv files, in name order) into one dataset and prints checksums.</summary>
    public static int Import(string[] args)
    {
        var threads = 0;
        var repeat = 1;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads")
            {
                threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--repeat")
            {
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (Directory.Exists(args[i]))
            {
                paths.AddRange(Directory.GetFiles(args[i]).Where(p => p.EndsWith(".xlsx", StringComparison.Ordinal) || p.EndsWith(".ods", StringComparison.Ordinal) || p.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        // With --repeat, the same import again in this process: the runs after the first show the reading warm, without
        // the runtime's start-up and just-in-time compilation (each run's CPU is the whole process's over it).
        ImportResult result;
        double elapsed;
        var run = 0;
        do
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = threads }).Read(paths);
            elapsed = clock.Elapsed.TotalSeconds;
            if (repeat > 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {++run}: {elapsed:F3} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F3} s"));
            }
        }
        while (run < repeat && repeat > 1);
        var files = result.Report.Files;
        var counts = result.Dataset.OutcomeCounts;
        long Sum(CountBasis basis) => counts.Where(c => c.Basis == basis).Sum(c => c.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, rows read {files.Sum(f => f.RowsRead):N0}, kept {files.Sum(f => f.RowsKept):N0}, rejected {files.Sum(f => f.RowsRejected):N0}; "
            + $"{counts.Count:N0} outcome counts, {result.Dataset.MissingFigures.Count:N0} missing, {result.Dataset.Gaps.Count:N0} gaps; "
            + $"recorded basis {Sum(CountBasis.Recorded):N0}, closed basis {Sum(CountBasis.Closed):N0}; "
            + $"offence codes stored as numbers {files.Sum(f => f.OffenceCodesStoredAsNumbers):N0}; reconcile {files.All(f => f.Reconciles)}; "
            + $"{elapsed:F2} s, {files.Sum(f => f.RowsRead) / elapsed:N0} rows/s"));
        return 0;
    }

    /// <summary>Reads every cell of every sheet as text with each candidate xlsx reader (or one), printing rows/s.</summary>
    public static int Candidates(string path, string? only)
    {
        foreach (var (name, read) in XlsxCandidates.All)
        {
            if (only is not null && only != name)
            {
                continue;
            }

            var clock = Stopwatch.StartNew();
            var (rows, cells, checksum) = read(path);
            var elapsed = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} {rows,12:N0} rows {cells,14:N0} cells  checksum {checksum,14}  {elapsed,7:F2} s  {rows / elapsed,12:N0} rows/s"));
        }

        return 0;
    }
}
