namespace CrimeOutcomes.Import;

/// <summary>
/// One kept row of a published outcomes table, validated and resolved: what <see cref="IOpenDataRowSink"/> receives
/// while the file is read. An absent figure is never zero: a count is null exactly when its absence says why.
/// </summary>
public readonly struct OpenDataRow
{
    /// <summary>The police force the row is for.</summary>
    public required PoliceForce Force { get; init; }

    /// <summary>The financial year.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>The financial quarter, or null when the table has no quarter column.</summary>
    public FinancialQuarter? Quarter { get; init; }

    /// <summary>The offence group as published, or null when the table has none.</summary>
    public string? OffenceGroup { get; init; }

    /// <summary>The offence subgroup as published, or null when the table has none.</summary>
    public string? OffenceSubgroup { get; init; }

    /// <summary>The offence code as published (compound codes such as 1/4.1/4.10/4.2 kept whole), or null when the table has none.</summary>
    public OffenceCode? OffenceCode { get; init; }

    /// <summary>The outcome type.</summary>
    public required OutcomeType Outcome { get; init; }

    /// <summary>The count of outcomes for offences recorded in the quarter, or null when the cell held a marker or the table has no such column.</summary>
    public long? RecordedInPeriod { get; init; }

    /// <summary>Why <see cref="RecordedInPeriod"/> is null (the cell's marker, or not reported when the table has no such column); null when it has a count.</summary>
    public FigureAbsence? RecordedInPeriodAbsence { get; init; }

    /// <summary>The count of outcomes assigned in the quarter, or null when the cell held a marker or the table has no such column.</summary>
    public long? AssignedInPeriod { get; init; }

    /// <summary>Why <see cref="AssignedInPeriod"/> is null (the cell's marker, or not reported when the table has no such column); null when it has a count.</summary>
    public FigureAbsence? AssignedInPeriodAbsence { get; init; }

    /// <summary>Whether the row's offence code is marked as expired.</summary>
    public bool IsExpiredCode { get; init; }

    /// <summary>The file (or archive entry) the row was read from.</summary>
    public required string File { get; init; }

    /// <summary>The workbook sheet the row is on, or null for csv.</summary>
    public string? Sheet { get; init; }

    /// <summary>The line of the csv file the row ends on (the header is line 1), or its row in the sheet.</summary>
    public long Line { get; init; }
}

/// <summary>
/// Receives every kept row of the outcomes tables while <see cref="OutcomesOpenDataReader"/> reads them (set with
/// <see cref="ImportOptions.RowSink"/>): the way to write the clean row-level table as the file streams, without a
/// second read. Rows that are rejected, set aside (non-force rows) or filtered out by the options are not handed over.
/// </summary>
/// <remarks>
/// Calls come from one thread at a time: when a sink is set, a csv file is read on one thread instead of several, in
/// the order of its lines (unless the sink is an <see cref="IParallelOpenDataRowSink"/>, which takes them from several). A UTF-8 csv file found to hold bytes that are not UTF-8 past its first 64 KiB is read again
/// as Windows-1252, and its rows are then handed over a second time.
/// </remarks>
public interface IOpenDataRowSink
{
    /// <summary>Takes one kept row.</summary>
    /// <param name="row">The row, validated.</param>
    void Add(in OpenDataRow row);
}
