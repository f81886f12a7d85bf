using BenchmarkDotNet.Attributes;
using CrimeOutcomes.Import;
using CrimeOutcomes.ImportComparison;

namespace CrimeOutcomes.Benchmarks;

/// <summary>
/// In-process (warm) import of a generated outcomes csv: the notebook case. The file is generated once under the
/// temp folder (CRIME_OUTCOMES_BENCH_ROWS rows, 1,000,000 by default) and reused by later runs.
/// Run: dotnet run -c Release --project tests/CrimeOutcomes.Benchmarks -- --filter '*ImportBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var rows = long.TryParse(Environment.GetEnvironmentVariable("CRIME_OUTCOMES_BENCH_ROWS"), out var n) ? n : 1_000_000;
        _path = Path.Combine(Path.GetTempPath(), $"crime-outcomes-bench-{rows}.csv");
        if (!File.Exists(_path))
        {
            LargeFileGenerator.WriteCsv(_path, rows);
        }
    }

    /// <summary>Our import with full validation, one offence group filtered, on every core.</summary>
    [Benchmark]
    public OutcomeDataset Import() => new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGroups = [SepBaseline.Group] }).Read(_path).Dataset;

    /// <summary>The same on one thread.</summary>
    [Benchmark]
    public OutcomeDataset ImportOneThread()
        => new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGroups = [SepBaseline.Group], MaxDegreeOfParallelism = 1 }).Read(_path).Dataset;

    /// <summary>The hand-written Sep loop (no validation), for scale.</summary>
    [Benchmark(Baseline = true)]
    public string SepLoop() => SepBaseline.SepLoop(_path);
}
