namespace CrimeOutcomes.Import;

/// <summary>One row of a table as the accumulator sees it: fields by column index, as characters.</summary>
internal interface IFieldRow
{
    /// <summary>How many fields the row has.</summary>
    int Count { get; }

    /// <summary>The field's characters (untrimmed); an index past the end is an error.</summary>
    ReadOnlySpan<char> this[int index] { get; }
}

/// <summary>A row of cell texts read from a sheet (null cells are empty).</summary>
internal readonly struct TextFieldRow(string?[] cells, int count) : IFieldRow
{
    public int Count => count;

    public ReadOnlySpan<char> this[int index] => cells[index];
}
