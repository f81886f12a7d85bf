using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CrimeOutcomes.Import;

/// <summary>
/// Streams the sheets of an OpenDocument spreadsheet by reading its <c>content.xml</c> with an
/// <see cref="XmlReader"/> straight out of the zip (it can expand to hundreds of MB; it is never loaded whole).
/// Handles <c>table:number-columns-repeated</c> and <c>table:number-rows-repeated</c>: repeated empty cells at a
/// row's end and repeated empty rows at a sheet's end (formatting that spans the whole sheet) are dropped.
/// </summary>
internal sealed class OdsSheetSource : ISheetSource
{
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>Repeated cells beyond this many are formatting, not data.</summary>
    private const int MaxRepeat = 10_000;

    /// <summary>The most columns a sheet has (Excel's and LibreOffice's limit): a value beyond is malformed.</summary>
    private const int MaxColumns = 16_384;

    private readonly ZipArchive _zip;
    private readonly string _name;
    private readonly int _maxCell;
    private char[]? _chunk;

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
        using var stream = entry.Open();

        // Decoded before the XML reader sees it: the reader's own decoding throws ArgumentOutOfRangeException on a
        // declaration such as <?xml version="1.0¿"?> (dotnet/runtime#113061). Invalid UTF-8 still fails, as a
        // DecoderFallbackException.
        using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var xml = XmlReader.Create(text, new XmlReaderSettings { IgnoreComments = true, IgnoreProcessingInstructions = true, IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit });
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "table" && xml.NamespaceURI == TableNs)
            {
                var name = xml.GetAttribute("name", TableNs) ?? "(unnamed)";
                if (xml.IsEmptyElement)
                {
                    yield return new Sheet(name, []);
                    continue;
                }

                var rows = new SheetRows(xml, this, name);
                yield return new Sheet(name, rows.Read());
                rows.SkipRest();
            }
        }
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>The rows of the table element the reader is on.</summary>
    private sealed class SheetRows(XmlReader xml, OdsSheetSource source, string sheet)
    {
        private readonly int _depth = xml.Depth;
        private bool _finished;
        private bool _cellWasNumber;

        public IEnumerable<SheetRow> Read()
        {
            var cells = new string?[32];
            long number = 0;
            long pendingEmpty = 0;
            var text = new StringBuilder();
            while (!_finished && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == _depth)
                {
                    _finished = true;
                    break;
                }

                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "table-row" || xml.NamespaceURI != TableNs)
                {
                    continue;
                }

                var repeat = Repeat(xml.GetAttribute("number-rows-repeated", TableNs));
                ulong numeric = 0;
                var count = xml.IsEmptyElement ? 0 : ReadRow(ref cells, ref numeric, text, number + pendingEmpty + 1);
                if (count == 0)
                {
                    // Empty rows are emitted only when data follows them: trailing ones are formatting.
                    pendingEmpty += repeat;
                    continue;
                }

                for (; pendingEmpty > 0; pendingEmpty--)
                {
                    yield return new SheetRow(++number, cells, 0);
                }

                // Every repeat of a row with values is a row (the reader stops at ImportOptions.MaxSheetRows).
                for (var r = 0; r < repeat; r++)
                {
                    yield return new SheetRow(++number, cells, count, numeric);
                }
            }
        }

        public void SkipRest()
        {
            while (!_finished && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == _depth)
                {
                    _finished = true;
                }
            }
        }

        /// <summary>Reads the cells of the row element the reader is on; returns the count up to the last non-empty cell.</summary>
        private int ReadRow(ref string?[] cells, ref ulong numeric, StringBuilder text, long number)
        {
            var rowDepth = xml.Depth;
            var column = 0;
            var last = 0;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == rowDepth))
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != TableNs || xml.LocalName is not ("table-cell" or "covered-table-cell"))
                {
                    continue;
                }

                var repeat = Repeat(xml.GetAttribute("number-columns-repeated", TableNs));
                var value = CellValue(text, number, column);
                var isNumber = _cellWasNumber;
                if (value is null)
                {
                    column = (int)Math.Min((long)column + repeat, MaxColumns + 1);
                    continue;
                }

                if (column >= MaxColumns)
                {
                    throw new ImportFormatException(new ImportLocation(source._name, sheet, number, null),
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a cell has a value beyond column {MaxColumns:N0}, the last a sheet can have."));
                }

                for (var r = 0; r < Math.Min(repeat, MaxRepeat) && column < MaxColumns; r++)
                {
                    if (column >= cells.Length)
                    {
                        Array.Resize(ref cells, Math.Max(cells.Length * 2, column + 1));
                    }

                    // Fill the empty cells skipped before this one.
                    for (var i = last; i < column; i++)
                    {
                        cells[i] = null;
                    }

                    if (isNumber && column < 64)
                    {
                        numeric |= 1UL << column;
                    }

                    cells[column++] = value;
                    last = column;
                }
            }

            return last;
        }

        /// <summary>The value of the cell element the reader is on: office:value for numbers, else its paragraphs' text.</summary>
        private string? CellValue(StringBuilder text, long row, int column)
        {
            var type = xml.GetAttribute("value-type", OfficeNs);
            var number = type is "float" or "percentage" or "currency" ? xml.GetAttribute("value", OfficeNs) : null;
            _cellWasNumber = number is not null;
            if (xml.IsEmptyElement)
            {
                return number;
            }

            var depth = xml.Depth;
            text.Clear();
            var paragraphs = 0;
            var annotationDepth = -1;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (annotationDepth >= 0)
                {
                    // Inside a comment attached to the cell: not part of its value.
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == annotationDepth)
                    {
                        annotationDepth = -1;
                    }

                    continue;
                }

                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "p":
                        if (paragraphs++ > 0)
                        {
                            text.Append('\n');
                        }

                        break;
                    case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "s":
                        var spaces = Repeat(xml.GetAttribute("c", TextNs));
                        CheckLength(text, spaces, row, column);
                        text.Append(' ', spaces);
                        break;
                    case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "tab":
                        text.Append('\t');
                        break;
                    case XmlNodeType.Element when xml.NamespaceURI == OfficeNs && xml.LocalName == "annotation" && !xml.IsEmptyElement:
                        annotationDepth = xml.Depth;
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when paragraphs > 0:
                        AppendValue(text, row, column);
                        break;
                }
            }

            return number ?? (text.Length > 0 ? text.ToString() : null);
        }

        /// <summary>Appends the text node the reader is on, in chunks, refusing a cell longer than the limit before it is buffered.</summary>
        private void AppendValue(StringBuilder text, long number, int column)
        {
            if (!xml.CanReadValueChunk)
            {
                CheckLength(text, xml.Value.Length, number, column);
                text.Append(xml.Value);
                return;
            }

            var buffer = source._chunk ??= new char[4096];
            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                CheckLength(text, read, number, column);
                text.Append(buffer, 0, read);
            }
        }

        private void CheckLength(StringBuilder text, int adding, long number, int column)
        {
            if ((long)text.Length + adding > source._maxCell)
            {
                throw new ImportLimitException(new ImportLocation(source._name, sheet, number, null), "ImportOptions.MaxCellLength", source._maxCell,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cell {column + 1} of the row holds more than {source._maxCell:N0} characters"));
            }
        }

        private static int Repeat(string? value)
            => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
    }
}
