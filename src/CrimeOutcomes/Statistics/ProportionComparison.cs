using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// The comparison of two ratios as proportions, between two periods or two areas: a
/// <see cref="ProportionDifference"/> when they measure the same thing on the same basis, otherwise a
/// <see cref="NotComparable"/> that says why. Start from <see cref="Compare(Ratio, Ratio, double)"/>.
/// </summary>
public abstract class ProportionComparison
{
    private protected ProportionComparison(Ratio from, Ratio to)
    {
        From = from;
        To = to;
    }

    /// <summary>The earlier (or reference) ratio.</summary>
    public Ratio From { get; }

    /// <summary>The later (or compared) ratio.</summary>
    public Ratio To { get; }

    /// <summary>Whether the ratios could be compared (this is a <see cref="ProportionDifference"/>).</summary>
    public abstract bool IsComparable { get; }

    /// <summary>
    /// Compares <paramref name="to"/> with <paramref name="from"/>: the difference To − From in percentage points
    /// with its Newcombe hybrid score interval, the two-proportion z-test (pooled, no continuity correction, as R's
    /// <c>prop.test(correct = FALSE)</c>), and the relative change. Returns <see cref="NotComparable"/> when either
    /// ratio is undefined or not a proportion, when bases, definitions, scopes, kinds of period or the coverage of
    /// the same area differ, or when two different areas share forces in the same period.
    /// </summary>
    /// <param name="from">The earlier or reference ratio.</param>
    /// <param name="to">The later or compared ratio.</param>
    /// <param name="level">The confidence level of the interval, strictly between 0 and 1; 0.95 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static ProportionComparison Compare(Ratio from, Ratio to, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ConfidenceLevels.Validate(level, nameof(level));
        var obstacle = FindObstacle(from, to);
        return obstacle is { } found
            ? new NotComparable(from, to, found.Reason, found.Explanation)
            : ProportionDifference.Calculate(from, to, level);
    }

    /// <summary>Compares the two ratios of a change; see <see cref="Compare(Ratio, Ratio, double)"/>.</summary>
    /// <param name="change">The change, from its earlier to its later ratio.</param>
    /// <param name="level">The confidence level of the interval; 0.95 by default.</param>
    public static ProportionComparison Compare(RatioChange change, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Compare(change.From, change.To, level);
    }

    private static (NotComparableReason Reason, string Explanation)? FindObstacle(Ratio from, Ratio to)
    {
        foreach (var ratio in new[] { from, to })
        {
            if (!ratio.IsDefined)
            {
                return (NotComparableReason.UndefinedRatio, $"{Describe(ratio)} is undefined (zero denominator).");
            }

            if (ratio.Numerator < 0 || ratio.Numerator > ratio.Denominator)
            {
                return (NotComparableReason.NotAProportion, $"{Describe(ratio)} is not a proportion (its numerator is outside 0 to its denominator).");
            }
        }

        if (from.Basis != to.Basis)
        {
            return (NotComparableReason.DifferentBasis, $"The count bases differ: {from.Basis.ToDisplayName()} against {to.Basis.ToDisplayName()}.");
        }

        var sameDefinition = from.Definition is { } a && to.Definition is { } b
            ? a.Equals(b)
            : from.NumeratorLabel == to.NumeratorLabel && from.DenominatorLabel == to.DenominatorLabel;
        if (!sameDefinition)
        {
            return (NotComparableReason.DifferentDefinition,
                $"The ratios divide different things: {from.NumeratorLabel} over {from.DenominatorLabel} against {to.NumeratorLabel} over {to.DenominatorLabel}.");
        }

        if (from.Key is not { } fromKey || to.Key is not { } toKey)
        {
            return null;
        }

        if (fromKey.Scope != toKey.Scope)
        {
            return (NotComparableReason.DifferentScope, $"The crime scopes differ: {fromKey.Scope} against {toKey.Scope}.");
        }

        if (fromKey.Period.Kind != toKey.Period.Kind)
        {
            return (NotComparableReason.DifferentPeriodKind, $"The kinds of period differ: {fromKey.Period} is a {fromKey.Period.Kind}, {toKey.Period} a {toKey.Period.Kind}.");
        }

        if (fromKey.Area == toKey.Area && !SameCoverage(from.Coverage, to.Coverage))
        {
            return (NotComparableReason.DifferentCoverage,
                $"{fromKey.Area.Name} covers different forces in the two periods: {from.Coverage} in {fromKey.Period}, {to.Coverage} in {toKey.Period}.");
        }

        if (fromKey.Area != toKey.Area && fromKey.Period == toKey.Period
            && fromKey.Area.IsMembershipListed && toKey.Area.IsMembershipListed
            && fromKey.Area.Forces.Intersect(toKey.Area.Forces).FirstOrDefault() is { } shared)
        {
            return (NotComparableReason.OverlappingAreas,
                $"{fromKey.Area.Name} and {toKey.Area.Name} share forces ({shared.Name}) in {fromKey.Period}, so the two counts are not independent; compare with the group excluding the force instead.");
        }

        return null;
    }

    private static bool SameCoverage(Coverage a, Coverage b)
        => a.ForcesCovered == b.ForcesCovered && a.IsListed == b.IsListed && a.Contributing.SequenceEqual(b.Contributing);

    private static string Describe(Ratio ratio)
        => ratio.Key is { } key ? string.Create(CultureInfo.InvariantCulture, $"{ratio.Format()} ({key})") : ratio.Format();
}
