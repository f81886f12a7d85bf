using System.Diagnostics;
using BenchmarkDotNet.Running;
using CrimeOutcomes.Benchmarks;

// Commands (a fresh process each, for hyperfine and /usr/bin/time -v; see docs/performance.md):
//   generate-workbooks <dir>                 the twelve outcomes workbooks 2014/15–2025/26 in the republished layout
//   generate-ods <path> <year>             one of the years (2014 for 2014/15) as an ods workbook
//   import [--threads N] [--repeat N] <files or dirs…>    all of them into one dataset (ImportOptions.Default); checksums; --repeat: again in one process, each run timed
//   xlsx-candidates <xlsx> [candidate]       every cell of every sheet as text with each xlsx reader; rows/s
// Anything else runs BenchmarkDotNet: dotnet run -c Release --project tests/CrimeOutcomes.Benchmarks -- --filter '*'
switch (args.FirstOrDefault())
{
    case "generate-workbooks":
    {
        var clock = Stopwatch.StartNew();
        var paths = WorkbookGenerator.WriteAll(args[1], Environment.ProcessorCount);
        var rows = WorkbookGenerator.Years.Sum(WorkbookGenerator.RowsIn);
        Console.WriteLine($"wrote {paths.Count} workbooks, {rows:N0} data rows, {paths.Sum(p => new FileInfo(p).Length):N0} bytes in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    case "generate-ods":
    {
        // One year (2014 to 2025) of the same rows as an ods workbook, written as LibreOffice writes them.
        var year = WorkbookGenerator.Years[int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) - 2014];
        WorkbookGenerator.WriteOds(args[1], year);
        Console.WriteLine($"wrote {WorkbookGenerator.RowsIn(year):N0} data rows, {new FileInfo(args[1]).Length:N0} bytes");
        return 0;
    }

    case "import":
        return WorkbookCommands.Import(args[1..]);
    case "xlsx-candidates":
        return WorkbookCommands.Candidates(args[1], args.Length > 2 ? args[2] : null);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
