using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CrimeOutcomes.Import;

/// <summary>
/// Streams the sheets of an xlsx workbook straight from its zip entries. The small parts (the package and workbook
/// relationships, <c>workbook.xml</c> for the sheet names and order, the shared-strings table) are read with an
/// <see cref="XmlReader"/>; each sheet's XML, the bulk of the file, is read by <see cref="XlsxSheetScanner"/>, a
/// scanner of its UTF-8 bytes that keeps one buffer and one row in memory. The file is checked first
/// (<see cref="WorkbookFile"/>). Malformed XML becomes an <see cref="ImportFormatException"/> naming the file (and the
/// sheet and row where the scanner met it); a cell longer than <see cref="ImportOptions.MaxCellLength"/> an
/// <see cref="ImportLimitException"/> naming the sheet and row; a shared-strings table larger than
/// <see cref="ImportOptions.MaxSharedStringsLength"/> one naming the file.
/// </summary>
/// <remarks>
/// Cell styles are not read: a number is read as a number whatever its number format (a date-formatted count reads
/// as its serial number, which is what the cell holds). Chart sheets and other non-worksheet sheets are passed over.
/// </remarks>
internal sealed class XlsxSheetSource : ISheetSource
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly string _name;
    private readonly ImportOptions _options;

    private XlsxSheetSource(ZipArchive zip, string name, ImportOptions options)
    {
        _zip = zip;
        _name = name;
        _options = options;
    }

    /// <summary>Opens the file after checking it (<see cref="WorkbookFile"/>).</summary>
    public static XlsxSheetSource Open(string path, string name, ImportOptions options)
    {
        var stream = WorkbookFile.Open(path, name, options, "xlsx");
        try
        {
            return new(new ZipArchive(stream, ZipArchiveMode.Read), name, options);
        }
        catch (InvalidDataException error)
        {
            stream.Dispose();
            throw WorkbookFile.Unreadable(name, "xlsx", error);
        }
    }

    public IEnumerable<Sheet> Sheets()
    {
        var (sheets, sharedStringsPart) = Guard(ReadWorkbook);
        string?[]? sharedStrings = null;
        foreach (var (sheetName, part) in sheets)
        {
            var entry = _zip.GetEntry(part) ?? throw Missing($"its sheet '{WorkbookFile.Shorten(sheetName)}' has no part '{WorkbookFile.Shorten(part)}'");

            // Read once, before the first sheet: every sheet of the workbook indexes the same table.
            sharedStrings ??= sharedStringsPart is null ? [] : Guard(() => ReadSharedStrings(sharedStringsPart));
            var columns = new SheetColumns();
            yield return new Sheet(sheetName, Rows(entry, sheetName, sharedStrings, columns), columns);
        }
    }

    public void Dispose() => _zip.Dispose();

    private IEnumerable<SheetRow> Rows(ZipArchiveEntry entry, string sheet, string?[] sharedStrings, SheetColumns columns)
    {
        using var scanner = Guard(() => new XlsxSheetScanner(entry.Open(), _name, sheet, sharedStrings, _options.MaxCellLength, columns));
        while (Guard(scanner, static s => (s.Next(out var row), row)) is (true, var next))
        {
            yield return next;
        }
    }

    /// <summary>The worksheets in workbook order (name and part) and the shared-strings part, if the workbook has one.</summary>
    private (List<(string Name, string Part)> Sheets, string? SharedStrings) ReadWorkbook()
    {
        // The package's relationships name the workbook part (xl/workbook.xml, as every writer names it, when they do not).
        var workbook = "xl/workbook.xml";
        if (_zip.GetEntry("_rels/.rels") is { } packageRels)
        {
            workbook = Relationships(packageRels, string.Empty).FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? workbook;
        }

        var workbookEntry = _zip.GetEntry(workbook) ?? throw Missing($"it has no workbook part ('{WorkbookFile.Shorten(workbook)}')");
        var folder = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : string.Empty;
        var relsPath = folder + "_rels/" + workbook[folder.Length..] + ".rels";
        var rels = _zip.GetEntry(relsPath) is { } relsEntry ? Relationships(relsEntry, folder) : [];
        var byId = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        foreach (var (id, type, target) in rels)
        {
            byId.TryAdd(id, (type, target));
        }

        var sheets = new List<(string, string)>();
        using (var xml = OpenXml(workbookEntry))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet")
                {
                    continue;
                }

                var name = xml.GetAttribute("name") ?? string.Empty;
                var id = IdAttribute(xml);
                if (id is null || !byId.TryGetValue(id, out var rel))
                {
                    throw Missing($"its sheet '{WorkbookFile.Shorten(name)}' has no relationship{(id is null ? string.Empty : $" '{WorkbookFile.Shorten(id)}'")} to its part");
                }

                // Chart sheets, dialog sheets and macro sheets hold no cells.
                if (rel.Type.EndsWith("/worksheet", StringComparison.Ordinal))
                {
                    sheets.Add((name, rel.Target));
                }
            }
        }

        var sharedStrings = byId.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target
            ?? (_zip.GetEntry(folder + "sharedStrings.xml") is not null ? folder + "sharedStrings.xml" : null);
        return (sheets, sharedStrings);
    }

    /// <summary>The r:id of a sheet element (the transitional or the strict namespace of relationships).</summary>
    private static string? IdAttribute(XmlReader xml)
    {
        for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
        {
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
            {
                var value = xml.Value;
                xml.MoveToElement();
                return value;
            }
        }

        xml.MoveToElement();
        return null;
    }

    /// <summary>The internal relationships of a .rels part, their targets resolved to entry names.</summary>
    private static List<(string Id, string Type, string Target)> Relationships(ZipArchiveEntry rels, string folder)
    {
        var list = new List<(string, string, string)>();
        using var xml = OpenXml(rels);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.NamespaceURI == RelationshipsNs
                && xml.GetAttribute("TargetMode") is null or "Internal"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target)
            {
                list.Add((id, type, Resolve(folder, target)));
            }
        }

        return list;
    }

    /// <summary>A relationship target as a zip entry name: relative to the source part's folder, or from the root after '/'.</summary>
    internal static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(Uri.UnescapeDataString(segment));
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// The shared-strings table: each <c>si</c>'s text, the runs of rich text (<c>&lt;r&gt;&lt;t&gt;</c>) joined,
    /// phonetic runs (<c>rPh</c>) left out, an empty string as no value. Bounded: a string longer than
    /// <see cref="ImportOptions.MaxCellLength"/>, or a table longer than <see cref="ImportOptions.MaxSharedStringsLength"/>, stops the read.
    /// </summary>
    private string?[] ReadSharedStrings(string part)
    {
        if (_zip.GetEntry(part) is not { } entry)
        {
            return [];
        }

        var strings = new List<string?>();
        var text = new StringBuilder();
        long total = 0;
        using var xml = OpenXml(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                continue;
            }

            text.Clear();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                var skipDepth = -1;
                var textDepth = -1;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (skipDepth >= 0)
                    {
                        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == skipDepth)
                        {
                            skipDepth = -1;
                        }

                        continue;
                    }

                    switch (xml.NodeType)
                    {
                        case XmlNodeType.Element when xml.LocalName is "rPh" or "phoneticPr" && !xml.IsEmptyElement:
                            skipDepth = xml.Depth;
                            break;
                        case XmlNodeType.Element when xml.LocalName == "t" && !xml.IsEmptyElement:
                            textDepth = xml.Depth;
                            break;
                        case XmlNodeType.EndElement when xml.Depth == textDepth:
                            textDepth = -1;
                            break;
                        case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when textDepth >= 0:
                            var value = xml.Value;
                            if ((long)text.Length + value.Length > _options.MaxCellLength)
                            {
                                throw new ImportLimitException(_name, "ImportOptions.MaxCellLength", _options.MaxCellLength,
                                    string.Create(CultureInfo.InvariantCulture, $"string {strings.Count + 1:N0} of its shared-strings table holds more than {_options.MaxCellLength:N0} characters"));
                            }

                            text.Append(value);
                            break;
                    }
                }
            }

            // Each string costs its characters and, for its place in the table, 16 more.
            total += text.Length + 16;
            if (total > _options.MaxSharedStringsLength)
            {
                throw new ImportLimitException(_name, "ImportOptions.MaxSharedStringsLength", _options.MaxSharedStringsLength,
                    string.Create(CultureInfo.InvariantCulture, $"its shared-strings table holds more than {_options.MaxSharedStringsLength:N0} characters ({strings.Count + 1:N0} strings so far)"));
            }

            strings.Add(text.Length == 0 ? null : text.ToString());
        }

        return [.. strings];
    }

    /// <summary>
    /// An XML reader over a small part. The text is decoded before the reader sees it: the reader's own decoding
    /// throws ArgumentOutOfRangeException on a declaration such as &lt;?xml version="1.0¿"?&gt; (dotnet/runtime#113061).
    /// </summary>
    private static XmlReader OpenXml(ZipArchiveEntry entry)
    {
        var text = new StreamReader(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return XmlReader.Create(text, new XmlReaderSettings
        {
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
            CloseInput = true,
        });
    }

    private ImportFormatException Missing(string what) => new(_name, $"'{_name}' is not a readable xlsx workbook: {what}.", null);

    /// <summary>Runs a step of the read; whatever a malformed part makes it throw becomes a format error naming the file.</summary>
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

    private TResult Guard<TState, TResult>(TState state, Func<TState, TResult> call)
    {
        try
        {
            return call(state);
        }
        catch (Exception error) when (error is not (ImportFormatException or OutOfMemoryException))
        {
            throw WorkbookFile.Unreadable(_name, "xlsx", error);
        }
    }
}
