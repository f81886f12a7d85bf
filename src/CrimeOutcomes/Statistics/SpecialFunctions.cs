namespace CrimeOutcomes.Statistics;

/// <summary>
/// The special functions the statistics need, in double precision: log-gamma, the regularized incomplete gamma and
/// beta functions and the inverse of the latter. Written from the textbook algorithms (Stirling's series with
/// Bernoulli-number coefficients; the power series and Lentz's continued fractions of Press et al., Numerical
/// Recipes, 3rd ed., §6.2 and §6.4) and tested against independently computed values.
/// </summary>
internal static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562; // ln(2π) / 2
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 100_000;

    /// <summary>ln(1 + x), accurate for small |x| (the BCL's LogP1 is computed as Log(x + 1)).</summary>
    public static double Log1P(double x)
    {
        if (Math.Abs(x) < 1e-4)
        {
            // Taylor series: x − x²/2 + x³/3 − x⁴/4; the next term is below 1e-20 relative.
            return x * (1 - (x * ((1.0 / 2) - (x * ((1.0 / 3) - (x / 4))))));
        }

        var u = 1 + x;
        return Math.Log(u) - ((u - 1 - x) / u);
    }

    /// <summary>
    /// The correction term of Stirling's series, lnΓ(x) − [(x − ½) ln x − x + ½ ln 2π], for x ≥ 10:
    /// Σ B₂ₖ / (2k (2k − 1) x^(2k−1)) with the Bernoulli numbers B₂ … B₁₄. The first omitted term is below 1e-17 at x = 10.
    /// </summary>
    private static double StirlingCorrection(double x)
    {
        var r = 1 / x;
        var r2 = r * r;
        return r * ((1.0 / 12) + (r2 * ((-1.0 / 360) + (r2 * ((1.0 / 1260) + (r2 * ((-1.0 / 1680) + (r2 * ((1.0 / 1188) + (r2 * ((-691.0 / 360360) + (r2 / 156))))))))))));
    }

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs a positive argument.");
        }

        // Shift up to x ≥ 10 with Γ(x) = Γ(x + k) / (x (x + 1) … (x + k − 1)), then use Stirling's series.
        var shift = 0.0;
        var product = 1.0;
        while (x < 10)
        {
            product *= x;
            x += 1;
            shift += 1;
        }

        var value = ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + StirlingCorrection(x);
        return shift > 0 ? value - Math.Log(product) : value;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), arranged to avoid cancellation when both are large.</summary>
    public static double LogBeta(double a, double b)
    {
        var p = Math.Min(a, b);
        var q = Math.Max(a, b);
        if (p >= 10)
        {
            // Both large: subtract the Stirling expansions term by term (the x terms cancel exactly).
            var corrections = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(p + q);
            var share = p / (p + q);
            return HalfLogTwoPi - (0.5 * Math.Log(q)) + corrections + ((p - 0.5) * Math.Log(share)) + (q * Log1P(-share));
        }

        return LogGamma(p) + LogGamma(q) - LogGamma(p + q);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0, x ≥ 0.</summary>
    public static double RegularizedGammaQ(double a, double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        if (x < a + 1)
        {
            return 1 - GammaSeries(a, x);
        }

        return GammaContinuedFraction(a, x);
    }

    /// <summary>P(a, x) by its power series: e^(−x) x^a / Γ(a + 1) · Σ xⁿ / ((a + 1) … (a + n)).</summary>
    private static double GammaSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        var ap = a;
        for (var n = 0; n < MaxIterations; n++)
        {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp((a * Math.Log(x)) - x - LogGamma(a));
    }

    /// <summary>Q(a, x) by its continued fraction, evaluated with the modified Lentz method.</summary>
    private static double GammaContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp((a * Math.Log(x)) - x - LogGamma(a)) * h;
    }

    /// <summary>The regularized incomplete beta function I_x(a, b), for a, b &gt; 0 and 0 ≤ x ≤ 1.</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use I_x(a, b) = 1 − I_(1−x)(b, a).
        return x < (a + 1) / (a + b + 2)
            ? BetaFront(x, a, b) * BetaContinuedFraction(x, a, b) / a
            : 1 - (BetaFront(1 - x, b, a) * BetaContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>The upper tail 1 − I_x(a, b), computed without cancellation.</summary>
    public static double RegularizedBetaComplement(double x, double a, double b) => RegularizedBeta(1 - x, b, a);

    /// <summary>x^a (1 − x)^b / B(a, b), accurate for large a and b.</summary>
    internal static double BetaDensityFactor(double x, double a, double b) => BetaFront(x, a, b);

    /// <summary>x^a (1 − x)^b / B(a, b).</summary>
    private static double BetaFront(double x, double a, double b)
    {
        if (a < 10 || b < 10)
        {
            return Math.Exp((a * Math.Log(x)) + (b * Log1P(-x)) - LogBeta(a, b));
        }

        // Both large: expand about the mean x0 = a / (a + b), where x0^a (1 − x0)^b / B(a, b) reduces through
        // Stirling's series to √(ab / (2π(a + b))) e^(corrections), and the rest to −a·r(u) − b·r(v) with
        // r(t) = t − ln(1 + t) ≥ 0: the first-order terms cancel exactly, so no precision is lost to cancellation.
        var x0 = a / (a + b);
        var delta = x - x0;
        var exponent = (0.5 * (Math.Log(a) + Math.Log(b) - Math.Log(a + b))) - HalfLogTwoPi
            - StirlingCorrection(a) - StirlingCorrection(b) + StirlingCorrection(a + b)
            - (a * LogRemainder(delta / x0)) - (b * LogRemainder(-delta / (1 - x0)));
        return Math.Exp(exponent);
    }

    /// <summary>t − ln(1 + t), for t &gt; −1, accurate when t is small.</summary>
    private static double LogRemainder(double t)
    {
        if (Math.Abs(t) >= 0.01)
        {
            return t - Log1P(t);
        }

        // t²/2 − t³/3 + t⁴/4 − …; at |t| < 0.01 the terms after t¹² are below 1e-26 relative.
        var sum = 0.0;
        var power = t;
        for (var k = 2; k <= 12; k++)
        {
            power *= -t;
            sum -= power / k;
        }

        return sum;
    }

    /// <summary>The continued fraction of I_x(a, b) (Numerical Recipes' betacf), by the modified Lentz method.</summary>
    private static double BetaContinuedFraction(double x, double a, double b)
    {
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m < MaxIterations; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                return h;
            }
        }

        return h;
    }

    /// <summary>
    /// The x in [0, 1] with I_x(a, b) = <paramref name="p"/>: safeguarded Newton iteration inside a bisection
    /// bracket, so that it always converges. For p above ½ it solves the complementary tail, 1 − I_x(a, b) = 1 − p,
    /// through the symmetry I_x(a, b) = 1 − I_(1−x)(b, a), which keeps full relative precision in both tails.
    /// </summary>
    public static double InverseRegularizedBeta(double p, double a, double b)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        return p > 0.5 ? 1 - InverseLowerTail(1 - p, b, a) : InverseLowerTail(p, a, b);
    }

    private static double InverseLowerTail(double p, double a, double b)
    {
        var lo = 0.0;
        var hi = 1.0;
        var logBeta = LogBeta(a, b);

        // Start from the normal approximation to the beta quantile (mean + z · sd), kept inside (0, 1); Newton steps
        // that leave the bracket fall back to bisection.
        var mean = a / (a + b);
        var sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        var x = mean + (NormalDistribution.Quantile(p) * sd);
        if (!(x > 0 && x < 1))
        {
            x = mean;
        }
        for (var i = 0; i < 200; i++)
        {
            var f = RegularizedBeta(x, a, b) - p;
            // I_x is computed to about 1e-14 relative, so a residual below that is as good as zero.
            if (Math.Abs(f) <= 1e-14 * p)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var density = Math.Exp(((a - 1) * Math.Log(x)) + ((b - 1) * Log1P(-x)) - logBeta);
            var next = density > 0 && double.IsFinite(density) ? x - (f / density) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 1e-14 * Math.Max(x, 1e-300) || hi - lo <= 1e-14 * Math.Max(lo, 1e-300))
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
