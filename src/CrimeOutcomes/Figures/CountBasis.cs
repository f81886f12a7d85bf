using System.ComponentModel;

namespace CrimeOutcomes;

/// <summary>
/// Which outcomes a count of outcomes counts, named as the Home Office headers and the CLI name them: the
/// <see cref="Recorded"/> basis and the <see cref="Closed"/> basis. A ratio says which basis it uses.
/// </summary>
/// <remarks>
/// The obsolete names <see cref="RecordedInPeriod"/> and <see cref="AssignedInPeriod"/> are the same values. Because
/// a value has two names, print a basis with <see cref="FigureNames.ToDisplayName(CountBasis)"/> ("recorded basis")
/// or <see cref="FigureNames.ToShortName(CountBasis)"/> ("recorded"), never with <c>ToString()</c>.
/// </remarks>
public enum CountBasis
{
    /// <summary>
    /// The recorded basis: outcomes assigned, by the date the data were extracted, to offences recorded in the period.
    /// The Home Office headline (the open data column "Force outcomes for offences recorded in quarter").
    /// </summary>
    Recorded = 1,

    /// <summary>
    /// The closed basis: outcomes assigned in the period, whenever the offence was recorded ("Force outcomes recorded
    /// in quarter"). Can exceed 100 % of the crimes recorded in a small cell.
    /// </summary>
    Closed = 2,

    /// <summary>The source does not say (typical of Freedom of Information answers such as the seed story's).</summary>
    Unstated = 3,

    /// <summary>The former name of <see cref="Recorded"/>.</summary>
    [Obsolete("Use CountBasis.Recorded: the bases are named recorded and closed, as the Home Office headers and the CLI name them.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    RecordedInPeriod = Recorded,

    /// <summary>The former name of <see cref="Closed"/>.</summary>
    [Obsolete("Use CountBasis.Closed: the bases are named recorded and closed, as the Home Office headers and the CLI name them.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    AssignedInPeriod = Closed,
}
