using System.Globalization;
using CrimeOutcomes.Columnar.ParquetFormat;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>
/// Our Parquet writer's files read back by two other implementations, Parquet.Net and DuckDB, value for value: every
/// column type, nulls, runs and no runs, extreme integers, empty and one-row groups, several row groups.
/// </summary>
public sealed class ParquetFileWriterTests : IDisposable
{
    private static readonly TableSchema Schema = new("writer-test", 1,
    [
        new("name", ColumnType.Text, false, "required text"),
        new("note", ColumnType.Text, true, "nullable text, often null"),
        new("big", ColumnType.Int64, false, "required 64-bit"),
        new("maybe", ColumnType.Int64, true, "nullable 64-bit"),
        new("small", ColumnType.Int32, true, "nullable 32-bit"),
        new("flag", ColumnType.Boolean, false, "required boolean"),
    ],
    ["name"]);

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static ColumnBatch Batch(int count, int seed)
    {
        var random = new Random(seed);
        var words = new[] { "Avon and Somerset", "Dyfed-Powys", "West Mercia", "é ünïcode ✓", "", "16" };
        var name = new string?[count];
        var note = new string?[count];
        var big = new long?[count];
        var maybe = new long?[count];
        var small = new int?[count];
        var flag = new bool[count];
        for (var i = 0; i < count; i++)
        {
            // Runs (the same value for a stretch) and changes on every row, as sorted tables have both.
            name[i] = words[(i / 37) % words.Length];
            note[i] = random.Next(4) == 0 ? words[random.Next(words.Length)] + i % 3 : null;
            big[i] = (i % 11) switch
            {
                0 => long.MinValue,
                1 => long.MaxValue,
                2 => 0,
                _ => random.NextInt64(-1_000_000_000_000, 1_000_000_000_000),
            };
            maybe[i] = random.Next(3) == 0 ? null : i;
            small[i] = (i % 7) switch
            {
                0 => null,
                1 => int.MinValue,
                2 => int.MaxValue,
                _ => random.Next(-5, 5),
            };
            flag[i] = random.Next(2) == 0;
        }

        return new ColumnBatch(Schema, [name, note, big, maybe, small, flag], count);
    }

    private string Write(params ColumnBatch[] batches)
    {
        var path = _files.PathOf(Guid.NewGuid().ToString("N") + ".parquet");
        using (var writer = new ParquetFileWriter(Schema, File.Create(path), new Dictionary<string, string> { ["note"] = "a test" }))
        {
            foreach (var batch in batches)
            {
                writer.Write(batch);
            }
        }

        return path;
    }

    /// <summary>The file read by Parquet.Net: its key-value metadata and its row groups.</summary>
    private static (IReadOnlyDictionary<string, string> Metadata, List<ColumnBatch> Batches) ReadBack(string path)
    {
        var batches = new List<ColumnBatch>();
        var metadata = Readers.Read(Schema, path, batches.Add);
        return (metadata, batches);
    }

    private static IEnumerable<string> Rows(IEnumerable<ColumnBatch> batches)
        => batches.SelectMany(b => Enumerable.Range(0, b.Count).Select(i => string.Join("|", b.Columns.Select(c => Text(c is TextColumn text ? text[i] : ((Array)c).GetValue(i))))));

    private static string Text(object? value) => value switch
    {
        null => "∅",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(129)]
    [InlineData(5_000)]
    public void Parquet_Net_reads_back_every_value_of_every_type(int count)
    {
        var batches = new[] { Batch(count, count), Batch(3, 99) };
        var path = Write(batches);

        var (metadata, read) = ReadBack(path);

        read.Select(b => b.Count).Should().Equal(count, 3);
        Rows(read).Should().Equal(Rows(batches));
        metadata["note"].Should().Be("a test");
        metadata[TableSchema.NameKey].Should().Be("writer-test");
    }

    [Fact]
    public void DuckDB_reads_back_the_same_values_and_sees_the_dictionaries_and_the_compression()
    {
        var batch = Batch(1_000, 7);
        var path = Write(batch);

        var rows = DuckDb.Query($"SELECT name, note, big, maybe, small, flag FROM read_parquet({DuckDb.Quote(path)})")
            .Select(r => string.Join("|", r.Select(v => v is null ? "∅" : v is "True" ? "true" : v is "False" ? "false" : v)));

        rows.Should().Equal(Rows([batch]));
        var encodings = DuckDb.Query($"SELECT path_in_schema, encodings FROM parquet_metadata({DuckDb.Quote(path)})").ToDictionary(r => r[0]!, r => r[1]!);
        encodings["name"].Should().Contain("RLE_DICTIONARY");
        encodings["note"].Should().Contain("RLE_DICTIONARY");
        encodings["big"].Should().Contain("DELTA_BINARY_PACKED");
        DuckDb.Query($"SELECT count(*) FROM parquet_metadata({DuckDb.Quote(path)}) WHERE compression = 'SNAPPY'").Single()[0].Should().Be("6");
    }

    [Fact]
    public void Each_chunk_s_statistics_are_its_nulls_and_its_smallest_and_largest_values()
    {
        var batch = Batch(1_000, 11);
        var path = Write(batch);

        var stats = DuckDb.Query($"SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata({DuckDb.Quote(path)})")
            .ToDictionary(r => r[0]!, r => (Min: r[1], Max: r[2], Nulls: long.Parse(r[3]!, CultureInfo.InvariantCulture)));

        var names = batch.Text(0).Take(batch.Count).Select(v => v!).ToArray();
        stats["name"].Should().Be((names.Min(StringComparer.Ordinal), names.Max(StringComparer.Ordinal), 0L));
        stats["note"].Nulls.Should().Be(batch.Text(1).Take(batch.Count).Count(v => v is null));
        stats["big"].Should().Be((long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture), 0L));
        var small = batch.Int32(4).Take(batch.Count).ToArray();
        stats["small"].Should().Be((int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture), (long)small.Count(v => v is null)));
        stats["flag"].Should().Be(("false", "true", 0L));
    }

    [Fact]
    public void A_file_with_no_rows_has_its_schema_and_no_row_groups()
    {
        var path = Write(new ColumnBatch(Schema, 10));

        var (_, read) = ReadBack(path);

        read.Should().BeEmpty();
        DuckDb.Query($"SELECT count(*) FROM read_parquet({DuckDb.Quote(path)})").Single()[0].Should().Be("0");
    }

    [Fact]
    public void A_chunk_whose_nullable_text_is_all_null_reads_back_as_nulls()
    {
        var batch = Batch(50, 3);
        for (var i = 0; i < batch.Count; i++)
        {
            batch.Text(1)[i] = null;
        }
        var path = Write(batch);

        var (_, read) = ReadBack(path);

        read.Single().Text(1).Should().OnlyContain(v => v == null);
        Rows(read).Should().Equal(Rows([batch]));
    }

    [Fact]
    public void A_null_in_a_required_column_is_refused_with_its_column_and_row()
    {
        var batch = Batch(10, 1);
        batch.Text(0)[4] = null;

        var write = () => Write(batch);

        write.Should().Throw<InvalidOperationException>().WithMessage("*'name'*row 4*");
    }
}
