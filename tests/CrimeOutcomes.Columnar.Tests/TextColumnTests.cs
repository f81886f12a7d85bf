namespace CrimeOutcomes.Columnar.Tests;

/// <summary>
/// The text columns of the row groups: each row a code into the column's distinct values, whichever way the column was
/// filled (row by row as the importer hands rows over, or from strings read back from a file).
/// </summary>
public sealed class TextColumnTests
{
    // A new string each time, equal to the others: a value must be told by its text, not its reference.
    private static string Copy(string text) => new(text.AsSpan());

    private static void ShouldHoldEachDistinctValueOnce(TextColumn column, int count, IReadOnlyList<string?> expected)
    {
        var codes = column.Codes(count).ToArray();
        column.Values.Should().OnlyHaveUniqueItems();
        for (var i = 0; i < count; i++)
        {
            (codes[i] < 0 ? null : column.Values[codes[i]]).Should().Be(expected[i], "row {0}", i);
            column[i].Should().Be(expected[i]);
        }
    }

    [Fact]
    public void Equal_text_from_different_strings_gets_one_code_and_null_none()
    {
        var column = new TextColumn(6);
        string?[] rows = ["16", Copy("16"), null, "West Mercia", Copy("West Mercia"), "16"];

        for (var i = 0; i < rows.Length; i++)
        {
            column[i] = rows[i];
        }

        column.Values.Should().Equal("16", "West Mercia");
        column.Codes(6).ToArray().Should().Equal(0, 0, -1, 1, 1, 0);
        ShouldHoldEachDistinctValueOnce(column, 6, rows);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(25, false)]
    [InlineData(1_000, false)]
    [InlineData(1_000, true)]
    public void Rows_come_back_as_set_for_cycles_of_any_length_and_for_values_in_no_order(int distinct, bool shuffled)
    {
        // Outcome types repeat in the same order for each offence; the same strings every time, as the importer hands
        // them, and now and then an equal copy, as another source would.
        var values = Enumerable.Range(0, distinct).Select(i => $"value {i % 7} {i}").ToArray();
        var random = new Random(distinct);
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => shuffled ? values[random.Next(distinct)] : values[i % distinct])
            .Select((value, i) => i % 97 == 0 ? Copy(value) : value)
            .Select((value, i) => i % 31 == 0 ? null : value)
            .ToArray();
        var column = new TextColumn(rows.Length);

        for (var i = 0; i < rows.Length; i++)
        {
            column[i] = rows[i];
        }

        ShouldHoldEachDistinctValueOnce(column, rows.Length, rows);
        column.Values.Should().BeEquivalentTo(rows.OfType<string>().Distinct());
    }

    [Fact]
    public void A_value_that_follows_different_values_each_time_keeps_its_code()
    {
        // "b" follows "a" first, then "c" does: the remembered successor is wrong half the time.
        string?[] rows = ["a", "b", "a", "c", "a", "b", "c", "b", "a", "c"];
        var column = new TextColumn(rows.Length);

        for (var i = 0; i < rows.Length; i++)
        {
            column[i] = rows[i];
        }

        column.Values.Should().Equal("a", "b", "c");
        column.Codes(rows.Length).ToArray().Should().Equal(0, 1, 0, 2, 0, 1, 2, 1, 0, 2);
    }

    [Fact]
    public void A_cleared_column_forgets_its_values_and_is_filled_again_from_the_first_row()
    {
        var column = new TextColumn(3);
        column[0] = "x";
        column[1] = "y";

        column.Clear();
        column[0] = "y";
        column[1] = "z";

        column.Values.Should().Equal("y", "z");
        column.Codes(2).ToArray().Should().Equal(0, 1);
    }

    [Fact]
    public void Strings_read_back_are_encoded_when_codes_are_asked_for()
    {
        string?[] rows = ["b", null, Copy("b"), "a", "b"];
        var column = new TextColumn(rows.ToArray());

        column[1].Should().BeNull();
        column.Count.Should().Be(5);

        column.Codes(5).ToArray().Should().Equal(0, -1, 0, 1, 0);
        column.Values.Should().Equal("b", "a");
        ShouldHoldEachDistinctValueOnce(column, 5, rows);
    }

    [Fact]
    public void A_permuted_copy_and_a_slice_hold_the_same_values_and_take_more_rows_without_repeating_one()
    {
        string?[] rows = ["p", "q", null, "r", "q"];
        var column = new TextColumn(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            column[i] = rows[i];
        }

        var target = new TextColumn(6);
        column.CopyPermuted(target, [4, 3, 2, 1, 0]);
        target[5] = Copy("p");
        var slice = column.Slice(1, 3);

        ShouldHoldEachDistinctValueOnce(target, 6, ["q", "r", null, "q", "p", "p"]);
        target.Values.Should().Equal("p", "q", "r");
        ShouldHoldEachDistinctValueOnce(slice, 3, ["q", null, "r"]);
        slice.Should().Equal("q", null, "r");
    }
}
