using System.Collections.Frozen;

namespace CrimeOutcomes.Import;

/// <summary>
/// The captions Excel writes into the cells of a pivot table: "Row Labels", "Column Labels", "Values" (the
/// field that stands for several value fields), "Grand Total", and the value fields' default captions "Sum of …",
/// "Count of …", "Average of …".
/// </summary>
/// <remarks>
/// The republished outcomes workbooks (2024–26) have a <c>Pivot</c> sheet before the data sheet: a pivot table
/// over the data, whose cells hold the same force names and counts again, summed. Its rows are not data: reading
/// them would count every outcome a second time, and its "Grand Total" row would count them all again. Its header
/// row can look like a data header (a force column, a value field captioned like the count column it sums), so a
/// header row is never recognised when one of its cells is one of these captions, and a sheet in which one appears
/// above the header row is a pivot report whose later rows are never read as data. Data sheets are chosen by
/// their header rows, never by their names, so the caption test is what keeps a pivot out whatever its sheet is
/// called. The captions are compared as <see cref="NameKey"/> keys (any case, spacing, note markers).
/// </remarks>
internal static class PivotTableCaptions
{
    private static readonly FrozenSet<string> Labels =
        new[] { "row labels", "column labels", "grand total", "values" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] ValueFieldPrefixes = ["sum of ", "count of ", "average of "];

    /// <summary>The first cell of <paramref name="cells"/> that is a pivot table caption, or null.</summary>
    public static string? FirstIn(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var cell in cells)
        {
            if (cell is not null && IsCaptionKey(NameKey.Of(cell)))
            {
                return cell.Trim();
            }
        }

        return null;
    }

    /// <summary>Whether a cell's <see cref="NameKey"/> is a pivot table caption.</summary>
    public static bool IsCaptionKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Labels.Contains(key))
        {
            return true;
        }

        foreach (var prefix in ValueFieldPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
