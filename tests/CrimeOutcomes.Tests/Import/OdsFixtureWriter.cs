using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// Writes an OpenDocument spreadsheet row by row with an <see cref="XmlWriter"/> straight into the zip entry of
/// <c>content.xml</c>, so a workbook of any size is written without being held in memory. Whole numbers are
/// written as numbers (<c>office:value-type="float"</c>, as the published workbooks store counts), other cells as
/// text; runs of equal cells in a row with <c>table:number-columns-repeated</c>, and spaces that OpenDocument would
/// collapse (runs, and spaces at either end of a paragraph) as <c>text:s</c>, as LibreOffice writes them.
/// </summary>
public sealed class OdsFixtureWriter : IDisposable
{
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string ManifestNs = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private const string MimeType = "application/vnd.oasis.opendocument.spreadsheet";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,

        // Fixtures may hold any text (the hostile tests write control characters); the reader is what is tested.
        CheckCharacters = false,
    };

    private readonly ZipArchive _zip;
    private readonly Stream _content;
    private readonly XmlWriter _xml;
    private bool _inSheet;

    /// <summary>Creates the file and starts its spreadsheet; add sheets with <see cref="StartSheet"/>, finish with <see cref="Dispose"/>.</summary>
    /// <param name="path">The file to create (replaced if it exists).</param>
    public OdsFixtureWriter(string path)
    {
        _zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        using (var mimetype = new StreamWriter(_zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open(), Settings.Encoding))
        {
            mimetype.Write(MimeType);
        }

        WriteManifest();
        _content = _zip.CreateEntry("content.xml", CompressionLevel.Fastest).Open();
        _xml = XmlWriter.Create(_content, Settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement("office", "document-content", OfficeNs);
        _xml.WriteAttributeString("xmlns", "table", null, TableNs);
        _xml.WriteAttributeString("xmlns", "text", null, TextNs);
        _xml.WriteAttributeString("version", OfficeNs, "1.2");
        _xml.WriteStartElement("body", OfficeNs);
        _xml.WriteStartElement("spreadsheet", OfficeNs);
    }

    /// <summary>Writes a workbook of <paramref name="sheets"/>, each row enumerated once as it is written.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="sheets">The sheets in order.</param>
    public static void Write(string path, IEnumerable<FixtureSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var ods = new OdsFixtureWriter(path);
        foreach (var sheet in sheets)
        {
            ods.StartSheet(sheet.Name);
            foreach (var row in sheet.Rows)
            {
                ods.AddRow(row);
            }
        }
    }

    /// <summary>Ends the sheet being written, if any, and starts the next one.</summary>
    /// <param name="name">The sheet's name.</param>
    public void StartSheet(string name)
    {
        EndSheet();
        _xml.WriteStartElement("table", "table", TableNs);
        _xml.WriteAttributeString("table", "name", TableNs, name);
        _inSheet = true;
    }

    /// <summary>Adds a row (an empty row when <paramref name="cells"/> is empty).</summary>
    /// <param name="cells">The cells; null or empty cells are empty.</param>
    /// <param name="repeat">Written once with <c>table:number-rows-repeated</c> when more than 1.</param>
    /// <param name="trailingEmptyCells">Repeated empty cells after the last one, as formatting that spans the sheet leaves them.</param>
    public void AddRow(IReadOnlyList<string?> cells, int repeat = 1, int trailingEmptyCells = 0)
    {
        ArgumentNullException.ThrowIfNull(cells);
        StartRow(repeat);
        for (var c = 0; c < cells.Count; c++)
        {
            var run = 1;
            while (c + run < cells.Count && cells[c + run] == cells[c])
            {
                run++;
            }

            WriteCell(cells[c], run);
            c += run - 1;
        }

        if (trailingEmptyCells > 0)
        {
            WriteCell(null, trailingEmptyCells);
        }

        _xml.WriteEndElement();
    }

    /// <summary>Adds <paramref name="repeat"/> empty rows of <paramref name="cells"/> empty cells as one repeated row (formatting to the sheet's end).</summary>
    /// <param name="repeat">How many rows.</param>
    /// <param name="cells">How many cells each.</param>
    public void AddEmptyRows(int repeat, int cells) => AddRow([], repeat, cells);

    private void StartRow(int repeat)
    {
        if (!_inSheet)
        {
            throw new InvalidOperationException("Start a sheet before adding rows.");
        }

        _xml.WriteStartElement("table", "table-row", TableNs);
        if (repeat > 1)
        {
            _xml.WriteAttributeString("table", "number-rows-repeated", TableNs, repeat.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void WriteCell(string? text, int repeat)
    {
        _xml.WriteStartElement("table", "table-cell", TableNs);
        if (repeat > 1)
        {
            _xml.WriteAttributeString("table", "number-columns-repeated", TableNs, repeat.ToString(CultureInfo.InvariantCulture));
        }

        if (string.IsNullOrEmpty(text))
        {
            // An empty cell has no value type and no paragraph.
        }
        else if (OpenDataFixtures.IsWholeNumber(text, out var number))
        {
            _xml.WriteAttributeString("office", "value-type", OfficeNs, "float");
            _xml.WriteAttributeString("office", "value", OfficeNs, number.ToString(CultureInfo.InvariantCulture));
            _xml.WriteElementString("text", "p", TextNs, number.ToString("N0", CultureInfo.InvariantCulture));
        }
        else
        {
            _xml.WriteAttributeString("office", "value-type", OfficeNs, "string");
            foreach (var line in text.Split('\n'))
            {
                WriteParagraph(line);
            }
        }

        _xml.WriteEndElement();
    }

    private void WriteParagraph(string line)
    {
        _xml.WriteStartElement("text", "p", TextNs);
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '\t')
            {
                _xml.WriteStartElement("text", "tab", TextNs);
                _xml.WriteEndElement();
                i++;
            }
            else if (line[i] == ' ')
            {
                var end = i;
                while (end < line.Length && line[end] == ' ')
                {
                    end++;
                }

                WriteSpaces(end - i, single: end - i == 1 && i > 0 && end < line.Length);
                i = end;
            }
            else
            {
                var next = line.AsSpan(i).IndexOfAny(' ', '\t');
                var end = next < 0 ? line.Length : i + next;
                _xml.WriteString(line[i..end]);
                i = end;
            }
        }

        _xml.WriteEndElement();
    }

    /// <summary>One space between words as it is; otherwise <c>text:s</c> with its count (OpenDocument collapses white space).</summary>
    private void WriteSpaces(int count, bool single)
    {
        if (single)
        {
            _xml.WriteString(" ");
            return;
        }

        _xml.WriteStartElement("text", "s", TextNs);
        if (count > 1)
        {
            _xml.WriteAttributeString("text", "c", TextNs, count.ToString(CultureInfo.InvariantCulture));
        }

        _xml.WriteEndElement();
    }

    private void EndSheet()
    {
        if (_inSheet)
        {
            _xml.WriteEndElement();
            _inSheet = false;
        }
    }

    private void WriteManifest()
    {
        using var stream = _zip.CreateEntry("META-INF/manifest.xml", CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("manifest", "manifest", ManifestNs);
        xml.WriteAttributeString("version", ManifestNs, "1.2");
        foreach (var (path, type) in new[] { ("/", MimeType), ("content.xml", "text/xml") })
        {
            xml.WriteStartElement("file-entry", ManifestNs);
            xml.WriteAttributeString("full-path", ManifestNs, path);
            xml.WriteAttributeString("media-type", ManifestNs, type);
            xml.WriteEndElement();
        }

        xml.WriteEndDocument();
    }

    /// <summary>Ends the last sheet and the document, and closes the file.</summary>
    public void Dispose()
    {
        EndSheet();
        _xml.WriteEndDocument();
        _xml.Dispose();
        _content.Dispose();
        _zip.Dispose();
    }
}
