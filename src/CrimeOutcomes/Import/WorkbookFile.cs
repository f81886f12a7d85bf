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
            Span<byte> buffer = stackalloc byte[FileSignature.Length];
            var start = buffer[..stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
            if (start.IsEmpty)
            {
                throw new ImportFormatException(name, $"'{name}' is empty; an {kind} workbook is a zip archive.", null);
            }

            if (!FileSignature.IsZip(start))
            {
                var what = FileSignature.IsXls(start) ? "it is an Excel 97-2003 (.xls) file; save it as .xlsx"
                    : FileSignature.Describe(start) is { } looks ? $"it looks like {looks}, and an {kind} workbook is a zip archive"
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
            CheckExpansion(entry, name, options, "part");
        }
    }

    /// <summary>
    /// Refuses an entry of a zip archive whose declared sizes go beyond <see cref="ImportOptions.MaxEntryBytes"/> or
    /// <see cref="ImportOptions.MaxCompressionRatio"/>, before anything is expanded.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="name">The archive's name for messages.</param>
    /// <param name="options">The limits.</param>
    /// <param name="noun">What the entry is called in the message: "part" of a workbook, "entry" of an archive.</param>
    public static void CheckExpansion(ZipArchiveEntry entry, string name, ImportOptions options, string noun)
    {
        if (entry.Length > options.MaxEntryBytes)
        {
            throw new ImportLimitException(name, "ImportOptions.MaxEntryBytes", options.MaxEntryBytes,
                string.Create(CultureInfo.InvariantCulture, $"its {noun} '{Shorten(entry.FullName)}' expands to {entry.Length:N0} bytes"));
        }

        var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
        if (entry.Length > RatioGraceBytes && ratio > options.MaxCompressionRatio)
        {
            throw new ImportLimitException(name, "ImportOptions.MaxCompressionRatio", options.MaxCompressionRatio,
                string.Create(CultureInfo.InvariantCulture, $"its {noun} '{Shorten(entry.FullName)}' expands {ratio:N0} times, from {entry.CompressedLength:N0} to {entry.Length:N0} bytes (a zip bomb?)"));
        }
    }

    /// <summary>A name or message quoted in a message, cut to 200 characters.</summary>
    public static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
