using System.IO.Compression;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the tables of one file with the options given (those of the reader, or, when several files are read in
/// parallel, a variant with the threads left to each file): a csv, gzip-compressed csv or workbook file, or each
/// table entry of a zip archive.
/// </summary>
internal sealed class FileTables(ImportOptions options)
{
    /// <summary>The tables of one file: one, or one per table entry of a zip archive.</summary>
    public List<FileAggregate> Read(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".XLSX" or ".ODS")
        {
            return [ReadTable(name, () => ReadWorkbook(path, name))];
        }

        if (extension == ".ZIP")
        {
            return ReadArchive(path, name);
        }

        // A gzip file is known by its first bytes, whatever its name says.
        var start = FileSignature.Read(path);
        return FileSignature.IsGzip(start) ? [ReadTable(name, () => CsvTableReader.Read(() => GzipExpansion.Open(path, name, options), name, options, "gzip"))]
            : extension is ".CSV" or ".TXT" ? [ReadTable(name, () => CsvTableReader.Read(path, name, options))]
            : extension == ".GZ" ? throw new ImportFormatException(name, start.Length == 0
                ? $"'{name}' is empty; a gzip file was expected."
                : $"'{name}' is not a gzip file: it does not start like one (expanded already? then name it .csv).", null)
            : throw new ImportFormatException(name, $"'{name}' is not a file the reader knows: expected .csv, .csv.gz, .zip, .xlsx or .ods.", null);
    }

    /// <summary>Each table entry of a zip archive, as a file of its own named "archive.zip/entry".</summary>
    private List<FileAggregate> ReadArchive(string path, string name)
    {
        using var archive = ArchiveEntries.Open(path, name, options);
        return [.. archive.Tables.Select(entry => ReadTable(archive.NameOf(entry), () => ReadEntry(entry, archive.NameOf(entry))))];
    }

    /// <summary>A csv entry streams (expanded again if it is .csv.gz); a workbook entry is read from a temporary copy.</summary>
    private FileAggregate ReadEntry(ZipArchiveEntry entry, string name)
    {
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTableReader.Read(() => GzipExpansion.Open(entry.Open(), name, options), name, options, "zip/gzip");
        }

        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTableReader.Read(entry.Open, name, options, "zip");
        }

        var workbook = ArchiveEntries.Extracted(entry, copy => ReadWorkbook(copy, name));
        workbook.Reading = new FileReading(null, "zip");
        return workbook;
    }

    private FileAggregate ReadWorkbook(string path, string name)
        => name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? SheetTableReader.Read(XlsxSheetSource.Open(path, name, options), name, options)
            : SheetTableReader.Read(OdsSheetSource.Open(path, name, options), name, options);

    /// <summary>Reads one table, refusing one without data rows.</summary>
    /// <param name="name">The table's name for messages.</param>
    /// <param name="read">Reads it.</param>
    private static FileAggregate ReadTable(string name, Func<FileAggregate> read)
    {
        FileAggregate file;
        try
        {
            file = read();
        }
        catch (OverflowException error)
        {
            // Sums past a row's reading (merging the ranges or sheets of the file) have no line to name.
            throw new ImportFormatException(name, $"'{name}': its counts add up to more than a 64-bit count holds (9,223,372,036,854,775,807).", error);
        }
        catch (InvalidDataException error)
        {
            // The inflater of a gzip file or zip entry met bytes that are not deflate data, or a checksum that does not
            // match (the workbook readers turn their own into format errors).
            throw new ImportFormatException(name, $"'{name}' could not be expanded: {WorkbookFile.Shorten(error.Message)}", error);
        }

        if (file.Tally.RowsRead == 0)
        {
            throw new ImportFormatException(name, $"'{name}' has a header row but no data rows.", null);
        }

        return file;
    }
}
