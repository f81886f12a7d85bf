namespace CrimeOutcomes.Import;

/// <summary>
/// What a file is, from its first bytes rather than its name: a gzip stream, a zip archive (xlsx and ods workbooks
/// are ones), or one of the formats people mistake for a table (a PDF, an .xls workbook, a web page saved in place
/// of the file), so that a refusal can say what the file looks like.
/// </summary>
internal static class FileSignature
{
    /// <summary>Enough of a file's start for every signature here.</summary>
    public const int Length = 16;

    private static readonly byte[] GzipStart = [0x1F, 0x8B];

    private static readonly byte[] XlsStart = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly (byte[] Start, string What)[] Known =
    [
        (GzipStart, "a gzip file"),
        (XlsStart, "an Excel 97-2003 (.xls) workbook or another Office 97-2003 file"),
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ("BZh"u8.ToArray(), "a bzip2 file"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz file"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ];

    /// <summary>Whether the bytes start like a gzip stream (1F 8B).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> start) => start.StartsWith(GzipStart);

    /// <summary>Whether the bytes start like a zip archive: a local file header, or the end record of an empty archive.</summary>
    public static bool IsZip(ReadOnlySpan<byte> start) => start.StartsWith("PK\u0003\u0004"u8) || start.StartsWith("PK\u0005\u0006"u8);

    /// <summary>Whether the bytes start like an Office 97-2003 compound file (an .xls workbook).</summary>
    public static bool IsXls(ReadOnlySpan<byte> start) => start.StartsWith(XlsStart);

    /// <summary>The first bytes of the file (fewer when it is shorter).</summary>
    public static byte[] Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var start = new byte[Length];
        return start[..file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)];
    }

    /// <summary>"a PDF document", "a gzip file", "an HTML page …" and the like for a format that is not a csv table, or null.</summary>
    public static string? Describe(ReadOnlySpan<byte> start)
    {
        foreach (var (signature, what) in Known)
        {
            if (start.StartsWith(signature))
            {
                return what;
            }
        }

        var text = start.StartsWith("\uFEFF"u8) ? start[3..] : start;
        text = text.TrimStart(" \t\r\n"u8);
        if (StartsWithIgnoringCase(text, "<!DOCTYPE html"u8) || StartsWithIgnoringCase(text, "<html"u8))
        {
            return "an HTML page (a web page saved in place of the file?)";
        }

        return text.StartsWith("<?xml"u8) ? "an XML document" : null;
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
        => text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
