namespace CrimeOutcomes.Import;

/// <summary>The sheets of a workbook, each streamed row by row as cell texts.</summary>
internal interface ISheetSource : IDisposable
{
    /// <summary>The sheets in workbook order; each must be enumerated before the next is asked for.</summary>
    IEnumerable<Sheet> Sheets();
}

/// <summary>
/// One sheet: its name and its rows in order (empty rows included, trailing empty rows optional), and, for a source
/// that reads every column of every row, the columns the reader still needs (set once the header row is found).
/// </summary>
internal sealed record Sheet(string Name, IEnumerable<SheetRow> Rows, SheetColumns? Columns = null);

/// <summary>
/// How many columns of each row the reader needs: all of them until the header is found, then up to the last column
/// the table uses. An xlsx source reads every column up to the sheet's widest row for every row, so one stray cell
/// in column XFD would otherwise cost 16,384 cells per row, a million rows over.
/// </summary>
internal sealed class SheetColumns
{
    public int Limit { get; set; } = int.MaxValue;
}

/// <summary>
/// One row: its 1-based number in the sheet and its cells as text (numbers in invariant form, whole numbers
/// without a decimal part). The array may be reused for the next row. <paramref name="Numeric"/> has bit i set when
/// cell i (of the first 64) held a number rather than text.
/// </summary>
internal readonly record struct SheetRow(long Number, string?[] Cells, int Count, ulong Numeric = 0)
{
    /// <summary>Whether cell <paramref name="column"/> held a number.</summary>
    public bool IsNumber(int column) => column is >= 0 and < 64 && (Numeric & (1UL << column)) != 0;
}
