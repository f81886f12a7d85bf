namespace CrimeOutcomes.Statistics;

/// <summary>How funnel-plot control limits are computed around the target proportion.</summary>
public enum FunnelLimitMethod
{
    /// <summary>
    /// Exact binomial limits with Spiegelhalter's interpolation (Spiegelhalter 2005, Statistics in Medicine 24,
    /// 1185–1202, appendix): the p-quantile r of Binomial(n, θ₀), less the fraction (F(r) − p) / P(X = r), over n.
    /// Correct for small denominators and proportions near 0 or 1. The default.
    /// </summary>
    ExactBinomial = 1,

    /// <summary>
    /// The normal approximation θ₀ ± z √(θ₀(1 − θ₀) / n), clamped to [0, 1]. Symmetric, fast, and close to the exact
    /// limits once nθ₀ and n(1 − θ₀) are large (hundreds); misleading for small denominators.
    /// </summary>
    NormalApproximation = 2,
}
