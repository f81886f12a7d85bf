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
    /// <remarks>
    /// Files are read in parallel, up to <see cref="ImportOptions.MaxDegreeOfParallelism"/> at once (a large csv file
    /// among them gets the threads left over), unless a <see cref="ImportOptions.RowSink"/> takes the rows, which then
    /// come in file order from one thread. The result does not depend on it: the dataset and the report (its files in
    /// the order given) are those of reading the files one after another, and when files are malformed the error is the
    /// one of the first of them in that order. <see cref="ImportOptions.Progress"/> is called by one thread at a time.
    /// </remarks>
    /// <exception cref="ImportFormatException">A file is malformed, or two files without release dates give figures for the same keys.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public ImportResult Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToArray();
        var files = ReadFiles(list);

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

    /// <summary>
    /// The tables of the files in order. Several files are read on up to <see cref="ImportOptions.MaxDegreeOfParallelism"/>
    /// threads, taken in order; after a file fails no later one is started, and the error thrown is that of the first
    /// failing file in order, as reading them one after another would throw.
    /// </summary>
    private List<FileAggregate> ReadFiles(string[] paths)
    {
        var degree = _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var threads = Math.Min(degree, paths.Length);
        // A plain row sink takes the rows from one thread, so the files are read one after another; a parallel sink
        // gives each file a sink of its own.
        var parallelSink = _options.RowSink as IParallelOpenDataRowSink;
        if (threads <= 1 || (_options.RowSink is not null && parallelSink is null))
        {
            return [.. paths.SelectMany(path => ReadFile(path, _options))];
        }

        // Each file's own reading (the byte ranges of a large csv file) gets the threads the files leave over, and the
        // progress sink is called by one thread at a time.
        var options = _options with
        {
            MaxDegreeOfParallelism = Math.Max(1, degree / threads),
            Progress = _options.Progress is { } progress ? new SerialProgress<ImportProgress>(progress) : null,
        };
        var tables = new List<FileAggregate>[paths.Length];
        var errors = new System.Runtime.ExceptionServices.ExceptionDispatchInfo?[paths.Length];
        var next = -1;
        var firstError = int.MaxValue;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < paths.Length && i < Volatile.Read(ref firstError))
            {
                var sink = parallelSink?.CreateThreadSink();
                try
                {
                    tables[i] = ReadFile(paths[i], sink is null ? options : options with { RowSink = sink });
                }
                catch (Exception error)
                {
                    errors[i] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error);
                    int seen;
                    while (i < (seen = Volatile.Read(ref firstError)) && Interlocked.CompareExchange(ref firstError, i, seen) != seen)
                    {
                    }
                }
                finally
                {
                    (sink as IDisposable)?.Dispose();
                }
            }
        });

        if (firstError < paths.Length)
        {
            errors[firstError]!.Throw();
        }

        return [.. tables.SelectMany(t => t)];
    }

    /// <summary>The tables of one file: one, or one per table entry of a zip archive.</summary>
    private static List<FileAggregate> ReadFile(string path, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, "paths");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist.", path);
        }

        var tables = new FileTables(options).Read(path);
        foreach (var table in tables)
        {
            // An archive's entry is named "archive.zip/entry": its path is the archive's, then "/entry".
            table.GivenPath = path + table.File[Path.GetFileName(path).Length..];
        }

        return tables;
    }
}
