using ExcelDataReader;

namespace CrimeOutcomes.Import;

/// <summary>Streams the sheets of an xlsx workbook with ExcelDataReader (one row in memory at a time).</summary>
internal sealed class XlsxSheetSource : ISheetSource
{
    private readonly Stream _stream;

    static XlsxSheetSource()
    {
        // ExcelDataReader's configuration asks for code page 1252 (the fallback of legacy files), which .NET only
        // has once the code-pages provider is registered. Registering it twice is harmless.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    private XlsxSheetSource(Stream stream) => _stream = stream;

    public static XlsxSheetSource Open(string path)
        => new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    public IEnumerable<Sheet> Sheets()
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(_stream, new ExcelReaderConfiguration { LeaveOpen = true });
        do
        {
            yield return new Sheet(reader.Name, Rows(reader));
        }
        while (reader.NextResult());
    }

    private static IEnumerable<SheetRow> Rows(IExcelDataReader reader)
    {
        var cells = new string?[Math.Max(reader.FieldCount, 1)];
        long number = 0;
        while (reader.Read())
        {
            number++;
            var count = reader.FieldCount;
            if (cells.Length < count)
            {
                cells = new string?[count];
            }

            var last = 0;
            for (var i = 0; i < count; i++)
            {
                cells[i] = CellText.Of(reader.GetValue(i));
                if (cells[i] is not null)
                {
                    last = i + 1;
                }
            }

            yield return new SheetRow(number, cells, last);
        }
    }

    public void Dispose() => _stream.Dispose();
}
