namespace CrimeOutcomes;

/// <summary>Which outcomes a count of outcomes counts. A ratio says which basis it uses.</summary>
public enum CountBasis
{
    /// <summary>
    /// Outcomes assigned, by the date the data were extracted, to offences recorded in the period: the Home Office
    /// headline ("recorded basis"; the open data column "Force outcomes for offences recorded in quarter").
    /// </summary>
    RecordedInPeriod = 1,

    /// <summary>
    /// Outcomes assigned in the period, whenever the offence was recorded ("closed basis"; "Force outcomes recorded
    /// in quarter"). Can exceed 100 % of the crimes recorded in a small cell.
    /// </summary>
    AssignedInPeriod = 2,

    /// <summary>The source does not say (typical of Freedom of Information answers such as the seed story's).</summary>
    Unstated = 3,
}
