namespace CrimeOutcomes.Export;

/// <summary>How a table of series is laid out.</summary>
public enum SeriesLayout
{
    /// <summary>One line per area and period (tidy data: what pandas, R and DuckDB expect).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'Long' and 'wide' are the statisticians' names of the two layouts.")]
    Long = 0,

    /// <summary>One line per area, with a group of columns per period (what a reader of a printed table expects).</summary>
    Wide = 1,
}
