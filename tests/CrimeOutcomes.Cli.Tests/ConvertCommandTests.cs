using System.Globalization;
using CrimeOutcomes.Tests.Shared;
using DuckDB.NET.Data;

namespace CrimeOutcomes.Cli.Tests;

/// <summary><c>crime-outcomes convert</c> on the real 2017/18 file, its output read back by DuckDB.</summary>
[Collection(CliCollection.Name)]
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crimeoutcomes-convert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Scalar(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public void Rows_as_Parquet_are_summed_by_DuckDB_to_the_published_figures()
    {
        var path = Path.Combine(_folder, "rows.parquet");

        var (exitCode, output, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", "parquet", "--rows", "-o", path);

        exitCode.Should().Be(0, error);
        output.Should().Contain("450,912 rows");
        Scalar($"SELECT sum(recorded) FROM read_parquet('{path}') WHERE force_name = 'West Mercia' AND outcome = '16'").Should().Be("19379");
        Scalar($"SELECT sum(recorded) FROM read_parquet('{path}') WHERE force_code IS NOT NULL AND outcome = '16'").Should().Be("786413");
    }

    [Fact]
    public void The_dataset_as_Parquet_is_summed_by_DuckDB_to_the_published_figures()
    {
        var path = Path.Combine(_folder, "dataset.parquet");

        var (exitCode, output, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", "parquet", "--dataset", "-o", path);

        exitCode.Should().Be(0, error);
        output.Should().Contain("Dataset written to");
        Scalar($"SELECT sum(count) FROM read_parquet('{path}') WHERE figure = 'outcome_count' AND basis = 'recorded' AND area_code IS NOT NULL AND outcome = '16'").Should().Be("786413");
    }

    [Theory]
    [InlineData("arrow", "--rows")]
    [InlineData("arrow", "--dataset")]
    [InlineData("csv", "--dataset")]
    public void Arrow_and_csv_files_are_written(string format, string table)
    {
        var path = Path.Combine(_folder, $"out.{format}");

        var (exitCode, _, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", format, table, "-o", path);

        exitCode.Should().Be(0, error);
        new FileInfo(path).Length.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void Rows_and_dataset_together_are_refused()
    {
        var (exitCode, _, error) = CliRunner.Run("convert", RealData.GzipPath, "--to", "parquet", "--rows", "--dataset", "-o", Path.Combine(_folder, "x.parquet"));

        exitCode.Should().NotBe(0);
        error.Should().Contain("Give --rows or --dataset, not both.");
    }
}
