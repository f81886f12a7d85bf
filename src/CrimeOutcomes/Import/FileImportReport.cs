namespace CrimeOutcomes.Import;

/// <summary>
/// What happened to every row of one file: read, kept, left out by a filter, rejected (with where and why) or set
/// aside (non-force rows, by name), with the sums of the count columns in each category, so that both the rows
/// and the counts reconcile: kept + filtered + rejected + set aside = read.
/// </summary>
public sealed record FileImportReport
{
    /// <summary>
    /// The file as given to the reader: its path exactly as passed (relative or absolute), so two releases with the same
    /// name in different folders are told apart. For an entry of a zip archive, the archive's path, "/" and the entry.
    /// </summary>
    public required string File { get; init; }

    /// <summary>
    /// The file's name without its folder, as messages name it ("outcomes.csv"; "archive.zip/entry.csv" for an entry of
    /// a zip archive). Defaults to the last part of <see cref="File"/>.
    /// </summary>
    public string FileName
    {
        get => _fileName ?? Path.GetFileName(File);
        init => _fileName = value;
    }

    private readonly string? _fileName;

    /// <summary>The table it holds.</summary>
    public required OpenDataTableKind Kind { get; init; }

    /// <summary>The sheets read (empty for csv).</summary>
    public IReadOnlyList<string> Sheets { get; init; } = [];

    /// <summary>The release date from the file name's suffix ("-240425" is 25 April 2024), or null.</summary>
    public DateOnly? ReleaseDate { get; init; }

    /// <summary>The financial years the file's kept rows cover.</summary>
    public IReadOnlyList<FinancialYear> Years { get; init; } = [];

    /// <summary>The years whose figures a later release of the same table replaced (they are not in the dataset).</summary>
    public IReadOnlyList<FinancialYear> SupersededYears { get; init; } = [];

    /// <summary>The file (as given to the reader, like <see cref="File"/>) whose later release replaced this file's figures for <see cref="SupersededYears"/>, or null.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>Data rows read (the header and blank lines at the end of a csv file aside).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows kept in the figures.</summary>
    public long RowsKept { get; init; }

    /// <summary>Valid rows left out by a filter of the options (forces, years, offence groups or codes).</summary>
    public long RowsFiltered { get; init; }

    /// <summary>Malformed rows (lenient mode only: strict mode throws on the first).</summary>
    public long RowsRejected { get; init; }

    /// <summary>Rows set aside because they are not a police force's (Action Fraud, CIFAS, UK Finance, totals, blank rows).</summary>
    public long RowsSetAside { get; init; }

    /// <summary>
    /// Kept rows whose offence code the table flags as expired (the "Offence code expired" column holds "x"): codes
    /// that no longer exist, whose counts are usually markers such as "N/A - offence code expired".
    /// </summary>
    public long RowsOfExpiredCodes { get; init; }

    /// <summary>
    /// Offence code cells of a workbook that held a number ("802" typed as 802) rather than text: each is read as the
    /// text the cell shows in the General format. A dotted code stored as a number loses its trailing zeros ("4.10"
    /// shows as 4.1), which is why the published workbooks store codes as text.
    /// </summary>
    public long OffenceCodesStoredAsNumbers { get; init; }

    /// <summary>The sums of the count columns over every row read whose counts could be parsed.</summary>
    public CountTotals CountsRead { get; init; }

    /// <summary>The sums over kept rows: the figures in the dataset add up to these (before any release replaced them).</summary>
    public CountTotals CountsKept { get; init; }

    /// <summary>The sums over rows a filter left out.</summary>
    public CountTotals CountsFiltered { get; init; }

    /// <summary>The sums over rejected rows, as far as their counts could be parsed.</summary>
    public CountTotals CountsRejected { get; init; }

    /// <summary>The sums over set-aside rows.</summary>
    public CountTotals CountsSetAside { get; init; }

    /// <summary>The rejected rows, in file order, up to <see cref="ImportOptions.MaxRejectedRowsListed"/>.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; init; } = [];

    /// <summary>The non-force names set aside, with their row counts and sums.</summary>
    public IReadOnlyList<SetAsideName> SetAside { get; init; } = [];

    /// <summary>Force names the registry does not know, with suggestions.</summary>
    public IReadOnlyList<UnknownName> UnknownNames { get; init; } = [];

    /// <summary>
    /// The count cells that held a marker of an absent figure instead of a number ("--", "N/A - data not provided",
    /// blank), per column and marker: each is no figure, never a zero, and never a rejected row.
    /// </summary>
    public IReadOnlyList<MarkerTally> Markers { get; init; } = [];

    /// <summary>The negative counts (published corrections) of kept rows, per outcome type and basis.</summary>
    public IReadOnlyList<CorrectionTally> Corrections { get; init; } = [];

    /// <summary>Figures of the dataset from this file whose sum ends negative: kept as published, flagged here.</summary>
    public IReadOnlyList<OutcomeCountFigure> NegativeSums { get; init; } = [];

    /// <summary>Force-quarters whose counts the file marks "not provided": the figures of periods containing them are partial.</summary>
    public IReadOnlyList<FigureGap> Gaps { get; init; } = [];

    /// <summary>Whether every row is accounted for and the count sums of the categories add up to the sums read.</summary>
    public bool Reconciles
        => RowsKept + RowsFiltered + RowsRejected + RowsSetAside == RowsRead
           && CountsKept + CountsFiltered + CountsRejected + CountsSetAside == CountsRead;

    /// <summary>
    /// How the text of a csv file was decoded: "UTF-8", "UTF-16LE", "UTF-16BE" (text with that byte order mark, as
    /// Excel saves "Unicode text") or "Windows-1252" (text that is not UTF-8); null for an xlsx or ods workbook.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>
    /// What the file came packed in: "gzip" (a .csv.gz file), "zip" (an entry of a zip archive, whose
    /// <see cref="File"/> is "archive.zip/entry.csv"), "zip/gzip" (a .csv.gz entry of a zip archive); null for a file
    /// read as it is.
    /// </summary>
    public string? Container { get; init; }
}
