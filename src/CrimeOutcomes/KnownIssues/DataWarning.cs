namespace CrimeOutcomes;

/// <summary>A known issue of the data met by a figure: which issue, for which area and period, and what it means there.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="Area">The area the figure is for.</param>
/// <param name="Period">The period.</param>
/// <param name="Message">What the issue means for this figure, in a sentence.</param>
public sealed record DataWarning(KnownDataIssue Issue, Area Area, ReportingPeriod Period, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
