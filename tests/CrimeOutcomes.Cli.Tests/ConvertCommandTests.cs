using CrimeOutcomes.Columnar.Tests;
using CrimeOutcomes.Tests.Shared;
using DuckDB.NET.Data;

namespace CrimeOutcomes.Cli.Tests;

/// <summary><c>crime-outcomes convert</c> on the real 2017/18 file, its output read back by DuckDB.</summary>
[Collection(CliCollection.Name)]
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crimeoutcomes-convert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The one value <paramref name="sql"/> gives in DuckDB, as text.</summary>
    private static string Scalar(string sql, Action<DuckDBConnection>? setup = null) => DuckDb.Query(sql, setup).Single().Single()!;

    /// <summary>Outcome 16 on the recorded basis summed over the 43 territorial forces (786,413 for 2017/18), from the rows.</summary>
    private static string RowsOutcome16(string source)
        => $"SELECT sum(recorded) FROM {source} WHERE force_code IS NOT NULL AND outcome = '16'";

    /// <summary>The same figure from the dataset.</summary>
    private static string DatasetOutcome16(string source)
        => $"SELECT sum(count) FROM {source} WHERE figure = 'outcome_count' AND basis = 'recorded' AND area_code IS NOT NULL AND outcome = '16'";

    [Fact]
    public void Rows_as_Parquet_are_summed_by_DuckDB_to_the_published_figures()
    {
        var path = Path.Combine(_folder, "rows.parquet");

        var (exitCode, output, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", "parquet", "--rows", "-o", path);

        exitCode.Should().Be(0, error);
        output.Should().Contain("450,912 rows");
        Scalar($"SELECT sum(recorded) FROM read_parquet('{path}') WHERE force_name = 'West Mercia' AND outcome = '16'").Should().Be("19379");
        Scalar(RowsOutcome16($"read_parquet('{path}')")).Should().Be("786413");
    }

    [Fact]
    public void The_dataset_as_Parquet_is_summed_by_DuckDB_to_the_published_figures()
    {
        var path = Path.Combine(_folder, "dataset.parquet");

        var (exitCode, output, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", "parquet", "--dataset", "-o", path);

        exitCode.Should().Be(0, error);
        output.Should().Contain("Dataset written to");
        Scalar(DatasetOutcome16($"read_parquet('{path}')")).Should().Be("786413");
    }

    [Theory]
    [InlineData("arrow", "--rows")]
    [InlineData("arrow", "--dataset")]
    [InlineData("csv", "--dataset")]
    public void Arrow_and_csv_files_are_summed_by_DuckDB_to_the_published_figure(string format, string table)
    {
        var path = Path.Combine(_folder, $"out.{format}");

        var (exitCode, _, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", format, table, "-o", path);

        exitCode.Should().Be(0, error);
        // The Arrow file through DuckDB's Arrow scan; the csv as text, its counts made numbers in SQL.
        (string Source, Action<DuckDBConnection>? Setup) read = format == "arrow"
            ? ("converted", DuckDbArrow.Table(path, "converted"))
            : ($"(SELECT * REPLACE (count::BIGINT AS count) FROM read_csv({DuckDb.Quote(path)}, header = true, all_varchar = true))", null);
        Scalar(table == "--rows" ? RowsOutcome16(read.Source) : DatasetOutcome16(read.Source), read.Setup).Should().Be("786413");
    }

    [Fact]
    public void Rows_and_dataset_together_are_refused()
    {
        var (exitCode, _, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", "parquet", "--rows", "--dataset", "-o", Path.Combine(_folder, "x.parquet"));

        exitCode.Should().NotBe(0);
        error.Should().Contain("Give --rows or --dataset, not both.");
    }
}
