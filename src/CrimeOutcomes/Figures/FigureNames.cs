namespace CrimeOutcomes;

/// <summary>The words tables and messages use for count bases and absent figures.</summary>
public static class FigureNames
{
    /// <summary>"recorded basis", "closed basis" or "basis unstated".</summary>
    /// <param name="basis">The count basis.</param>
    public static string ToDisplayName(this CountBasis basis) => basis switch
    {
        CountBasis.RecordedInPeriod => "recorded basis",
        CountBasis.AssignedInPeriod => "closed basis",
        CountBasis.Unstated => "basis unstated",
        _ => basis.ToString(),
    };

    /// <summary>"not reported", "not applicable", "not available", "not provided" or "suppressed".</summary>
    /// <param name="absence">Why a figure is absent.</param>
    public static string ToDisplayName(this FigureAbsence absence) => absence switch
    {
        FigureAbsence.NotReported => "not reported",
        FigureAbsence.NotApplicable => "not applicable",
        FigureAbsence.NotAvailable => "not available",
        FigureAbsence.NotProvided => "not provided",
        FigureAbsence.Suppressed => "suppressed",
        _ => absence.ToString(),
    };
}
