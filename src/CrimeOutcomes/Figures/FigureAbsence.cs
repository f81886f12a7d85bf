namespace CrimeOutcomes;

/// <summary>
/// Why a figure is absent. An absent figure is never a zero: a ratio that needs it is undefined and says why.
/// The published tables mark absent cells with markers (see <see cref="CountMarker"/>); a figure a source simply does
/// not give is <see cref="NotReported"/>.
/// </summary>
public enum FigureAbsence
{
    /// <summary>The source gives no figure and no marker for it (no row, no column, or a figure never collected).</summary>
    NotReported = 1,

    /// <summary>
    /// The figure does not apply: "--" and "[z]" (outcome 0 has no closed-basis figure) and "N/A - offence code
    /// expired" (the offence code no longer exists in the period).
    /// </summary>
    NotApplicable = 2,

    /// <summary>The figure is not available: a blank cell, "..", "NA", "N/A", "N/a", "[x]", "#N/A", "NULL".</summary>
    NotAvailable = 3,

    /// <summary>The force did not provide the data ("N/A - data not provided": whole force-quarters of 2014/15).</summary>
    NotProvided = 4,

    /// <summary>The figure is withheld: "[c]" (confidential) and "[low]" (too low to publish).</summary>
    Suppressed = 5,

    /// <summary>
    /// The quarter is not in the release: a partial-year release ("apr2024-to-sep2024") covers fewer than four
    /// quarters of its year, so every force lacks the later ones until the full-year release replaces it.
    /// </summary>
    NotInRelease = 6,
}
