using System.Text;

namespace CrimeOutcomes.Import;

/// <summary>
/// How the bytes of a csv file become text, found from its start: UTF-16 (little or big endian) when it starts with
/// that byte order mark (Excel's "Unicode text"), UTF-8 (with or without its byte order mark) when the sample is valid
/// UTF-8, and Windows-1252 otherwise (what Excel and force systems on Windows write: an en dash is byte 0x96). A file
/// that is no text at all (a zip archive, a PDF, NUL bytes near its start) is refused naming the file and saying what
/// it looks like. UTF-8 is decoded strictly, so that a byte that is not UTF-8 past the sample stops the read with a
/// <see cref="DecoderFallbackException"/> and <see cref="ReadWithFallback{T}"/> reads the file again as Windows-1252.
/// </summary>
/// <param name="Name">The encoding's name in the report: "UTF-8", "UTF-16LE", "UTF-16BE" or "Windows-1252".</param>
/// <param name="Encoding">The decoder; its preamble (byte order mark) is skipped by the stream reader.</param>
internal sealed record TextFileDecoding(string Name, Encoding Encoding)
{
    /// <summary>How much of a file's start is looked at: also the longest header line of a csv file read in byte ranges.</summary>
    public const int SampleBytes = 1 << 16;

    /// <summary>Text with a NUL byte among its first bytes is binary (as git decides it).</summary>
    private const int BinaryCheckBytes = 8000;

    /// <summary>UTF-8 that throws on a byte sequence that is not UTF-8, and whose preamble is the UTF-8 byte order mark.</summary>
    public static TextFileDecoding Utf8 { get; } = new("UTF-8", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true));

    /// <summary>Windows-1252 (every byte is a character), from the code-pages provider that .NET registers on demand.</summary>
    public static TextFileDecoding Windows1252 { get; } = new("Windows-1252", CodePage(1252));

    private static TextFileDecoding Utf16LittleEndian { get; } = new("UTF-16LE", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

    private static TextFileDecoding Utf16BigEndian { get; } = new("UTF-16BE", new UnicodeEncoding(bigEndian: true, byteOrderMark: true));

    /// <summary>The decoding of a text whose first bytes are <paramref name="sample"/>; refuses a file that is not text.</summary>
    /// <param name="sample">Up to <see cref="SampleBytes"/> bytes from the start.</param>
    /// <param name="complete">Whether the sample is the whole file (a multi-byte character cut at its end is then an error).</param>
    /// <param name="name">The file's name for messages.</param>
    /// <param name="workbooks">Whether the reader also takes xlsx and ods workbooks (it says so when the file is one).</param>
    /// <exception cref="ImportFormatException">The file is empty, or is not text.</exception>
    public static TextFileDecoding Detect(ReadOnlySpan<byte> sample, bool complete, string name, bool workbooks)
    {
        if (sample.IsEmpty)
        {
            throw new ImportFormatException(name, $"'{name}' is empty; it should start with the header row.", null);
        }

        if (FileSignature.IsZip(sample))
        {
            throw new ImportFormatException(name, workbooks
                ? $"'{name}' is a zip archive (an xlsx or ods workbook?), not a csv file; name it .xlsx or .ods."
                : $"'{name}' is a zip archive (an xlsx or ods workbook?), not a csv file; save it as csv.", null);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16LittleEndian;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16BigEndian;
        }

        var looks = FileSignature.Describe(sample)
            ?? (sample[..Math.Min(sample.Length, BinaryCheckBytes)].Contains((byte)0) ? "binary data (it has NUL bytes near its start)" : null);
        if (looks is not null)
        {
            throw new ImportFormatException(name,
                $"'{name}' is not a csv file: it looks like {looks}. Expected text with a header row (UTF-8, UTF-16 with a byte order mark, or Windows-1252){(workbooks ? ", or a .csv.gz, .zip, .xlsx or .ods file" : string.Empty)}.",
                null);
        }

        return IsUtf8(sample, complete) ? Utf8 : Windows1252;
    }

    /// <summary>The decoding of the file at <paramref name="path"/>, from its first <see cref="SampleBytes"/> bytes.</summary>
    public static TextFileDecoding Detect(string path, string name, bool workbooks)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var sample = Sample(file);
        return Detect(sample, sample.Length == file.Length, name, workbooks);
    }

    /// <summary>Up to <see cref="SampleBytes"/> bytes from the stream's position.</summary>
    public static byte[] Sample(Stream stream)
    {
        var buffer = new byte[SampleBytes];
        return buffer[..stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
    }

    /// <summary>
    /// Reads with this decoding; when it is UTF-8 and a byte past the sample turns out not to be, reads again, from the
    /// start, as Windows-1252.
    /// </summary>
    public T ReadWithFallback<T>(Func<TextFileDecoding, T> read)
    {
        try
        {
            return read(this);
        }
        catch (DecoderFallbackException) when (this == Utf8)
        {
            return read(Windows1252);
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> sample, bool complete)
    {
        try
        {
            // A character cut at the end of a partial sample is left pending, not refused.
            Utf8.Encoding.GetDecoder().GetCharCount(sample, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CodePage(int codePage)
    {
        // Registering the provider twice (XlsxSheetSource does too) is harmless; the static initialiser runs once.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
