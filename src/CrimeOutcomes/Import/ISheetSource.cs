namespace CrimeOutcomes.Import;

/// <summary>The sheets of a workbook, each streamed row by row as cell texts.</summary>
internal interface ISheetSource : IDisposable
{
    /// <summary>The sheets in workbook order; each must be enumerated before the next is asked for.</summary>
    IEnumerable<Sheet> Sheets();
}

/// <summary>One sheet: its name and its rows in order (empty rows included, trailing empty rows optional).</summary>
internal sealed record Sheet(string Name, IEnumerable<SheetRow> Rows);

/// <summary>
/// One row: its 1-based number in the sheet and its cells as text (numbers in invariant form, whole numbers
/// without a decimal part). The array may be reused for the next row.
/// </summary>
internal readonly record struct SheetRow(long Number, string?[] Cells, int Count);
