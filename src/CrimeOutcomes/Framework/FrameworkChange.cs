namespace CrimeOutcomes;

/// <summary>
/// A dated change of the outcomes framework: an outcome type introduced, made compulsory or withdrawn. Charts mark
/// them on their time axis; <see cref="OutcomeFrameworkHistory"/> lists them with their sources.
/// </summary>
/// <param name="Date">The first day the change applied.</param>
/// <param name="Outcomes">The outcome types it concerns (empty for a change of the whole framework).</param>
/// <param name="Description">What changed, in a sentence ("Outcome 22 introduced; recording voluntary").</param>
/// <param name="Source">Where the fact is written down.</param>
public sealed record FrameworkChange(DateOnly Date, IReadOnlyList<OutcomeType> Outcomes, string Description, string Source)
{
    /// <summary>A short label for a chart's axis: "2019-04: outcome 22 introduced (voluntary)".</summary>
    public string Label { get; init; } = Description;

    /// <summary>Whether the change took effect within <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    public bool FallsIn(ReportingPeriod period) => Date >= period.Start && Date <= period.End;

    /// <summary>"2019-04-01: Outcome 22 introduced; recording voluntary".</summary>
    public override string ToString() => $"{Date:yyyy-MM-dd}: {Description}";
}
