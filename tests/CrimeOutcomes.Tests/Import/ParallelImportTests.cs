using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// Several files are read in parallel (up to <see cref="ImportOptions.MaxDegreeOfParallelism"/> at once); the result
/// must be exactly that of reading them one after another: the same dataset, the same report in the same order, the
/// same error when files are malformed, and progress for every file, reported by one thread at a time.
/// </summary>
public sealed class ParallelImportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Seven files of five years and three formats, with a re-issued release and rejected rows (lenient).</summary>
    private async Task<string[]> WriteFilesAsync()
    {
        var paths = new List<string>();
        string[] years = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"];
        for (var i = 0; i < years.Length; i++)
        {
            var spec = new FixtureSpec { Years = [years[i]], QuarterWithQ = false };
            var rows = OpenDataFixtures.Generate(60 + i, spec);
            var end = 2017 + i;
            switch (i % 3)
            {
                case 0:
                    var csv = _dir.File($"prc-outcomes-open-data-mar{end}-tables-241024.csv");
                    OpenDataFixtures.WriteCsv(csv, spec, rows);
                    paths.Add(csv);
                    break;
                case 1:
                    var xlsx = _dir.File($"prc-outcomes-open-data-mar{end}-tables-241024.xlsx");
                    var fields = rows.Select(OpenDataFixtures.RepublishedFields).ToArray();
                    fields[7][10] = "Outcome 99";
                    await OpenDataFixtures.WriteRepublishedXlsxAsync(xlsx, $"Outcomes_open_data_{years[i].Replace('/', '_')}", OpenDataFixtures.RepublishedHeaders, fields);
                    paths.Add(xlsx);
                    break;
                default:
                    var ods = _dir.File($"prc-outcomes-open-data-mar{end}-tables-241024.ods");
                    OpenDataFixtures.WriteRepublishedOds(ods, $"Outcomes open data {years[i].Replace('/', '_')}", OpenDataFixtures.RepublishedHeaders, rows.Select(OpenDataFixtures.RepublishedFields));
                    paths.Add(ods);
                    break;
            }
        }

        // An earlier release of 2017/18, superseded by the one above, and the same year's csv re-issued later still.
        var early = new FixtureSpec { Years = ["2017/18"] };
        var older = _dir.File("prc-outcomes-open-data-mar2018-tables-180719.csv");
        OpenDataFixtures.WriteCsv(older, early, OpenDataFixtures.Generate(70, early));
        paths.Insert(0, older);
        var later = _dir.File("prc-outcomes-open-data-mar2018-tables-250101.csv");
        OpenDataFixtures.WriteCsv(later, early, OpenDataFixtures.Generate(71, early));
        paths.Add(later);
        return [.. paths];
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Files_read_in_parallel_give_the_dataset_and_report_of_reading_them_one_after_another(int threads)
    {
        var paths = await WriteFilesAsync();
        var lenient = ImportOptions.Default with { Strict = false, OffenceGrain = OffenceGrain.Code, ByQuarter = true };

        var sequential = new OutcomesOpenDataReader(lenient with { MaxDegreeOfParallelism = 1 }).Read(paths);
        var parallel = new OutcomesOpenDataReader(lenient with { MaxDegreeOfParallelism = threads }).Read(paths);

        parallel.Dataset.OutcomeCounts.Should().Equal(sequential.Dataset.OutcomeCounts, "the figures come in the same order too");
        parallel.Dataset.RecordedCrimes.Should().Equal(sequential.Dataset.RecordedCrimes);
        parallel.Dataset.MissingFigures.Should().Equal(sequential.Dataset.MissingFigures);
        parallel.Report.Files.Select(f => f.File).Should().Equal(paths);
        parallel.Report.Files.Select(f => f.FileName).Should().Equal(paths.Select(Path.GetFileName));
        parallel.Report.Files.Should().BeEquivalentTo(sequential.Report.Files, o => o.WithStrictOrdering());
        sequential.Report.Files.Sum(f => f.RowsRejected).Should().Be(2, "the row with outcome 99 of each xlsx file");
        sequential.Report.Files[0].SupersededBy.Should().Be(paths[^1], "the 250101 release, by the path given");
    }

    [Fact]
    public async Task When_files_are_malformed_the_error_is_that_of_the_first_in_order_as_when_read_one_after_another()
    {
        var paths = (await WriteFilesAsync()).ToList();
        var bad = _dir.File("prc-outcomes-open-data-mar2022-tables-241024.csv");
        File.WriteAllText(bad, "Financial Year,Force Name\n2021/22,Kent\n");
        paths.Insert(3, bad);
        paths.Add(_dir.File("missing.csv"));

        var sequential = () => new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 1 }).Read(paths);
        var parallel = () => new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 4 }).Read(paths);

        // Strict: the 2017/18 xlsx file (the third of the list) has the first bad row; the header-only csv and the missing
        // file come later.
        var first = sequential.Should().Throw<ImportFormatException>().Which;
        first.File.Should().Be("prc-outcomes-open-data-mar2018-tables-241024.xlsx");
        parallel.Should().Throw<ImportFormatException>().Which.Message.Should().Be(first.Message);
        paths.RemoveAt(2);
        var second = () => new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 4 }).Read(paths);
        second.Should().Throw<ImportFormatException>().Which.File.Should().Be("prc-outcomes-open-data-mar2022-tables-241024.csv");
        paths.RemoveAt(2);
        var third = () => new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 4, Strict = false }).Read(paths);
        third.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public async Task Progress_is_reported_for_the_files_read_in_parallel_one_report_at_a_time()
    {
        var paths = await WriteFilesAsync();
        var progress = new CountingProgress();

        new OutcomesOpenDataReader(ImportOptions.Default with { Strict = false, MaxDegreeOfParallelism = 4, Progress = progress }).Read(paths);

        progress.Files.Should().Contain(paths.Where(p => p.EndsWith(".csv", StringComparison.Ordinal)).Select(Path.GetFileName), "each csv file reports its bytes read");
        progress.MostAtOnce.Should().Be(1);
    }

    /// <summary>Not thread-safe on purpose: counts how many threads are inside Report at once.</summary>
    private sealed class CountingProgress : IProgress<ImportProgress>
    {
        private int _inside;

        public HashSet<string> Files { get; } = [];

        public int MostAtOnce { get; private set; }

        public void Report(ImportProgress value)
        {
            var inside = Interlocked.Increment(ref _inside);
            MostAtOnce = Math.Max(MostAtOnce, inside);
            Thread.Sleep(1);
            Files.Add(value.File);
            Interlocked.Decrement(ref _inside);
        }
    }
}
