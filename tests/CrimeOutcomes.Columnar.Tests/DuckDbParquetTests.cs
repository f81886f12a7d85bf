namespace CrimeOutcomes.Columnar.Tests;

/// <summary>DuckDB reads the dataset we write from the real 2017/18 file and its SQL sums are the dataset's figures.</summary>
public sealed class DuckDbParquetTests(RealFile real) : IClassFixture<RealFile>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Sums_by_force_year_and_outcome_type_in_DuckDB_equal_the_dataset()
    {
        var path = _files.PathOf("outcomes-2017-18.parquet");
        OutcomeDatasetFile.Write(real.Dataset, path);

        var sums = DuckDb.OutcomeSums($"read_parquet({DuckDb.Quote(path)})");

        sums.Should().BeEquivalentTo(DuckDb.OutcomeSums(real.Dataset));
        sums["West Mercia|2017/18|16|recorded"].Should().Be(19_379);
    }

    [Fact]
    public void England_and_Wales_summed_in_SQL_over_the_43_territorial_forces_is_the_published_figure()
    {
        var path = _files.PathOf("outcomes-2017-18.parquet");
        OutcomeDatasetFile.Write(real.Dataset, path);

        var rows = DuckDb.Query($"""
            SELECT outcome, basis, sum(count)::BIGINT, count(DISTINCT area_name)
            FROM read_parquet({DuckDb.Quote(path)})
            WHERE figure = 'outcome_count' AND area_code IS NOT NULL AND period = '2017/18' AND outcome = '16'
            GROUP BY ALL ORDER BY basis
            """);

        rows.Should().BeEquivalentTo(new[]
        {
            new[] { "16", "closed", "773167", "43" },
            new[] { "16", "recorded", "786413", "43" },
        });
    }
}
