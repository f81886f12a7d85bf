namespace CrimeOutcomes.Columnar.Tests;

/// <summary>
/// The order of a row group's rows, against LINQ's (stable) ordering of the same rows: text in ordinal order and
/// numbers ascending, nulls last, rows equal on the sort columns in the order they came.
/// </summary>
public sealed class SortOrderTests
{
    private static readonly TableSchema Schema = new("sort-test", 1,
    [
        new("name", ColumnType.Text, true, "text, with nulls"),
        new("small", ColumnType.Int32, true, "a narrow range, with nulls"),
        new("wide", ColumnType.Int64, true, "a range that may be too wide to rank"),
        new("flag", ColumnType.Boolean, false, "a boolean"),
        new("row", ColumnType.Int64, false, "the row's place as filled"),
    ],
    ["name", "small", "wide", "flag"]);

    private static ColumnBatch Batch(int count, int seed, long wideRange)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 300).Select(i => $"n{i * 7919 % 300:D3}").Append("").ToArray();
        var batch = new ColumnBatch(Schema, count);
        for (var i = 0; i < count; i++)
        {
            batch.Text(0)[i] = random.Next(10) == 0 ? null : names[random.Next(names.Length)];
            batch.Int32(1)[i] = random.Next(10) == 0 ? null : random.Next(-3, 4);
            batch.Int64(2)[i] = random.Next(10) == 0 ? null : random.NextInt64(-wideRange, wideRange);
            batch.Boolean(3)[i] = random.Next(2) == 0;
            batch.Int64(4)[i] = i;
            batch.Count++;
        }

        return batch;
    }

    private static IEnumerable<(string? Name, int? Small, long? Wide, bool Flag, long Row)> Rows(ColumnBatch batch)
        => Enumerable.Range(0, batch.Count).Select(i => (batch.Text(0)[i], batch.Int32(1)[i], batch.Int64(2)[i], batch.Boolean(3)[i], batch.Int64(4)[i]!.Value));

    [Theory]
    [InlineData(1, 1, 5L)]
    [InlineData(1_000, 2, 5L)]
    [InlineData(30_000, 3, 1_000L)]
    [InlineData(30_000, 4, 100_000L)]
    [InlineData(5_000, 5, long.MaxValue / 2)]
    public void Rows_are_sorted_as_LINQ_sorts_them_stably_with_nulls_last(int count, int seed, long wideRange)
    {
        // Ranges of 10, 2,000 and 200,000 values take one to four bytes of key (passes of the radix sort); the widest
        // cannot be ranked and is compared row by row.
        var batch = Batch(count, seed, wideRange);
        var expected = Rows(batch)
            .OrderBy(r => r.Name is null).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Small is null).ThenBy(r => r.Small)
            .ThenBy(r => r.Wide is null).ThenBy(r => r.Wide)
            .ThenBy(r => r.Flag)
            .ToList();
        var sorted = new ColumnBatch(Schema, count);

        batch.SortInto(sorted);

        Rows(sorted).Should().Equal(expected);
    }
}
