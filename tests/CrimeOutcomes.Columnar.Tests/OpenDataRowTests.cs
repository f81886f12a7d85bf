using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>The row-level table of the real 2017/18 file, written while the file streams, then read by DuckDB and summed back.</summary>
public sealed class OpenDataRowTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (ImportResult Result, string Path, long Rows) Convert(ImportOptions options, string name = "rows.parquet", string? source = null, ColumnarFormat format = ColumnarFormat.Parquet)
    {
        var path = _files.PathOf(name);
        ImportResult result;
        long rows;
        using (var writer = OpenDataRowWriter.Create(path, format))
        {
            result = new OutcomesOpenDataReader(options with { RowSink = writer }).Read(source ?? RealData.GzipPath);
            rows = writer.RowsWritten;
        }

        return (result, path, rows);
    }

    [Fact]
    public void Every_kept_row_is_written_with_its_line_and_DuckDB_sums_them_to_the_dataset()
    {
        var (result, path, rows) = Convert(ImportOptions.Default);

        rows.Should().Be(RealData.Rows);
        result.Report.Files.Single().RowsKept.Should().Be(RealData.Rows);
        var first = DuckDb.Query($"SELECT source_line, force_name, financial_year, outcome, source_file FROM read_parquet({DuckDb.Quote(path)}) ORDER BY source_line LIMIT 1").Single();
        first[0].Should().Be("2", "the header is line 1");
        first[4].Should().Be("outcomes-2017-18.csv.gz");
        DuckDb.Query($"SELECT max(source_line), count(*) FROM read_parquet({DuckDb.Quote(path)})").Single()
            .Should().Equal((RealData.Rows + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), RealData.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var sums = DuckDb.Query($"""
            SELECT force_name, financial_year, outcome, sum(recorded)::BIGINT, count(recorded)
            FROM read_parquet({DuckDb.Quote(path)}) GROUP BY ALL
            """);
        var dataset = result.Dataset;
        foreach (var row in sums.Where(r => r[4] != "0"))
        {
            var key = new FigureKey(ForceRegistry.Default.Get(row[0]!), FinancialYear.Parse(row[1]!), CrimeScope.AllCrime);
            dataset.OutcomeCountFor(key, CountBasis.Recorded, OutcomeCatalogue.Default.Get(row[2]!)).Should().Be(long.Parse(row[3]!, System.Globalization.CultureInfo.InvariantCulture), string.Join('|', row));
        }

        sums.Single(r => r[0] == "West Mercia" && r[2] == "16")[3].Should().Be("19379");
    }

    [Fact]
    public void The_rows_summed_by_force_year_and_outcome_type_are_the_direct_import()
    {
        var (result, path, _) = Convert(ImportOptions.Default);

        var summed = OpenDataRowTable.Aggregate(path);

        summed.RecordedCrimes.Should().Equal(result.Dataset.RecordedCrimes);
        summed.OutcomeCounts.Should().Equal(result.Dataset.OutcomeCounts);
        summed.MissingFigures.Should().Equal(result.Dataset.MissingFigures);
    }

    [Fact]
    public void The_rows_as_an_Arrow_file_sum_to_the_direct_import()
    {
        var (result, path, _) = Convert(ImportOptions.Default, "rows.arrow", format: ColumnarFormat.Arrow);

        var summed = OpenDataRowTable.Aggregate(path);

        summed.OutcomeCounts.Should().Equal(result.Dataset.OutcomeCounts);
        summed.MissingFigures.Should().Equal(result.Dataset.MissingFigures);
    }

    [Fact]
    public void The_rows_as_csv_are_read_by_DuckDB_to_the_same_sum()
    {
        var (result, path, _) = Convert(ImportOptions.Default, "rows.csv", format: ColumnarFormat.Csv);

        var total = DuckDb.Query($"SELECT sum(recorded::BIGINT)::BIGINT, count(*) FROM read_csv({DuckDb.Quote(path)}, header = true, quote = '\"', escape = '\"', all_varchar = true)").Single();

        total[0].Should().Be(result.Dataset.OutcomeCounts.Where(f => f.Basis == CountBasis.Recorded).Sum(f => f.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        total[1].Should().Be(RealData.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_rows_summed_by_offence_group_and_quarter_are_the_import_at_that_grain()
    {
        var (_, path, _) = Convert(ImportOptions.Default);
        var direct = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGrain = OffenceGrain.Group, ByQuarter = true }).Read(RealData.GzipPath).Dataset;

        var summed = OpenDataRowTable.Aggregate(path, new RowAggregation { OffenceGrain = OffenceGrain.Group, ByQuarter = true });

        summed.RecordedCrimes.Should().Equal(direct.RecordedCrimes);
        summed.OutcomeCounts.Should().Equal(direct.OutcomeCounts);
        summed.MissingFigures.Should().Equal(direct.MissingFigures);
    }

    [Fact]
    public void Lines_are_the_same_read_from_csv_and_from_gzip()
    {
        var csv = Convert(ImportOptions.Default, "csv.parquet", RealData.CsvPath).Path;
        var gzip = Convert(ImportOptions.Default, "gzip.parquet").Path;

        DuckDb.Query($"SELECT min(source_line), max(source_line) FROM read_parquet({DuckDb.Quote(csv)})").Single().Should().Equal("2", "450913");
        DuckDb.Query($"SELECT min(source_line), max(source_line) FROM read_parquet({DuckDb.Quote(gzip)})").Single().Should().Equal("2", "450913");
    }

    [Fact]
    public void Rows_read_on_two_threads_from_csv_are_those_read_in_order_from_gzip_line_for_line()
    {
        // The csv file is read in byte ranges on two threads, each filling row groups of its own; the gzip file on one.
        var (_, parallel, rows) = Convert(ImportOptions.Default with { MaxDegreeOfParallelism = 2 }, "parallel.parquet", RealData.CsvPath);
        var inOrder = Convert(ImportOptions.Default, "in-order.parquet").Path;

        rows.Should().Be(RealData.Rows);
        const string Columns = "force_code, force_name, financial_year, quarter, offence_group, offence_subgroup, offence_code, outcome, outcome_group, recorded, recorded_absence, closed, closed_absence, expired, source_line";
        foreach (var (a, b) in new[] { (parallel, inOrder), (inOrder, parallel) })
        {
            DuckDb.Query($"SELECT count(*) FROM (SELECT {Columns} FROM read_parquet({DuckDb.Quote(a)}) EXCEPT ALL SELECT {Columns} FROM read_parquet({DuckDb.Quote(b)}))")
                .Single()[0].Should().Be("0", "every row, with its line, is in both files");
        }
    }

    [Fact]
    public void A_dataset_file_is_not_a_row_file()
    {
        var path = _files.PathOf("dataset.parquet");
        OutcomeDatasetFile.Write(OutcomeDataset.Empty, path);

        var read = () => OpenDataRowTable.Aggregate(path);

        read.Should().Throw<ColumnarSchemaException>().WithMessage("*not a CrimeOutcomes outcome-rows file*'crimeoutcomes.schema' = 'outcome-dataset'*");
    }
}
