using System.Globalization;
using System.IO.Compression;

namespace CrimeOutcomes.Import;

/// <summary>
/// Opens an xlsx or ods file after checking that it is a zip archive and that none of its parts would expand beyond
/// <see cref="ImportOptions.MaxEntryBytes"/> or <see cref="ImportOptions.MaxCompressionRatio"/> (a zip bomb). The
/// sizes are the ones the archive declares, checked before anything is expanded; the runtime never expands a part
/// beyond its declared size, so a part that lies about its size is cut short (and its XML then fails to parse).
/// </summary>
internal static class WorkbookFile
{
    /// <summary>Parts that expand to less than this are never refused for their compression ratio.</summary>
    internal const long RatioGraceBytes = 1 << 20;

    /// <summary>The file, checked, positioned at its start.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">Its name for messages.</param>
    /// <param name="options">The limits.</param>
    /// <param name="kind">"xlsx" or "ods".</param>
    public static FileStream Open(string path, string name, ImportOptions options, string kind)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> start = stackalloc byte[8];
            var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                throw new ImportFormatException(name, $"'{name}' is empty; an {kind} workbook is a zip archive.", null);
            }

            if (!start[..read].StartsWith("PK\u0003\u0004"u8))
            {
                var what = start[..read].StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])
                    ? "it is an Excel 97-2003 (.xls) file; save it as .xlsx"
                    : $"an {kind} workbook is a zip archive and this file does not start like one (is it a csv file named .{kind}?)";
                throw new ImportFormatException(name, $"'{name}' is not an {kind} workbook: {what}.", null);
            }

            stream.Position = 0;
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                CheckParts(zip, name, options);
            }

            stream.Position = 0;
            return stream;
        }
        catch (InvalidDataException error)
        {
            stream.Dispose();
            throw Unreadable(name, kind, error);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>A whole-file error for a workbook its parser could not read.</summary>
    public static ImportFormatException Unreadable(string name, string kind, Exception error)
        => new(name, $"'{name}' is not a readable {kind} workbook: {Shorten(error.Message)}", error);

    private static void CheckParts(ZipArchive zip, string name, ImportOptions options)
    {
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > options.MaxEntryBytes)
            {
                throw new ImportLimitException(name, "ImportOptions.MaxEntryBytes", options.MaxEntryBytes,
                    string.Create(CultureInfo.InvariantCulture, $"its part '{Shorten(entry.FullName)}' expands to {entry.Length:N0} bytes"));
            }

            var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
            if (entry.Length > RatioGraceBytes && ratio > options.MaxCompressionRatio)
            {
                throw new ImportLimitException(name, "ImportOptions.MaxCompressionRatio", options.MaxCompressionRatio,
                    string.Create(CultureInfo.InvariantCulture, $"its part '{Shorten(entry.FullName)}' expands {ratio:N0} times, from {entry.CompressedLength:N0} to {entry.Length:N0} bytes (a zip bomb?)"));
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
