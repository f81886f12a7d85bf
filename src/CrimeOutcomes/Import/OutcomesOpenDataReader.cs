using System.IO.Compression;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the Home Office police recorded crime and outcomes open data tables, and the recorded-crime tables by
/// police force area, from csv, xlsx and ods files, gzip-compressed csv files and zip archives of those, into an
/// <see cref="OutcomeDataset"/> with an <see cref="ImportReport"/> that accounts for every row.
/// </summary>
/// <remarks>
/// <para>Columns are found by header name (with the known synonyms of each edition), never by position. Force
/// names go through the <see cref="ImportOptions.Registry"/>, outcome codes through the
/// <see cref="ImportOptions.Catalogue"/>, and each outcome group text is checked against its code. Rows are
/// summed to the grain of the options while they stream past, so memory grows with the number of distinct keys,
/// not with the file; large csv files are parsed on every core.</para>
/// <para>In a workbook, the data sheets are chosen by their header rows, never by their names; cover, notes and
/// pivot-table sheets are skipped (a pivot table's cells are sums of the data rows), and every data sheet (the
/// year sheets of the PRC tables) adds to the file's figures.</para>
/// <para>Files as people have them: a gzip file (.csv.gz, or any file that starts like one) is expanded as it is
/// read; each .csv, .csv.gz, .xlsx or .ods entry of a .zip archive is read as a file of its own, named
/// "archive.zip/entry.csv" in the report; csv text may be UTF-8, UTF-16 with a byte order mark (Excel's tab-separated
/// "Unicode text") or Windows-1252. <see cref="FileImportReport.Encoding"/> and <see cref="FileImportReport.Container"/>
/// say how each file was read. A file that is none of these (a PDF, an xlsx workbook named .csv) is refused naming
/// what it looks like.</para>
/// <para>Several files make one dataset. A file re-issued with a later release date in its name
/// ("...-tables-240425.xlsx") replaces the earlier release of the same table for the financial years both cover.</para>
/// <para>Outcome counts are filed on <see cref="CountBasis.Recorded"/> and
/// <see cref="CountBasis.Closed"/> from the two count columns; periods are financial years, or
/// financial quarters when <see cref="ImportOptions.ByQuarter"/> is set.</para>
/// </remarks>
public sealed class OutcomesOpenDataReader
{
    private readonly ImportOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">The options; <see cref="ImportOptions.Default"/> when null.</param>
    public OutcomesOpenDataReader(ImportOptions? options = null)
    {
        _options = options ?? ImportOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.Catalogue, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Registry, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.BaseScope, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxRejectedRowsListed, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxDegreeOfParallelism, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxLineLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxCellLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxEntryBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxCompressionRatio, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxSheetRows, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxSharedStringsLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxUnknownForceNames, nameof(options));
    }

    /// <summary>The options in use.</summary>
    public ImportOptions Options => _options;

    /// <summary>Reads one file (.csv, .csv.gz, .xlsx, .ods, or a .zip archive of those).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ImportFormatException">The file is malformed (strict mode: the first bad row), lacks a needed column, or is not a table file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public ImportResult Read(string path) => Read([path]);

    /// <summary>Reads several files into one dataset; later releases of a table replace earlier ones year by year.</summary>
    /// <param name="paths">The files (.csv, .csv.gz, .xlsx, .ods, or .zip archives of those).</param>
    /// <exception cref="ImportFormatException">A file is malformed, or two files without release dates give figures for the same keys.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public ImportResult Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<FileAggregate>();
        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(paths));
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The file '{path}' does not exist.", path);
            }

            files.AddRange(ReadFile(path));
        }

        ImportResult result;
        try
        {
            result = DatasetAssembler.Assemble(files, _options);
        }
        catch (OverflowException error)
        {
            var names = string.Join(", ", files.Select(f => $"'{f.File}'"));
            throw new ImportFormatException(files[0].File, $"The counts of {names} add up to more than a 64-bit count holds (9,223,372,036,854,775,807) for one figure.", error);
        }

        // The reports are in the order of the files: each says how its file was read.
        return result with { Report = new ImportReport([.. result.Report.Files.Select((report, i) => files[i].Reading?.ApplyTo(report) ?? report)]) };
    }

    /// <summary>The tables of one file: one, or one per table entry of a zip archive.</summary>
    private List<FileAggregate> ReadFile(string path)
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
        return FileSignature.IsGzip(start) ? [ReadTable(name, () => CsvTableReader.Read(() => GzipExpansion.Open(path, name, _options), name, _options, "gzip"))]
            : extension is ".CSV" or ".TXT" ? [ReadTable(name, () => CsvTableReader.Read(path, name, _options))]
            : extension == ".GZ" ? throw new ImportFormatException(name, start.Length == 0
                ? $"'{name}' is empty; a gzip file was expected."
                : $"'{name}' is not a gzip file: it does not start like one (expanded already? then name it .csv).", null)
            : throw new ImportFormatException(name, $"'{name}' is not a file the reader knows: expected .csv, .csv.gz, .zip, .xlsx or .ods.", null);
    }

    /// <summary>Each table entry of a zip archive, as a file of its own named "archive.zip/entry".</summary>
    private List<FileAggregate> ReadArchive(string path, string name)
    {
        using var archive = ArchiveEntries.Open(path, name, _options);
        return [.. archive.Tables.Select(entry => ReadTable(archive.NameOf(entry), () => ReadEntry(entry, archive.NameOf(entry))))];
    }

    /// <summary>A csv entry streams (expanded again if it is .csv.gz); a workbook entry is read from a temporary copy.</summary>
    private FileAggregate ReadEntry(ZipArchiveEntry entry, string name)
    {
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTableReader.Read(() => GzipExpansion.Open(entry.Open(), name, _options), name, _options, "zip/gzip");
        }

        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTableReader.Read(entry.Open, name, _options, "zip");
        }

        var workbook = ArchiveEntries.Extracted(entry, copy => ReadWorkbook(copy, name));
        workbook.Reading = new FileReading(null, "zip");
        return workbook;
    }

    private FileAggregate ReadWorkbook(string path, string name)
        => name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? SheetTableReader.Read(XlsxSheetSource.Open(path, name, _options), name, _options)
            : SheetTableReader.Read(OdsSheetSource.Open(path, name, _options), name, _options);

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
