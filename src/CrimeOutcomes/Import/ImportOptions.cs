namespace CrimeOutcomes.Import;

/// <summary>
/// How <see cref="OutcomesOpenDataReader"/> reads published tables: strict or lenient, the grain it aggregates to,
/// the filters it applies, the reference data it resolves names and codes against, and its limits.
/// Immutable; derive variants with <c>with</c> expressions.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>The defaults: strict, by force and financial year, all offences together, no filters.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// Whether the first malformed row throws an <see cref="ImportFormatException"/> naming its file, line or row,
    /// and column (true, the default), or is collected in the report as rejected and the read goes on (false).
    /// Non-force rows (Action Fraud, totals) are set aside, not rejected, in both modes.
    /// </summary>
    public bool Strict { get; init; } = true;

    /// <summary>Whether figures are kept per financial quarter (true) or summed to financial years (false, the default).</summary>
    public bool ByQuarter { get; init; }

    /// <summary>How finely the offence classification is kept; <see cref="OffenceGrain.None"/> (the default) sums all offences.</summary>
    public OffenceGrain OffenceGrain { get; init; } = OffenceGrain.None;

    /// <summary>Keep only these forces; null or empty keeps every force.</summary>
    public IReadOnlyCollection<PoliceForce>? Forces { get; init; }

    /// <summary>Keep only these financial years; null or empty keeps every year.</summary>
    public IReadOnlyCollection<FinancialYear>? Years { get; init; }

    /// <summary>
    /// Keep only these offence groups, matched after normalising case, dashes and spaces ("Violence against the
    /// person"); null or empty keeps every group. With <see cref="OffenceGrain.None"/> the scope of the figures
    /// says which groups they cover.
    /// </summary>
    public IReadOnlyCollection<string>? OffenceGroups { get; init; }

    /// <summary>Keep only these offence codes; null or empty keeps every code.</summary>
    public IReadOnlyCollection<OffenceCode>? OffenceCodes { get; init; }

    /// <summary>The outcome types codes are resolved against; <see cref="OutcomeCatalogue.Default"/> unless replaced.</summary>
    public IOutcomeCatalogue Catalogue { get; init; } = OutcomeCatalogue.Default;

    /// <summary>The forces names are resolved against; <see cref="ForceRegistry.Default"/> unless replaced.</summary>
    public IForceRegistry Registry { get; init; } = ForceRegistry.Default;

    /// <summary>
    /// Whether an outcomes table also gives recorded crimes: on the recorded basis the outcomes of every type,
    /// "not yet assigned" (0) included and the alternate-offence subsets excluded, add up to the offences recorded
    /// in the period (the Home Office shares sum to 100 %). True by default; ignored for keys that a recorded-crime
    /// (PRC) table in the same import covers.
    /// </summary>
    public bool DeriveRecordedCrimes { get; init; } = true;

    /// <summary>The most rejected rows the report lists one by one (the counts always cover them all). 1,000 by default.</summary>
    public int MaxRejectedRowsListed { get; init; } = 1_000;

    /// <summary>How many threads a large csv file is read with; 0 (the default) means one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>The size of the byte ranges a csv file is split into for parallel reading (tests make it small).</summary>
    internal int CsvChunkBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Receives every kept row of the outcomes tables as it is read, or null (the default). With a sink, a csv file is
    /// read on one thread (see <see cref="IOpenDataRowSink"/>), or on several when the sink is an
    /// <see cref="IParallelOpenDataRowSink"/>; without one, the import costs nothing more.
    /// </summary>
    public IOpenDataRowSink? RowSink { get; init; }

    /// <summary>Receives the progress of long reads (bytes of the current file), or null.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>The scope figures are filed under before any offence narrowing; <see cref="CrimeScope.AllCrime"/> by default.</summary>
    public CrimeScope BaseScope { get; init; } = CrimeScope.AllCrime;

    /// <summary>
    /// The longest line of a csv file, in bytes (line break aside): 1 MiB by default (a published row is about 250
    /// bytes). A longer line stops the read with an <see cref="ImportLimitException"/> before it is buffered; so
    /// does a quoted field left open, once its row passes 16 Mi characters (the csv parser's own cap). For text read
    /// through a decoder (gzip, a zip entry, UTF-16, Windows-1252) the limit counts characters.
    /// </summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>The longest cell of an xlsx or ods sheet, in characters: 32,767 by default (the most Excel allows in a cell).</summary>
    public int MaxCellLength { get; init; } = 32_767;

    /// <summary>
    /// The most bytes one part of an xlsx or ods file (a sheet, the shared strings, content.xml), one table entry of a
    /// zip archive, or a gzip file may expand to: 4 GiB by default. Checked against the sizes the zip declares before
    /// anything is expanded (the runtime never expands a part beyond its declared size); a gzip file declares none,
    /// so its bytes are counted as it expands.
    /// </summary>
    public long MaxEntryBytes { get; init; } = 4L << 30;

    /// <summary>
    /// The most a part of an xlsx or ods file, or a table entry of a zip archive, that expands beyond 1 MiB may
    /// expand relative to its compressed size: 100 times by default (real sheets expand 5 to 30 times; a zip bomb
    /// about 1,000 times). Checked before anything is expanded.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>
    /// The most characters the shared-strings table of an xlsx workbook may hold, each string counting 16 more for
    /// its place in the table: 64 Mi by default (about 128 MiB in memory). Excel keeps every distinct text of a
    /// workbook in that table, and the reader holds it while it reads the sheets that index it; the republished
    /// outcomes workbooks need about 20 thousand. A larger table stops the read with an <see cref="ImportLimitException"/>.
    /// </summary>
    public long MaxSharedStringsLength { get; init; } = 64L << 20;

    /// <summary>The most rows a sheet of an xlsx or ods file may have: 1,048,576 by default (the most Excel and LibreOffice allow).</summary>
    public int MaxSheetRows { get; init; } = 1 << 20;

    /// <summary>
    /// The most distinct force names a table (a csv file or a sheet) may have that the registry does not know, in
    /// lenient mode: 1,000 by default (England and Wales have 43 forces). Each costs a search for suggestions (about
    /// half a millisecond); past the limit the read stops with an <see cref="ImportLimitException"/>.
    /// </summary>
    public int MaxUnknownForceNames { get; init; } = 1_000;
}
