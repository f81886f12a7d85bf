using System.Globalization;
using ExcelDataReader;

namespace CrimeOutcomes.Import;

/// <summary>
/// Streams the sheets of an xlsx workbook with ExcelDataReader (one row in memory at a time). The file is checked
/// first (<see cref="WorkbookFile"/>); any exception ExcelDataReader throws on a malformed workbook becomes an
/// <see cref="ImportFormatException"/> naming the file, and a cell longer than
/// <see cref="ImportOptions.MaxCellLength"/> an <see cref="ImportLimitException"/> naming the sheet and row.
/// </summary>
internal sealed class XlsxSheetSource : ISheetSource
{
    private readonly Stream _stream;
    private readonly string _name;
    private readonly int _maxCell;

    static XlsxSheetSource()
    {
        // ExcelDataReader's configuration asks for code page 1252 (the fallback of legacy files), which .NET only
        // has once the code-pages provider is registered. Registering it twice is harmless.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    private XlsxSheetSource(Stream stream, string name, int maxCell)
    {
        _stream = stream;
        _name = name;
        _maxCell = maxCell;
    }

    public static XlsxSheetSource Open(string path, string name, ImportOptions options)
        => new(WorkbookFile.Open(path, name, options, "xlsx"), name, options.MaxCellLength);

    public IEnumerable<Sheet> Sheets()
    {
        using var reader = Guard(() => ExcelReaderFactory.CreateOpenXmlReader(_stream, new ExcelReaderConfiguration { LeaveOpen = true }));
        do
        {
            var columns = new SheetColumns();
            yield return new Sheet(Guard(() => reader.Name) ?? string.Empty, Rows(reader, columns), columns);
        }
        while (Guard(reader.NextResult));
    }

    private IEnumerable<SheetRow> Rows(IExcelDataReader reader, SheetColumns columns)
    {
        var cells = new string?[Math.Max(Guard(() => reader.FieldCount), 1)];
        long number = 0;
        int last;
        ulong numeric = 0;
        while ((last = ReadRow(reader, ref cells, ref numeric, number + 1, columns.Limit)) >= 0)
        {
            yield return new SheetRow(++number, cells, last, numeric);
        }
    }

    /// <summary>Reads the next row into <paramref name="cells"/>; returns the count up to its last value, or −1 at the sheet's end.</summary>
    private int ReadRow(IExcelDataReader reader, ref string?[] cells, ref ulong numeric, long number, int limit)
    {
        try
        {
            if (!reader.Read())
            {
                return -1;
            }

            var count = Math.Min(reader.FieldCount, limit);
            if (cells.Length < count)
            {
                cells = new string?[count];
            }

            var last = 0;
            numeric = 0;
            for (var i = 0; i < count; i++)
            {
                var value = reader.GetValue(i);
                cells[i] = CellText.Of(value);
                if (value is double && i < 64)
                {
                    numeric |= 1UL << i;
                }

                if (cells[i] is { } text)
                {
                    if (text.Length > _maxCell)
                    {
                        throw new ImportLimitException(new ImportLocation(_name, reader.Name, number, null), "ImportOptions.MaxCellLength", _maxCell,
                            string.Create(CultureInfo.InvariantCulture, $"cell {i + 1} of the row holds {text.Length:N0} characters"));
                    }

                    last = i + 1;
                }
            }

            return last;
        }
        catch (Exception error) when (error is not (ImportFormatException or OutOfMemoryException))
        {
            throw WorkbookFile.Unreadable(_name, "xlsx", error);
        }
    }

    /// <summary>Runs a call into ExcelDataReader; whatever it throws on a malformed workbook becomes a format error naming the file.</summary>
    private T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception error) when (error is not (ImportFormatException or OutOfMemoryException))
        {
            throw WorkbookFile.Unreadable(_name, "xlsx", error);
        }
    }

    public void Dispose() => _stream.Dispose();
}
