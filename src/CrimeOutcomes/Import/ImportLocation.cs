using System.Globalization;
using System.Text;

namespace CrimeOutcomes.Import;

/// <summary>Where in a file a value was read: the file, the sheet of a workbook, the line (csv) or row (sheet), and the column.</summary>
/// <param name="File">The file name as given to the reader.</param>
/// <param name="Sheet">The sheet of a workbook, or null for a csv file.</param>
/// <param name="Number">The 1-based line of a csv file, or the 1-based row of a sheet (as the spreadsheet numbers it).</param>
/// <param name="Column">The column's header as written in the file, or null when the problem concerns the whole row.</param>
public sealed record ImportLocation(string File, string? Sheet, long Number, string? Column)
{
    /// <summary>Whether <see cref="Number"/> is a sheet row (true) or a csv line (false).</summary>
    public bool IsSheetRow => Sheet is not null;

    /// <summary>"outcomes.csv, line 12, column 'Outcome Type'" or "tables.xlsx, sheet 'Data', row 12, column 'Force Name'".</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Sheet is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", sheet '{Sheet}', row {Number}");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $", line {Number}");
        }

        if (Column is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", column '{Column}'");
        }

        return text.ToString();
    }
}
