using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>
/// How the files are laid out, read from the files themselves: Parquet's column chunk encodings (by DuckDB), Arrow's
/// field types and record batches (by Apache.Arrow), and the order of the rows in each row group.
/// </summary>
public sealed class ColumnLayoutTests(RealFile real) : IClassFixture<RealFile>, IDisposable
{
    private static readonly string[] RowTextColumns =
        ["force_code", "force_name", "financial_year", "offence_group", "offence_subgroup", "offence_code", "outcome", "outcome_group", "source_file"];

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string WriteRows(ColumnarFormat format)
    {
        var path = _files.PathOf(format == ColumnarFormat.Parquet ? "rows.parquet" : "rows.arrow");
        using var writer = OpenDataRowWriter.Create(path, format);
        new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = writer }).Read(RealData.GzipPath);
        return path;
    }

    /// <summary>Each column chunk's encodings, as DuckDB's parquet_metadata reports them: (row group, column) → encodings.</summary>
    private static Dictionary<(int Group, string Column), string> Encodings(string path)
        => DuckDb.Query($"SELECT row_group_id, path_in_schema, encodings FROM parquet_metadata({DuckDb.Quote(path)})")
            .ToDictionary(r => (int.Parse(r[0]!, System.Globalization.CultureInfo.InvariantCulture), r[1]!), r => r[2]!);

    [Fact]
    public void Parquet_text_columns_are_dictionary_encoded_and_integers_delta_encoded_in_every_row_group()
    {
        var path = WriteRows(ColumnarFormat.Parquet);

        var encodings = Encodings(path);

        // 450,912 rows in row groups of 100,000.
        encodings.Keys.Select(k => k.Group).Distinct().Should().HaveCount(5);
        foreach (var ((group, column), encoding) in encodings)
        {
            if (RowTextColumns.Contains(column))
            {
                encoding.Should().Contain("DICTIONARY", "text column {0} of row group {1} repeats its few values on every row", column, group);
            }
            else if (column is "quarter" or "recorded" or "closed" or "source_line")
            {
                encoding.Should().Contain("DELTA_BINARY_PACKED", "integer column {0} of row group {1}", column, group);
            }
        }

        new FileInfo(path).Length.Should().BeLessThan(4 << 20, "dictionaries and deltas keep the 450,912 rows (89 MB of csv) to a few megabytes");
    }

    [Fact]
    public void Parquet_dataset_text_columns_are_dictionary_encoded()
    {
        var path = _files.PathOf("dataset.parquet");
        OutcomeDatasetFile.Write(real.Dataset, path);

        var encodings = Encodings(path);

        foreach (var column in new[] { "figure", "area_kind", "area_name", "area_code", "period_kind", "period", "scope", "basis", "outcome", "outcome_group", "absence" })
        {
            encodings[(0, column)].Should().Contain("DICTIONARY", column);
        }
    }

    [Fact]
    public void Arrow_text_columns_are_dictionaries_of_strings_one_per_column_for_the_whole_file()
    {
        var path = WriteRows(ColumnarFormat.Arrow);

        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        var schema = reader.Schema;
        foreach (var column in RowTextColumns.Append("recorded_absence").Append("closed_absence").Append("source_sheet"))
        {
            schema.GetFieldByName(column).DataType.Should().BeOfType<DictionaryType>(column)
                .Which.Should().Match<DictionaryType>(t => t.IndexType.TypeId == ArrowTypeId.Int32 && t.ValueType.TypeId == ArrowTypeId.String);
        }

        schema.GetFieldByName("recorded").DataType.TypeId.Should().Be(ArrowTypeId.Int64);
        var batches = 0;
        long rows = 0;
        var forces = new HashSet<string>();
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                batches++;
                rows += batch.Length;
                var force = batch.Column(schema.GetFieldIndex("force_name")).Should().BeOfType<DictionaryArray>().Subject;
                var values = (StringArray)force.Dictionary;
                values.Length.Should().Be(44, "one dictionary for the file: the 43 territorial forces and British Transport Police, whatever the batch holds");
                foreach (var code in ((Int32Array)force.Indices).Values.ToArray())
                {
                    forces.Add(values.GetString(code));
                }
            }
        }

        batches.Should().Be(5);
        rows.Should().Be(RealData.Rows);
        forces.Should().HaveCount(44).And.Contain("London, City of").And.Contain("British Transport Police");

        // And this library reads the dictionaries back: the rows sum to the direct import.
        OpenDataRowTable.Aggregate(path).OutcomeCounts.Should().BeEquivalentTo(real.Dataset.OutcomeCounts);
    }

    [Fact]
    public void The_dataset_as_an_Arrow_file_has_dictionary_text_and_reads_back()
    {
        var path = _files.PathOf("dataset.arrow");
        OutcomeDatasetFile.Write(real.Dataset, path, ColumnarFormat.Arrow);

        using (var stream = File.OpenRead(path))
        using (var reader = new ArrowFileReader(stream))
        {
            reader.Schema.GetFieldByName("area_name").DataType.TypeId.Should().Be(ArrowTypeId.Dictionary);
            reader.Schema.GetFieldByName("count").DataType.TypeId.Should().Be(ArrowTypeId.Int64);
        }

        OutcomeDatasetFileTests.ShouldBeTheSame(OutcomeDatasetFile.Read(path), real.Dataset);
        Directory.GetFiles(_files.Folder).Should().ContainSingle("the spool the Arrow writer uses is deleted");
    }

    [Theory]
    [InlineData(ColumnarFormat.Parquet)]
    [InlineData(ColumnarFormat.Arrow)]
    public void Rows_are_sorted_by_force_year_quarter_offence_code_and_outcome_within_each_row_group(ColumnarFormat format)
    {
        var path = WriteRows(format);
        var groups = new List<ColumnBatch>();

        Readers.Read(RowTable.Schema, path, groups.Add);

        groups.Should().HaveCount(5);
        groups.Sum(g => g.Count).Should().Be(RealData.Rows);
        foreach (var group in groups)
        {
            var keys = Enumerable.Range(0, group.Count)
                .Select(i => (Force: group.Text(1)[i]!, Year: group.Text(2)[i]!, Quarter: group.Int32(3)[i]!.Value, Code: group.Text(6)[i]!, Outcome: group.Text(7)[i]!))
                .ToList();
            keys.Should().BeInAscendingOrder(Comparer<(string Force, string Year, int Quarter, string Code, string Outcome)>.Create((a, b) =>
            {
                var order = string.CompareOrdinal(a.Force, b.Force);
                order = order != 0 ? order : string.CompareOrdinal(a.Year, b.Year);
                order = order != 0 ? order : a.Quarter.CompareTo(b.Quarter);
                order = order != 0 ? order : string.CompareOrdinal(a.Code, b.Code);
                return order != 0 ? order : string.CompareOrdinal(a.Outcome, b.Outcome);
            }));
        }

        // The file is in line order, so a row group is a run of about 100,000 lines: sorting happened within it.
        var lines = groups.Select(g => g.Int64(16).Take(g.Count).Select(l => l!.Value).ToArray()).ToArray();
        lines.SelectMany(l => l).Should().OnlyHaveUniqueItems().And.HaveCount(RealData.Rows);
        lines[0].Should().NotBeInAscendingOrder("rows were reordered within the row group");
    }

    [Fact]
    public void The_dataset_rows_are_in_the_order_SQL_gives_them()
    {
        var path = _files.PathOf("dataset.parquet");
        OutcomeDatasetFile.Write(real.Dataset, path);
        const string Columns = "area_name, period, scope, offence_group, offence_subgroup, offence_code, basis, outcome, figure, area_kind";

        var asWritten = DuckDb.Query($"SELECT {Columns} FROM read_parquet({DuckDb.Quote(path)})");
        var ordered = DuckDb.Query($"SELECT {Columns} FROM read_parquet({DuckDb.Quote(path)}) ORDER BY {Columns.Replace(",", " NULLS LAST,", StringComparison.Ordinal)} NULLS LAST");

        asWritten.Should().HaveCount(1_892, "44 recorded-crime figures, 44 × 21 × 2 − 44 outcome counts and 44 missing closed-basis outcome 0 figures");
        asWritten.Should().Equal(ordered, (a, b) => a.SequenceEqual(b));
        asWritten[0].Should().Equal("Avon and Somerset", "2017/18", "All crime", null, null, null, "closed", "0", "missing", "force");
    }

    [Fact]
    public void A_dataset_in_several_row_groups_is_sorted_across_them()
    {
        var batches = DatasetTable.Batches(real.Dataset, 500).ToList();

        batches.Select(b => b.Count).Should().Equal(500, 500, 500, 392);
        var areas = batches.SelectMany(b => b.Text(2).Take(b.Count)).ToList();
        areas.Should().BeInAscendingOrder(StringComparer.Ordinal);
        areas.Distinct().Should().HaveCount(44);
    }
}
