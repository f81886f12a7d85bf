namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the Home Office police recorded crime and outcomes open data tables, and the recorded-crime tables by
/// police force area, from csv, xlsx and ods files into an <see cref="OutcomeDataset"/> with an
/// <see cref="ImportReport"/> that accounts for every row.
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
/// <para>Several files make one dataset. A file re-issued with a later release date in its name
/// ("...-tables-240425.xlsx") replaces the earlier release of the same table for the financial years both cover.</para>
/// <para>Outcome counts are filed on <see cref="CountBasis.RecordedInPeriod"/> and
/// <see cref="CountBasis.AssignedInPeriod"/> from the two count columns; periods are financial years, or
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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxUnknownForceNames, nameof(options));
    }

    /// <summary>The options in use.</summary>
    public ImportOptions Options => _options;

    /// <summary>Reads one file (.csv, .xlsx or .ods).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ImportFormatException">The file is malformed (strict mode: the first bad row), or lacks a needed column.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public ImportResult Read(string path) => Read([path]);

    /// <summary>Reads several files into one dataset; later releases of a table replace earlier ones year by year.</summary>
    /// <param name="paths">The files (.csv, .xlsx or .ods).</param>
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

            files.Add(ReadFile(path));
        }

        try
        {
            return DatasetAssembler.Assemble(files, _options);
        }
        catch (OverflowException error)
        {
            var names = string.Join(", ", files.Select(f => $"'{f.File}'"));
            throw new ImportFormatException(files[0].File, $"The counts of {names} add up to more than a 64-bit count holds (9,223,372,036,854,775,807) for one figure.", error);
        }
    }

    private FileAggregate ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        FileAggregate file;
        try
        {
            file = extension switch
            {
                ".CSV" or ".TXT" => CsvTableReader.Read(path, name, _options),
                ".XLSX" => SheetTableReader.Read(XlsxSheetSource.Open(path, name, _options), name, _options),
                ".ODS" => SheetTableReader.Read(OdsSheetSource.Open(path, name, _options), name, _options),
                _ => throw new ImportFormatException(name, $"'{name}' is not a file the reader knows: expected .csv, .xlsx or .ods.", null),
            };
        }
        catch (OverflowException error)
        {
            // Sums past a row's reading (merging the ranges or sheets of the file) have no line to name.
            throw new ImportFormatException(name, $"'{name}': its counts add up to more than a 64-bit count holds (9,223,372,036,854,775,807).", error);
        }

        if (file.Tally.RowsRead == 0)
        {
            throw new ImportFormatException(name, $"'{name}' has a header row but no data rows.", null);
        }

        return file;
    }
}
