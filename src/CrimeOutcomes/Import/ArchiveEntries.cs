using System.IO.Compression;

namespace CrimeOutcomes.Import;

/// <summary>
/// The tables in a zip archive, as people send them: every entry named .csv, .csv.gz, .xlsx or .ods is a table, read
/// as a file of its own named "archive.zip/entry". Folders, macOS metadata (<c>__MACOSX/</c>) and other files (a
/// readme.txt, notes as a PDF) are passed over; an archive without a table is refused, listing what it holds. The
/// sizes each table entry declares are checked before it is expanded, as for the parts of a workbook
/// (<see cref="ImportOptions.MaxEntryBytes"/>, <see cref="ImportOptions.MaxCompressionRatio"/>).
/// </summary>
internal sealed class ArchiveEntries : IDisposable
{
    /// <summary>How the temporary copies of workbook entries are named, in the temp folder.</summary>
    internal const string TemporaryPrefix = "crime-outcomes-entry-";

    private const int MaxNamesListed = 20;

    private static readonly string[] TableExtensions = [".csv", ".csv.gz", ".xlsx", ".ods"];

    private readonly ZipArchive _zip;

    private ArchiveEntries(ZipArchive zip, string name, IReadOnlyList<ZipArchiveEntry> tables)
    {
        _zip = zip;
        Name = name;
        Tables = tables;
    }

    /// <summary>The archive's name for messages.</summary>
    public string Name { get; }

    /// <summary>The table entries, in archive order.</summary>
    public IReadOnlyList<ZipArchiveEntry> Tables { get; }

    /// <summary>Opens the archive and finds its tables, checked against the limits.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">Its name for messages.</param>
    /// <param name="options">The limits.</param>
    /// <exception cref="ImportFormatException">The file is not a readable zip archive, or holds no table.</exception>
    /// <exception cref="ImportLimitException">A table entry would expand beyond a limit.</exception>
    public static ArchiveEntries Open(string path, string name, ImportOptions options)
    {
        var start = FileSignature.Read(path);
        if (start.Length == 0)
        {
            throw new ImportFormatException(name, $"'{name}' is empty; a zip archive of csv, xlsx or ods files was expected.", null);
        }

        if (!FileSignature.IsZip(start))
        {
            var looks = FileSignature.Describe(start) is { } what ? $"it looks like {what}" : "it does not start like one";
            throw new ImportFormatException(name, $"'{name}' is not a zip archive: {looks}.", null);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            try
            {
                var files = zip.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToArray();
                var tables = files.Where(IsTable).ToArray();
                if (tables.Length == 0)
                {
                    throw new ImportFormatException(name, $"'{name}' holds no table (a .csv, .csv.gz, .xlsx or .ods file){Holding(files)}.", null);
                }

                foreach (var table in tables)
                {
                    WorkbookFile.CheckExpansion(table, name, options, "entry");
                }

                return new ArchiveEntries(zip, name, tables);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch (InvalidDataException error)
        {
            stream.Dispose();
            throw new ImportFormatException(name, $"'{name}' is not a readable zip archive: {WorkbookFile.Shorten(error.Message)}", error);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The entry's name as a file of its own: "archive.zip/entry.csv".</summary>
    public string NameOf(ZipArchiveEntry entry) => $"{Name}/{entry.FullName}";

    /// <summary>
    /// Copies the entry (no more than the size it declares, which the limits were checked against) to a temporary
    /// file for a reader that needs to seek, reads it with <paramref name="read"/> and deletes it.
    /// </summary>
    public static T Extracted<T>(ZipArchiveEntry entry, Func<string, T> read)
    {
        var temporary = Path.Combine(Path.GetTempPath(), TemporaryPrefix + Path.GetRandomFileName());
        try
        {
            using (var source = entry.Open())
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                source.CopyTo(target);
            }

            return read(temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public void Dispose() => _zip.Dispose();

    private static bool IsTable(ZipArchiveEntry entry)
        => TableExtensions.Any(extension => entry.FullName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>"; it holds readme.txt, notes.pdf" (the first 20 names), or "; it is empty".</summary>
    private static string Holding(ZipArchiveEntry[] files)
    {
        if (files.Length == 0)
        {
            return "; it is empty";
        }

        var names = string.Join(", ", files.Take(MaxNamesListed).Select(f => WorkbookFile.Shorten(f.FullName)));
        return files.Length > MaxNamesListed ? $"; it holds {names} and {files.Length - MaxNamesListed} more files" : $"; it holds {names}";
    }
}
