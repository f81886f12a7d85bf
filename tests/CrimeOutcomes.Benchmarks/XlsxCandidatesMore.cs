using System.IO.Compression;
using System.Xml;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Benchmarks;

internal static partial class XlsxCandidates
{
    /// <summary>The source in use (<see cref="XlsxSheetSource"/>: the sheet XML scanned as UTF-8 bytes from the zip entry).</summary>
    public static (long, long, long) ScannerCells(string path)
    {
        using var source = XlsxSheetSource.Open(path, Path.GetFileName(path), ImportOptions.Default);
        long rows = 0, cells = 0, checksum = 0;
        foreach (var sheet in source.Sheets())
        {
            foreach (var row in sheet.Rows)
            {
                rows++;
                for (var i = 0; i < row.Count; i++)
                {
                    if (row.Cells[i] is { } text)
                    {
                        cells++;
                        checksum += text.Length;
                    }
                }
            }
        }

        return (rows, cells, checksum);
    }

    /// <summary>The floor under every candidate: inflating every part of the zip, nothing read.</summary>
    public static (long, long, long) InflateOnly(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                bytes += read;
            }
        }

        return (0, 0, bytes);
    }

    /// <summary>
    /// The other candidate: each sheet's XML read with an <see cref="XmlReader"/> straight from the zip entry (names
    /// compared as atomised strings), shared strings loaded first. Whole numbers only, as the generated files hold.
    /// </summary>
    public static (long, long, long) XmlReaderCells(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } sst)
        {
            using var xml = XmlReader.Create(sst.Open());
            xml.MoveToContent();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                {
                    // ReadFrom leaves the reader on the node after the element.
                    strings.Add(((System.Xml.Linq.XElement)System.Xml.Linq.XNode.ReadFrom(xml)).Value);
                }
                else
                {
                    xml.Read();
                }
            }
        }

        long rows = 0, cells = 0, checksum = 0;
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            .OrderBy(e => int.Parse(e.Name[5..^4], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var entry in sheets)
        {
            var names = new NameTable();
            var row = names.Add("row");
            var c = names.Add("c");
            var v = names.Add("v");
            var t = names.Add("t");
            using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { NameTable = names, IgnoreWhitespace = true });
            string? type = null;
            var inValue = false;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when ReferenceEquals(xml.LocalName, row):
                        rows++;
                        break;
                    case XmlNodeType.Element when ReferenceEquals(xml.LocalName, c):
                        type = xml.GetAttribute("t");
                        break;
                    case XmlNodeType.Element when ReferenceEquals(xml.LocalName, v) || ReferenceEquals(xml.LocalName, t):
                        inValue = true;
                        break;
                    case XmlNodeType.EndElement when ReferenceEquals(xml.LocalName, v) || ReferenceEquals(xml.LocalName, t):
                        inValue = false;
                        break;
                    case XmlNodeType.Text when inValue:
                        var text = type == "s" ? strings[int.Parse(xml.Value, System.Globalization.CultureInfo.InvariantCulture)] : xml.Value;
                        cells++;
                        checksum += text.Length;
                        break;
                }
            }
        }

        return (rows, cells, checksum);
    }
}
