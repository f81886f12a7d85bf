using System.IO.Compression;

namespace CrimeOutcomes.Import;

/// <summary>
/// Streams the sheets of an OpenDocument spreadsheet by scanning the UTF-8 bytes of its <c>content.xml</c> straight
/// out of the zip (<see cref="OdsContentScanner"/>: it can expand to hundreds of MB; it is never loaded whole).
/// Handles <c>table:number-columns-repeated</c> and <c>table:number-rows-repeated</c>: repeated empty cells at a
/// row's end and repeated empty rows at a sheet's end (formatting that spans the whole sheet) are dropped.
/// Malformed XML throws <see cref="System.Xml.XmlException"/>, which <see cref="SheetTableReader"/> turns into a
/// format error naming the file.
/// </summary>
internal sealed class OdsSheetSource : ISheetSource
{
    private readonly ZipArchive _zip;
    private readonly string _name;
    private readonly int _maxCell;

    private OdsSheetSource(ZipArchive zip, string name, int maxCell)
    {
        _zip = zip;
        _name = name;
        _maxCell = maxCell;
    }

    /// <summary>Opens the file after checking it (<see cref="WorkbookFile"/>).</summary>
    public static OdsSheetSource Open(string path, string name, ImportOptions options)
    {
        var stream = WorkbookFile.Open(path, name, options, "ods");
        try
        {
            return new(new ZipArchive(stream, ZipArchiveMode.Read), name, options.MaxCellLength);
        }
        catch (InvalidDataException error)
        {
            stream.Dispose();
            throw WorkbookFile.Unreadable(name, "ods", error);
        }
    }

    public IEnumerable<Sheet> Sheets()
    {
        var entry = _zip.GetEntry("content.xml") ?? throw new ImportFormatException(_name, $"'{_name}' is not an OpenDocument spreadsheet: it has no content.xml.", null);
        using var scanner = new OdsContentScanner(entry.Open(), _name, _maxCell);
        var index = 0;
        while (scanner.NextSheet(out var name))
        {
            yield return new Sheet(name, Rows(scanner, ++index));
        }

        IEnumerable<SheetRow> Rows(OdsContentScanner scanner, int sheet)
        {
            // A sheet's rows are read only while it is the current one (each sheet is read before the next is asked for).
            while (index == sheet && scanner.NextRow(out var row))
            {
                yield return row;
            }
        }
    }

    public void Dispose() => _zip.Dispose();
}
