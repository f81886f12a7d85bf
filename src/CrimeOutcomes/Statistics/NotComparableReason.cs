namespace CrimeOutcomes.Statistics;

/// <summary>Why two ratios cannot be compared as a difference of proportions.</summary>
public enum NotComparableReason
{
    /// <summary>A ratio has a zero denominator and so no value.</summary>
    UndefinedRatio = 1,

    /// <summary>A ratio is not a proportion: its numerator is negative or exceeds its denominator.</summary>
    NotAProportion = 2,

    /// <summary>The outcome counts are on different count bases (recorded-in-period against assigned-in-period, say).</summary>
    DifferentBasis = 3,

    /// <summary>The ratios divide different things (different numerator outcomes or a different denominator).</summary>
    DifferentDefinition = 4,

    /// <summary>The ratios count different crimes (all crime against domestic abuse-related, say).</summary>
    DifferentScope = 5,

    /// <summary>One period is a calendar year and the other a financial year or quarter.</summary>
    DifferentPeriodKind = 6,

    /// <summary>The same area covers different forces in the two periods (36 forces one year, 40 the next).</summary>
    DifferentCoverage = 7,

    /// <summary>The two areas share forces in the same period, so the samples are not independent (a force against a group that includes it).</summary>
    OverlappingAreas = 8,
}
