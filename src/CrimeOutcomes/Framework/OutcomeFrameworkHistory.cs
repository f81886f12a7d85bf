namespace CrimeOutcomes;

/// <summary>
/// The dated changes of the outcomes framework since all forces began to report it (April 2014), with their
/// sources, and the status of an outcome type in any period: in the framework, voluntary, for part of the period,
/// or not in it at all. Immutable and safe to share across threads.
/// </summary>
/// <remarks>
/// Where the sources disagree the published files win: the real 2017/18 outcomes open data holds outcome 21 but no
/// outcome 22, so 22 is not in the framework before April 2019, whatever some descriptions of later releases say.
/// </remarks>
public static class OutcomeFrameworkHistory
{
    private const string OutcomeTypesSource = "Home Office, Crime outcomes in England and Wales (annual statistical bulletins, technical annex): dates of the outcome types";
    private const string OpenDataSource = "Home Office, Police recorded crime and outcomes open data tables: outcome types present in each year's release";

    /// <summary>The first day recording outcome 22 was compulsory for every force (1 April 2021).</summary>
    public static readonly DateOnly OutcomeTwentyTwoCompulsory = new(2021, 4, 1);

    /// <summary>The changes, oldest first.</summary>
    public static IReadOnlyList<FrameworkChange> Changes { get; } =
    [
        new(OutcomeType.FrameworkStart, [], "All forces report the full set of outcome types", OutcomeTypesSource) { Label = "full framework" },
        new(new DateOnly(2015, 4, 1), [OutcomeType.ActionByAnotherBody], "Outcome 20 introduced (date to verify)", OutcomeTypesSource) { Label = "outcome 20" },
        new(new DateOnly(2016, 1, 1), [OutcomeType.FurtherInvestigationNotInPublicInterest], "Outcome 21 introduced", OutcomeTypesSource) { Label = "outcome 21" },
        new(new DateOnly(2019, 4, 1), [OutcomeType.DiversionaryActivity], "Outcome 22 introduced; recording voluntary", $"{OutcomeTypesSource}; {OpenDataSource} (first in 2019/20)") { Label = "outcome 22 (voluntary)" },
        new(OutcomeTwentyTwoCompulsory, [OutcomeType.DiversionaryActivity], "Recording outcome 22 compulsory for every force", OpenDataSource) { Label = "outcome 22 compulsory" },
        new(new DateOnly(2025, 12, 1), [OutcomeType.NationalFraudIntelligenceBureauFiled], "Outcome 19 no longer used (fraud moved to Report Fraud)", OutcomeTypesSource) { Label = "outcome 19 ends" },
    ];

    /// <summary>The changes that took effect within <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    public static IReadOnlyList<FrameworkChange> ChangesIn(ReportingPeriod period) => [.. Changes.Where(c => c.FallsIn(period))];

    /// <summary>Where <paramref name="outcome"/> stood in the framework during <paramref name="period"/>.</summary>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="period">The period.</param>
    public static FrameworkStatus StatusOf(OutcomeType outcome, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.IsValidIn(period))
        {
            return FrameworkStatus.NotInFramework;
        }

        if ((outcome.Introduced is { } introduced && introduced > period.Start) || (outcome.Withdrawn is { } withdrawn && withdrawn <= period.End))
        {
            return FrameworkStatus.PartOfPeriod;
        }

        return outcome.Equals(OutcomeType.DiversionaryActivity) && period.Start < OutcomeTwentyTwoCompulsory
            ? FrameworkStatus.Voluntary
            : FrameworkStatus.InFramework;
    }

    /// <summary>
    /// Where the numerator of <paramref name="definition"/> stood during <paramref name="period"/>: the weakest status
    /// of its outcome types, so a ratio of an outcome not yet in the framework is "not in the framework", never 0 %.
    /// </summary>
    /// <param name="definition">The ratio.</param>
    /// <param name="period">The period.</param>
    public static FrameworkStatus StatusOf(RatioDefinition definition, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Numerator.Select(o => StatusOf(o, period)).DefaultIfEmpty(FrameworkStatus.InFramework).Min();
    }
}
