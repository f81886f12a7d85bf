namespace CrimeOutcomes.Statistics;

/// <summary>How a confidence interval for a proportion is computed.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// The Wilson score interval (Wilson 1927): the proportions not rejected by the score test. Coverage close to
    /// the nominal level even for small counts, never outside [0, 1], sensible at 0/n and n/n. The default.
    /// </summary>
    Wilson = 1,

    /// <summary>
    /// The Clopper–Pearson "exact" interval (Clopper and Pearson 1934), from the binomial tails through the beta
    /// distribution. Guarantees at least the nominal coverage, so it is conservative (wider than Wilson).
    /// </summary>
    ClopperPearson = 2,

    /// <summary>
    /// For a difference of two proportions only: Newcombe's hybrid score interval (Newcombe 1998, method 10),
    /// which combines the two Wilson intervals. Used by <see cref="ProportionComparison"/>.
    /// </summary>
    NewcombeHybridScore = 3,
}
