namespace CrimeOutcomes.Statistics;

/// <summary>
/// Computes funnel control limits for a fixed target proportion θ₀. Allocation-free: limits come back as a value.
/// </summary>
internal readonly struct FunnelLimitCalculator
{
    // Two-sided 95 % and 99.8 %: the 2.5 %, 97.5 %, 0.1 % and 99.9 % points.
    private const double P025 = 0.025;
    private const double P975 = 0.975;
    private const double P001 = 0.001;
    private const double P999 = 0.999;

    private static readonly double Z95 = NormalDistribution.Quantile(P975);
    private static readonly double Z998 = NormalDistribution.Quantile(P999);

    private readonly double _theta;
    private readonly double _odds;
    private readonly FunnelLimitMethod _method;

    public FunnelLimitCalculator(double theta, FunnelLimitMethod method)
    {
        _theta = theta;
        _odds = theta / (1 - theta);
        _method = method;
    }

    public FunnelLimits At(long n) => _method == FunnelLimitMethod.NormalApproximation ? Normal(n) : Exact(n);

    /// <summary>The standardised difference (y − θ₀) / √(θ₀(1 − θ₀)/n).</summary>
    public double ZScore(double proportion, long n) => (proportion - _theta) / Math.Sqrt(_theta * (1 - _theta) / n);

    private FunnelLimits Normal(long n)
    {
        var sd = Math.Sqrt(_theta * (1 - _theta) / n);
        return new FunnelLimits(
            n,
            Math.Max(0, _theta - (Z95 * sd)),
            Math.Min(1, _theta + (Z95 * sd)),
            Math.Max(0, _theta - (Z998 * sd)),
            Math.Min(1, _theta + (Z998 * sd)));
    }

    /// <summary>
    /// Spiegelhalter's interpolated exact limits. For each of the four points, a Cornish–Fisher estimate of the
    /// binomial quantile gives a starting count r; one incomplete-beta evaluation gives F(r) and the beta density
    /// gives P(X = r); the probability mass recurrence P(r + 1) = P(r) · (n − r) / (r + 1) · θ / (1 − θ) then walks
    /// the last step or two to the exact quantile. (Measured faster than one evaluation at the mean and a walk of
    /// three standard deviations each way.)
    /// </summary>
    private FunnelLimits Exact(long n)
        => new(n, ExactPoint(P025, -Z95, n), ExactPoint(P975, Z95, n), ExactPoint(P001, -Z998, n), ExactPoint(P999, Z998, n));

    private double ExactPoint(double p, double z, long n)
    {
        var sd = Math.Sqrt(n * _theta * (1 - _theta));
        var skew = (1 - (2 * _theta)) / sd;
        var estimate = (n * _theta) + (sd * (z + (skew * ((z * z) - 1) / 6))) - 0.5;
        var r = Math.Clamp((long)Math.Round(estimate), 0, n);
        var cdf = Cdf(r, n);
        var pmf = Pmf(r, n);
        return QuantileDown(p, n, ref r, ref cdf, ref pmf);
    }

    /// <summary>From a count r with F(r) and P(r), moves down to the smallest r with F(r) ≥ p (F(r) ≥ p must hold, or it moves up first).</summary>
    private double QuantileDown(double p, long n, ref long r, ref double cdf, ref double pmf)
    {
        if (cdf < p)
        {
            return QuantileUp(p, n, ref r, ref cdf, ref pmf);
        }

        while (r > 0 && cdf - pmf >= p)
        {
            cdf -= pmf;
            pmf *= r / ((n - r + 1) * _odds);
            r--;
        }

        return Interpolate(p, n, r, cdf, pmf);
    }

    /// <summary>From a count r, moves up to the smallest r with F(r) ≥ p (or down, when F(r − 1) ≥ p already).</summary>
    private double QuantileUp(double p, long n, ref long r, ref double cdf, ref double pmf)
    {
        if (cdf - pmf >= p)
        {
            return QuantileDown(p, n, ref r, ref cdf, ref pmf);
        }

        while (cdf < p && r < n)
        {
            pmf *= (n - r) * _odds / (r + 1);
            cdf += pmf;
            r++;
        }

        return Interpolate(p, n, r, cdf, pmf);
    }

    /// <summary>(r − α) / n with α = (F(r) − p) / P(X = r), clamped to [0, 1].</summary>
    private static double Interpolate(double p, long n, long r, double cdf, double pmf)
    {
        var alpha = pmf > 0 ? (cdf - p) / pmf : 0;
        return Math.Clamp((r - alpha) / n, 0, 1);
    }

    /// <summary>F(r) = P(X ≤ r) = I_(1−θ)(n − r, r + 1).</summary>
    private double Cdf(long r, long n) => r >= n ? 1 : SpecialFunctions.RegularizedBeta(1 - _theta, n - r, r + 1);

    /// <summary>P(X = r) = θ^(r+1) (1 − θ)^(n−r+1) / B(r + 1, n − r + 1) / ((n + 1) θ (1 − θ)), through the accurate beta front factor.</summary>
    private double Pmf(long r, long n) => SpecialFunctions.BetaDensityFactor(_theta, r + 1, n - r + 1) / ((n + 1) * _theta * (1 - _theta));
}
