namespace CrimeOutcomes;

/// <summary>
/// A documented flaw of the published data, with its source: which forces, years and outcome types it touches.
/// <see cref="KnownDataIssues"/> holds the table and turns it into <see cref="DataWarning"/>s for a figure.
/// </summary>
public sealed record KnownDataIssue
{
    /// <summary>A stable identifier ("gmp-2019-20-out-of-court").</summary>
    public required string Id { get; init; }

    /// <summary>What kind of flaw it is.</summary>
    public required KnownIssueKind Kind { get; init; }

    /// <summary>A short title for tables and chart annotations.</summary>
    public required string Title { get; init; }

    /// <summary>What is wrong and what it means for a figure.</summary>
    public required string Description { get; init; }

    /// <summary>Where the fact is written down.</summary>
    public required string Source { get; init; }

    /// <summary>The forces it concerns; empty when it concerns every force.</summary>
    public IReadOnlyList<PoliceForce> Forces { get; init; } = [];

    /// <summary>The first financial year it concerns.</summary>
    public required FinancialYear FirstYear { get; init; }

    /// <summary>The last financial year it concerns, or null when it goes on.</summary>
    public FinancialYear? LastYear { get; init; }

    /// <summary>The outcome types whose counts it concerns; empty when it concerns any figure.</summary>
    public IReadOnlyList<OutcomeType> Outcomes { get; init; } = [];

    /// <summary>
    /// Whether a figure for <paramref name="area"/> in <paramref name="period"/> (a ratio of <paramref name="definition"/>,
    /// when given) falls within the issue's forces, years and outcome types. A ratio is touched when its numerator
    /// or denominator counts one of the outcome types (assigned-outcome denominators count nearly all of them).
    /// </summary>
    /// <param name="area">The area.</param>
    /// <param name="period">The period.</param>
    /// <param name="definition">The ratio, or null for any figure.</param>
    public bool Touches(Area area, ReportingPeriod period, RatioDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        return period.Overlaps(FirstYear.Start, LastYear?.End)
            && (Forces.Count == 0 || Forces.Any(area.Contains))
            && (definition is null || Outcomes.Count == 0 || Counts(definition));
    }

    private bool Counts(RatioDefinition definition)
        => definition.Numerator.Any(Outcomes.Contains)
           || definition.Denominator switch
           {
               RatioDenominator.RecordedCrimes => false,
               RatioDenominator.AssignedOutcomes => Outcomes.Any(o => o.IsAssignedOutcome && !o.IsSubset),
               _ => Outcomes.Any(o => o.SuspectIdentified == true && !o.IsSubset),
           };

    /// <summary>"Greater Manchester's 2019/20 out-of-court outcomes (2019/20)".</summary>
    public override string ToString() => $"{Title} ({FirstYear}{(LastYear is { } last ? last == FirstYear ? string.Empty : $" to {last}" : " on")})";
}
