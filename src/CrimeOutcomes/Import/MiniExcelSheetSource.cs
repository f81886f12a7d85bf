using MiniExcelLibs;

namespace CrimeOutcomes.Import;

/// <summary>Streams the sheets of an xlsx workbook with MiniExcel (kept to compare with ExcelDataReader).</summary>
internal sealed class MiniExcelSheetSource(string path) : ISheetSource
{
    public IEnumerable<Sheet> Sheets()
    {
        foreach (var name in MiniExcel.GetSheetNames(path))
        {
            yield return new Sheet(name, Rows(name));
        }
    }

    private IEnumerable<SheetRow> Rows(string sheet)
    {
        var cells = new string?[16];
        long number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
        {
            number++;
            if (cells.Length < row.Count)
            {
                cells = new string?[row.Count];
            }

            var i = 0;
            var last = 0;
            foreach (var value in row.Values)
            {
                cells[i] = CellText.Of(value);
                if (cells[i++] is not null)
                {
                    last = i;
                }
            }

            yield return new SheetRow(number, cells, last);
        }
    }

    public void Dispose()
    {
    }
}
