using System.Globalization;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Shared;
using DuckDB.NET.Data;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>
/// DuckDB reads the Arrow IPC files we write from the real 2017/18 file (through the Arrow C stream, see
/// <see cref="DuckDbArrow"/>), and its SQL gives the same figures as from the dataset and from the Parquet files.
/// </summary>
public sealed class DuckDbArrowTests(RealFile real, DuckDbArrowTests.RowFiles rows) : IClassFixture<RealFile>, IClassFixture<DuckDbArrowTests.RowFiles>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_dataset_summed_by_force_year_and_outcome_type_in_DuckDB_equals_the_dataset()
    {
        var path = _files.PathOf("outcomes-2017-18.arrow");
        OutcomeDatasetFile.Write(real.Dataset, path, ColumnarFormat.Arrow);

        var sums = DuckDb.OutcomeSums("dataset", DuckDbArrow.Table(path, "dataset"));

        sums.Should().BeEquivalentTo(DuckDb.OutcomeSums(real.Dataset));
        sums["West Mercia|2017/18|16|recorded"].Should().Be(19_379);
    }

    [Fact]
    public void The_rows_summed_by_force_year_and_outcome_type_in_DuckDB_equal_the_rows_as_Parquet()
    {
        var fromArrow = RowSums("rows", DuckDbArrow.Table(rows.Arrow, "rows"));

        fromArrow.Should().BeEquivalentTo(RowSums($"read_parquet({DuckDb.Quote(rows.Parquet)})"));
        fromArrow["West Mercia|2017/18|16"].Should().StartWith("19379|", "the published figure, recorded basis");
        fromArrow.Values.Sum(v => long.Parse(v.Split('|')[^1], CultureInfo.InvariantCulture)).Should().Be(RealData.Rows);
    }

    [Fact]
    public void The_rows_read_from_Arrow_are_the_rows_read_from_Parquet_column_for_column()
    {
        var parquet = $"read_parquet({DuckDb.Quote(rows.Parquet)})";

        var counts = DuckDb.Query($"""
            SELECT (SELECT count(*) FROM rows),
                   (SELECT count(*) FROM (FROM rows EXCEPT ALL FROM {parquet})),
                   (SELECT count(*) FROM (FROM {parquet} EXCEPT ALL FROM rows))
            """, DuckDbArrow.Table(rows.Arrow, "rows")).Single();

        counts.Should().Equal(RealData.Rows.ToString(CultureInfo.InvariantCulture), "0", "0");
    }

    [Fact]
    public void Dictionary_encoded_text_comes_through_as_text_and_every_column_as_from_Parquet()
    {
        var dataset = (Arrow: _files.PathOf("dataset.arrow"), Parquet: _files.PathOf("dataset.parquet"));
        OutcomeDatasetFile.Write(real.Dataset, dataset.Arrow, ColumnarFormat.Arrow);
        OutcomeDatasetFile.Write(real.Dataset, dataset.Parquet);

        foreach (var (arrow, parquet) in new[] { dataset, (rows.Arrow, rows.Parquet) })
        {
            var types = ColumnTypes("t", DuckDbArrow.Table(arrow, "t"));

            types.Should().Equal(ColumnTypes($"read_parquet({DuckDb.Quote(parquet)})"), "DuckDB sees the same columns in both files");
            var text = DictionaryFields(arrow);
            text.Should().Contain("outcome");
            types.Where(t => t.Type == "VARCHAR").Select(t => t.Name).Should().Equal(text, "every text column is an Arrow dictionary of strings in the file, and text to DuckDB");
        }
    }

    /// <summary>Rows summed in SQL by force, financial year and outcome type, as "force|year|outcome" → "recorded|closed|counts of each|rows".</summary>
    private static Dictionary<string, string> RowSums(string source, Action<DuckDBConnection>? setup = null)
        => DuckDb.Query($"""
            SELECT force_name, financial_year, outcome,
                   sum(recorded)::BIGINT, sum(closed)::BIGINT, count(recorded), count(closed), count(*)
            FROM {source}
            GROUP BY ALL
            """, setup).ToDictionary(r => string.Join('|', r[..3]), r => string.Join('|', r[3..]));

    /// <summary>Each column's name and DuckDB type, in order.</summary>
    private static (string Name, string Type)[] ColumnTypes(string source, Action<DuckDBConnection>? setup = null)
        => DuckDb.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {source})", setup).Select(r => (r[0]!, r[1]!)).ToArray();

    /// <summary>The fields of an Arrow file that are dictionaries of strings.</summary>
    private static string[] DictionaryFields(string path)
    {
        using var reader = new ArrowFileReader(File.OpenRead(path));
        return reader.Schema.FieldsList.Where(f => f.DataType is DictionaryType { ValueType: StringType }).Select(f => f.Name).ToArray();
    }

    /// <summary>The rows of the real 2017/18 file as Parquet and as Arrow, written in one reading of the file.</summary>
    public sealed class RowFiles : IDisposable
    {
        private readonly TempFiles _files = new();

        public RowFiles()
        {
            using var parquet = OpenDataRowWriter.Create(Parquet, ColumnarFormat.Parquet);
            using var arrow = OpenDataRowWriter.Create(Arrow, ColumnarFormat.Arrow);
            new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = new Both(parquet, arrow) }).Read(RealData.GzipPath);
        }

        public string Parquet => _files.PathOf("rows.parquet");

        public string Arrow => _files.PathOf("rows.arrow");

        public void Dispose() => _files.Dispose();

        private sealed class Both(IOpenDataRowSink first, IOpenDataRowSink second) : IOpenDataRowSink
        {
            public void Add(in OpenDataRow row)
            {
                first.Add(row);
                second.Add(row);
            }
        }
    }
}
