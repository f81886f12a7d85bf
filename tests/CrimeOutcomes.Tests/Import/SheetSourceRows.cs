using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>One row as a sheet source gave it: its number, its cells up to the last with a value, the numeric flags.</summary>
internal sealed record ReadRow(long Number, string?[] Cells, ulong Numeric);

/// <summary>Reads every sheet of a sheet source (xlsx or ods) to lists, copying each row's cells (the source reuses its array).</summary>
internal static class SheetSourceRows
{
    public static List<(string Sheet, List<ReadRow> Rows)> ReadAll(ISheetSource source)
    {
        using (source)
        {
            var sheets = new List<(string, List<ReadRow>)>();
            foreach (var sheet in source.Sheets())
            {
                sheets.Add((sheet.Name, [.. sheet.Rows.Select(r => new ReadRow(r.Number, r.Cells[..r.Count], r.Numeric))]));
            }

            return sheets;
        }
    }

    /// <summary>The one row of the one sheet.</summary>
    public static ReadRow OnlyRow(List<(string Sheet, List<ReadRow> Rows)> sheets) => sheets.Single().Rows.Single();
}
