using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// A funnel plot for one ratio and period: each unit's proportion against the target proportion (usually the
/// national ratio), with 95 % and 99.8 % control limits that narrow as the denominator grows, each unit classified
/// within, above or below them, and the limits as a function of the denominator for drawing the funnel.
/// </summary>
/// <remarks>
/// The limits describe chance (binomial) variation only. Between police forces the real spread is usually wider
/// (recording practice, demography, policy): <see cref="Dispersion"/> measures it, and when it is well above 1 many
/// units will fall outside the limits for reasons other than chance. See docs/statistics.md.
/// </remarks>
public sealed class FunnelPlot
{
    private readonly FunnelLimitCalculator _calculator;

    private FunnelPlot(Ratio target, double targetProportion, FunnelLimitMethod method, FunnelPoint[] points, Ratio[] excluded, FunnelLimitCalculator calculator)
    {
        Target = target;
        TargetProportion = targetProportion;
        Method = method;
        Points = points;
        Excluded = excluded;
        _calculator = calculator;
        if (points.Length > 0)
        {
            var sum = 0.0;
            foreach (var point in points)
            {
                sum += point.ZScore * point.ZScore;
            }

            Dispersion = sum / points.Length;
            DispersionPValue = points.Length > 1
                ? SpecialFunctions.RegularizedGammaQ((points.Length - 1) / 2.0, sum / 2)
                : null;
        }
    }

    /// <summary>The ratio the funnel is centred on (the national figure, or any area's).</summary>
    public Ratio Target { get; }

    /// <summary>The target proportion θ₀, as a fraction.</summary>
    public double TargetProportion { get; }

    /// <summary>How the limits were computed.</summary>
    public FunnelLimitMethod Method { get; }

    /// <summary>The units with a defined ratio, in the order given, each with its limits and classification.</summary>
    public IReadOnlyList<FunnelPoint> Points { get; }

    /// <summary>Units left out because their ratio is undefined (zero denominator).</summary>
    public IReadOnlyList<Ratio> Excluded { get; }

    /// <summary>
    /// The dispersion ratio φ̂ = Σ z² / k over the k points (Spiegelhalter 2005, §6): about 1 when the units differ
    /// from the target by chance alone, well above 1 when they are overdispersed. 0 when there are no points.
    /// </summary>
    public double Dispersion { get; }

    /// <summary>
    /// The chance of a dispersion at least this large if every unit's true proportion were the target: the upper
    /// tail of χ² with k − 1 degrees of freedom at k φ̂; null with fewer than two points.
    /// </summary>
    public double? DispersionPValue { get; }

    /// <summary>How many points have each classification.</summary>
    /// <param name="classification">The classification.</param>
    public int Count(FunnelClassification classification) => Points.Count(p => p.Classification == classification);

    /// <summary>The control limits at denominator <paramref name="denominator"/>.</summary>
    /// <param name="denominator">The denominator size, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is below 1.</exception>
    public FunnelLimits LimitsAt(long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        return _calculator.At(denominator);
    }

    /// <summary>
    /// The limits at <paramref name="count"/> denominators spaced evenly on a log scale from
    /// <paramref name="from"/> to <paramref name="to"/> (by default the smallest and largest denominators of the
    /// points), for drawing the funnel: x = denominator, y = the four limits.
    /// </summary>
    /// <param name="count">How many denominators, at least 2.</param>
    /// <param name="from">The smallest denominator, at least 1; by default the smallest of the points.</param>
    /// <param name="to">The largest denominator; by default the largest of the points.</param>
    /// <exception cref="ArgumentOutOfRangeException">Count below 2, a bound below 1, or <paramref name="to"/> below <paramref name="from"/>.</exception>
    /// <exception cref="InvalidOperationException">No bounds were given and the plot has no points.</exception>
    public IReadOnlyList<FunnelLimits> Curve(int count = 100, long? from = null, long? to = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if ((from is null || to is null) && Points.Count == 0)
        {
            throw new InvalidOperationException("The funnel plot has no points, so the range of denominators must be given.");
        }

        var low = from ?? Points.Min(p => p.Ratio.Denominator);
        var high = to ?? Points.Max(p => p.Ratio.Denominator);
        ArgumentOutOfRangeException.ThrowIfLessThan(low, 1, nameof(from));
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low, nameof(to));

        var result = new List<FunnelLimits>(count);
        var logLow = Math.Log(low);
        var step = (Math.Log(high) - logLow) / (count - 1);
        long previous = 0;
        for (var i = 0; i < count; i++)
        {
            var n = i == count - 1 ? high : Math.Clamp((long)Math.Round(Math.Exp(logLow + (i * step))), low, high);
            if (n != previous)
            {
                result.Add(_calculator.At(n));
                previous = n;
            }
        }

        return result;
    }

    /// <summary>
    /// Builds the funnel plot of <paramref name="units"/> around <paramref name="target"/>.
    /// </summary>
    /// <param name="units">The units' ratios (usually one per force), all for the target's definition, basis, period and scope.</param>
    /// <param name="target">The target ratio; a proportion strictly between 0 and 1.</param>
    /// <param name="method">Exact binomial limits (default) or the normal approximation.</param>
    /// <exception cref="ArgumentException">The target is undefined or not strictly between 0 and 1; a unit is not a proportion, or measures something else than the target (the message names it).</exception>
    public static FunnelPlot Create(IEnumerable<Ratio> units, Ratio target, FunnelLimitMethod method = FunnelLimitMethod.ExactBinomial)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(target);
        if (method is not (FunnelLimitMethod.ExactBinomial or FunnelLimitMethod.NormalApproximation))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a funnel limit method.");
        }

        ProportionInterval.RequireProportion(target, nameof(target));
        if (target.Numerator == 0 || target.Numerator == target.Denominator)
        {
            throw new ArgumentException($"The target {target.Format()} is 0 % or 100 %: every control limit would collapse onto it.", nameof(target));
        }

        var theta = (double)target.Numerator / target.Denominator;
        var calculator = new FunnelLimitCalculator(theta, method);
        // One array for the points, sized up front when the count is known: no allocation per unit beyond its point.
        var points = new FunnelPoint[units is IReadOnlyCollection<Ratio> known ? known.Count : 16];
        var count = 0;
        List<Ratio>? excluded = null;
        foreach (var unit in units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(units));
            if (!unit.IsDefined)
            {
                (excluded ??= []).Add(unit);
                continue;
            }

            SameMeasure.Require(unit, target, nameof(units));
            ProportionInterval.RequireProportion(unit, nameof(units));
            var y = (double)unit.Numerator / unit.Denominator;
            if (count == points.Length)
            {
                Array.Resize(ref points, count * 2);
            }

            points[count++] = new FunnelPoint(unit, y, calculator.At(unit.Denominator), calculator.ZScore(y, unit.Denominator));
        }

        if (count != points.Length)
        {
            Array.Resize(ref points, count);
        }

        return new FunnelPlot(target, theta, method, points, excluded?.ToArray() ?? [], calculator);
    }

    /// <summary>
    /// Builds the funnel plot of every force of <paramref name="area"/> that has the figures (through
    /// <see cref="OutcomeRatioCalculator.ByForce"/>), around the ratio of <paramref name="targetArea"/> (by default
    /// <paramref name="area"/> itself: its published figure, or the sum over its forces).
    /// </summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="area">The area whose forces are plotted.</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="targetArea">The area whose ratio is the target; <paramref name="area"/> when null.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has.</param>
    /// <param name="method">Exact binomial limits (default) or the normal approximation.</param>
    /// <exception cref="KeyNotFoundException">The dataset lacks the target's figures.</exception>
    public static FunnelPlot Create(
        OutcomeDataset data,
        RatioDefinition definition,
        Area area,
        ReportingPeriod period,
        CrimeScope scope,
        Area? targetArea = null,
        CountBasis? basis = null,
        FunnelLimitMethod method = FunnelLimitMethod.ExactBinomial)
    {
        var calculator = new OutcomeRatioCalculator();
        var units = calculator.ByForce(data, definition, area, period, scope, basis);
        var target = calculator.Calculate(data, definition, targetArea ?? area, period, scope, basis ?? (units.Count > 0 ? units[0].Basis : null));
        return Create(units, target, method);
    }

    /// <summary>"Funnel around 37.5 % (36 responding forces): 44 units, 30 within, …; dispersion 12.3".</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"Funnel around {Target.FormatPercent()} ({Target.Key?.Area.Name ?? Target.NumeratorLabel}): {Points.Count} units, {Count(FunnelClassification.Within)} within 95 %, {Count(FunnelClassification.Above95) + Count(FunnelClassification.Above998)} above ({Count(FunnelClassification.Above998)} beyond 99.8 %), {Count(FunnelClassification.Below95) + Count(FunnelClassification.Below998)} below ({Count(FunnelClassification.Below998)} beyond 99.8 %); dispersion {Dispersion:0.00}");
}
