using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace CrimeOutcomes.Benchmarks;

/// <summary>
/// A minimal streaming xlsx writer that writes what Excel writes: a shared-strings table (every text cell
/// <c>t="s"</c>), a cell reference on every cell and row (<c>r="C5"</c>), empty cells left out (so references skip
/// columns), <c>spans</c> on rows, numbers as <c>&lt;v&gt;</c> without a type. Cells are strings, longs or null.
/// SpreadCheetah writes inline strings without references instead; the published workbooks are Excel's.
/// </summary>
internal static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(string path, IReadOnlyList<(string Name, IEnumerable<object?[]> Rows)> sheets)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stringOrder = new List<string>();
        for (var s = 0; s < sheets.Count; s++)
        {
            using var writer = Entry(zip, $"xl/worksheets/sheet{s + 1}.xml");
            writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\r\n"}<worksheet xmlns="{Main}" xmlns:r="{Rels}"><sheetData>""");
            var number = 0;
            foreach (var row in sheets[s].Rows)
            {
                number++;
                if (row.Length == 0)
                {
                    continue;
                }

                var rowText = number.ToString(CultureInfo.InvariantCulture);
                writer.Write("<row r=\"");
                writer.Write(rowText);
                writer.Write("\" spans=\"1:");
                writer.Write(row.Length.ToString(CultureInfo.InvariantCulture));
                writer.Write("\">");
                for (var c = 0; c < row.Length; c++)
                {
                    switch (row[c])
                    {
                        case null:
                            break;
                        case long value:
                            Reference(writer, c, rowText);
                            writer.Write("\"><v>");
                            writer.Write(value.ToString(CultureInfo.InvariantCulture));
                            writer.Write("</v></c>");
                            break;
                        case string text:
                            if (!strings.TryGetValue(text, out var index))
                            {
                                strings[text] = index = stringOrder.Count;
                                stringOrder.Add(text);
                            }

                            Reference(writer, c, rowText);
                            writer.Write("\" t=\"s\"><v>");
                            writer.Write(index.ToString(CultureInfo.InvariantCulture));
                            writer.Write("</v></c>");
                            break;
                        default:
                            throw new ArgumentException($"A cell is a {row[c]!.GetType().Name}; only strings and longs are written.", nameof(sheets));
                    }
                }

                writer.Write("</row>");
            }

            writer.Write("</sheetData></worksheet>");
        }

        using (var writer = Entry(zip, "xl/sharedStrings.xml"))
        {
            writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\r\n"}<sst xmlns="{Main}" count="{stringOrder.Count}" uniqueCount="{stringOrder.Count}">""");
            foreach (var text in stringOrder)
            {
                writer.Write(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
                writer.Write(SecurityElement.Escape(text));
                writer.Write("</t></si>");
            }

            writer.Write("</sst>");
        }

        var sheetList = string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
        var sheetRels = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{Rels}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
        var sheetTypes = string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""));
        Part(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{Rels}"><sheets>{sheetList}</sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheetRels}<Relationship Id="rId{sheets.Count + 1}" Type="{Rels}/styles" Target="styles.xml"/><Relationship Id="rId{sheets.Count + 2}" Type="{Rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        Part(zip, "xl/styles.xml", $"""<styleSheet xmlns="{Main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>""");
        Part(zip, "_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "[Content_Types].xml", $"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
    }

    private static readonly string[] Columns = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    private static void Reference(StreamWriter writer, int column, string row)
    {
        writer.Write("<c r=\"");
        writer.Write(Columns[column]);
        writer.Write(row);
    }

    private static StreamWriter Entry(ZipArchive zip, string name)
        => new(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);

    private static void Part(ZipArchive zip, string name, string body)
    {
        using var writer = Entry(zip, name);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        writer.Write(body);
    }
}
