using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Statistics;

public class FunnelPlotTests
{
    private static readonly PoliceForce[] Welsh = [.. ForceRegistry.Default.Wales.Forces];

    private static Ratio Unit(long x, long n, PoliceForce? force = null)
        => new(x, n, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(force ?? Welsh[0]));

    private static Ratio Target(long x, long n) => new(x, n, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfPublished(ForceRegistry.Default.Wales));

    // Independent reference (Python mpmath, 30 digits): exact limits by summing Binomial(n, θ₀) probabilities to the
    // first r with F(r) ≥ p, then Spiegelhalter's (2005, appendix A.1.1) interpolation (r − (F(r) − p) / P(r)) / n,
    // clamped to [0, 1]; normal limits θ₀ ± z √(θ₀(1 − θ₀)/n) with z = 1.959964 and 3.090232.
    // Columns: lower 95, upper 95, lower 99.8, upper 99.8.
    [Theory]
    [InlineData(3, 10, 10, 0.0, 0.560802140354076, 0.0, 0.740809165407768)]
    [InlineData(3, 10, 20, 0.0811765059806758, 0.487255146595147, 0.0014773166882815, 0.613699679347967)]
    [InlineData(3, 10, 100, 0.206902385791073, 0.386912014163788, 0.160260746891119, 0.441562623860849)]
    [InlineData(3, 10, 1000, 0.271281417014966, 0.328088928334208, 0.255302819716497, 0.344830374609732)]
    [InlineData(1, 50, 50, 0.0, 0.057612672169741, 0.0, 0.0961795493599801)]
    [InlineData(3, 8, 10829, 0.365846434682009, 0.384083074241183, 0.360611092722394, 0.389362886108407)]
    [InlineData(1, 2, 1, 0.0, 0.95, 0.0, 0.998)]
    public void Exact_binomial_limits_match_reference(long targetX, long targetN, long n, double lower95, double upper95, double lower998, double upper998)
    {
        var limits = FunnelPlot.Create([], Target(targetX, targetN)).LimitsAt(n);

        limits.Denominator.Should().Be(n);
        limits.Lower95.Should().BeApproximately(lower95, 1e-10);
        limits.Upper95.Should().BeApproximately(upper95, 1e-10);
        limits.Lower998.Should().BeApproximately(lower998, 1e-10);
        limits.Upper998.Should().BeApproximately(upper998, 1e-10);
    }

    [Theory]
    [InlineData(3, 10, 10, 0.0159742349106746, 0.584025765089325, 0.0, 0.747817205819236)]
    [InlineData(3, 10, 100, 0.210183166814579, 0.389816833185421, 0.15838776541988, 0.44161223458012)]
    [InlineData(1, 50, 50, 0.0, 0.058805307081791, 0.0, 0.0811834781357241)]
    [InlineData(3, 8, 10829, 0.365881790702234, 0.384118209297766, 0.360623519019422, 0.389376480980578)]
    public void Normal_limits_match_reference(long targetX, long targetN, long n, double lower95, double upper95, double lower998, double upper998)
    {
        var limits = FunnelPlot.Create([], Target(targetX, targetN), FunnelLimitMethod.NormalApproximation).LimitsAt(n);

        limits.Lower95.Should().BeApproximately(lower95, 1e-13);
        limits.Upper95.Should().BeApproximately(upper95, 1e-13);
        limits.Lower998.Should().BeApproximately(lower998, 1e-13);
        limits.Upper998.Should().BeApproximately(upper998, 1e-13);
    }

    [Fact]
    public void Units_are_classified_against_the_limits_at_their_own_denominator()
    {
        // Target 30 %. At n = 100 the exact limits are 20.7–38.7 % (95 %) and 16.0–44.2 % (99.8 %), see above;
        // at n = 1,000 they are 27.1–32.8 % and 25.5–34.5 %.
        var plot = FunnelPlot.Create(
            [Unit(30, 100, Welsh[0]), Unit(40, 100, Welsh[1]), Unit(45, 100, Welsh[2]), Unit(250, 1000, Welsh[3]), Unit(19, 100, Welsh[0]), Unit(15, 100, Welsh[1])],
            Target(3, 10));

        plot.Points.Select(p => p.Classification).Should().Equal(
            FunnelClassification.Within,
            FunnelClassification.Above95,
            FunnelClassification.Above998,
            FunnelClassification.Below998,
            FunnelClassification.Below95,
            FunnelClassification.Below998);
        plot.TargetProportion.Should().Be(0.3);
        plot.Count(FunnelClassification.Below998).Should().Be(2);
    }

    [Fact]
    public void A_proportion_on_a_limit_is_inside_it()
    {
        var limits = new FunnelLimits(100, 0.2, 0.4, 0.1, 0.5);
        limits.Classify(0.4).Should().Be(FunnelClassification.Within);
        limits.Classify(0.5).Should().Be(FunnelClassification.Above95);
        limits.Classify(0.1).Should().Be(FunnelClassification.Below95);
    }

    [Fact]
    public void Dispersion_is_the_mean_squared_z_score_with_a_chi_square_p_value()
    {
        // θ₀ = 0.3; z = (y − 0.3) / √(0.21 / n) for 25/100, 40/100, 310/1000; φ̂ = Σz²/3 = 2.14285714285714;
        // P(χ²₂ ≥ 3φ̂) = exp(−3φ̂/2) = 0.0401840264510736 (mpmath).
        var plot = FunnelPlot.Create([Unit(25, 100), Unit(40, 100), Unit(310, 1000)], Target(3, 10));

        plot.Dispersion.Should().BeApproximately(2.14285714285714, 1e-12);
        plot.DispersionPValue!.Value.Should().BeApproximately(0.0401840264510736, 1e-13);
        plot.Points[0].ZScore.Should().BeApproximately(-0.05 / Math.Sqrt(0.0021), 1e-12);
    }

    [Fact]
    public void Curve_runs_over_the_denominators_and_narrows()
    {
        var plot = FunnelPlot.Create([Unit(25, 100), Unit(400, 10_000)], Target(3, 10));

        var curve = plot.Curve(50);

        curve[0].Denominator.Should().Be(100);
        curve[^1].Denominator.Should().Be(10_000);
        curve.Should().HaveCount(50);
        curve.Should().BeInAscendingOrder(l => l.Denominator);
        curve.Select(l => l.Upper998 - l.Lower998).Should().BeInDescendingOrder();
        curve[^1].Should().Be(plot.LimitsAt(10_000));
        plot.Curve(3, 1, 1000).Select(l => l.Denominator).Should().Equal(1, 32, 1000); // e^(ln 1000 / 2) = 31.6
    }

    [Fact]
    public void Undefined_units_are_set_aside_and_mismatched_units_rejected()
    {
        var plot = FunnelPlot.Create([Unit(0, 0), Unit(3, 10)], Target(3, 10));
        plot.Points.Should().ContainSingle();
        plot.Excluded.Should().ContainSingle().Which.Denominator.Should().Be(0);

        var otherBasis = new Ratio(3, 10, "outcome 16", "recorded crimes", CountBasis.Closed, Coverage.OfForce(Welsh[0]));
        FluentActions.Invoking(() => FunnelPlot.Create([otherBasis], Target(3, 10))).Should().Throw<ArgumentException>().WithMessage("*count basis is Closed*");
        FluentActions.Invoking(() => FunnelPlot.Create([], Target(0, 10))).Should().Throw<ArgumentException>().WithMessage("*0 %*");
        FluentActions.Invoking(() => FunnelPlot.Create([], Target(1, 0))).Should().Throw<InvalidOperationException>().WithMessage("*undefined*");
    }

    [Fact]
    public void Funnel_from_a_dataset_uses_the_forces_and_the_area_sum()
    {
        // Four Welsh forces; Wales has no published figure, so the target is the sum: 1,210 / 4,000 = 30.25 %.
        var builder = new OutcomeDatasetBuilder();
        var counts = new (long Recorded, long Withdrawn)[] { (1000, 300), (1000, 390), (1500, 420), (500, 100) };
        for (var i = 0; i < Welsh.Length; i++)
        {
            var key = new FigureKey(Welsh[i], CalendarYear.Of(2016), SeedStory.Scope);
            builder.AddRecordedCrimes(key, counts[i].Recorded).AddOutcomeCount(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, counts[i].Withdrawn);
        }

        var plot = FunnelPlot.Create(builder.Build(), RatioDefinition.Withdrawal, ForceRegistry.Default.Wales, CalendarYear.Of(2016), SeedStory.Scope);

        plot.Target.Numerator.Should().Be(1_210);
        plot.Target.Denominator.Should().Be(4_000);
        plot.Points.Should().HaveCount(4);
        plot.Points.Select(p => p.Area).Should().Equal(Welsh);
        // 39.0 % of 1,000 is far above 30.25 % (99.8 % normal limit ≈ 30.25 + 3.09·1.45 = 34.7 %).
        plot.Points.Single(p => p.Ratio.Numerator == 390).Classification.Should().Be(FunnelClassification.Above998);
        plot.ToString().Should().StartWith("Funnel around 30.3 % (Wales): 4 units");
    }

    [Fact]
    public void Exact_limits_match_a_direct_binomial_summation_across_sizes_and_targets()
    {
        // Independent reimplementation of Spiegelhalter's interpolated limits by cumulating Binomial(n, θ₀)
        // probabilities from zero, for small n (where the walk, the clamping and the start point are most exposed).
        foreach (var (x, total) in new (long, long)[] { (1, 20), (3, 10), (1, 2), (4, 5), (97, 100) })
        {
            var theta = (double)x / total;
            var plot = FunnelPlot.Create([], Target(x, total));
            foreach (var n in new long[] { 1, 2, 3, 5, 17, 60, 200 })
            {
                var limits = plot.LimitsAt(n);
                limits.Lower95.Should().BeApproximately(DirectLimit(theta, n, 0.025), 1e-9, $"θ = {theta}, n = {n}");
                limits.Upper95.Should().BeApproximately(DirectLimit(theta, n, 0.975), 1e-9, $"θ = {theta}, n = {n}");
                limits.Lower998.Should().BeApproximately(DirectLimit(theta, n, 0.001), 1e-9, $"θ = {theta}, n = {n}");
                limits.Upper998.Should().BeApproximately(DirectLimit(theta, n, 0.999), 1e-9, $"θ = {theta}, n = {n}");
            }
        }
    }

    private static double DirectLimit(double theta, long n, double p)
    {
        var cdf = 0.0;
        for (var r = 0L; r <= n; r++)
        {
            var choose = 1.0;
            for (var i = 1; i <= r; i++)
            {
                choose = choose * (n - r + i) / i;
            }

            var pmf = choose * Math.Pow(theta, r) * Math.Pow(1 - theta, n - r);
            cdf += pmf;
            if (cdf >= p)
            {
                return Math.Clamp((r - ((cdf - p) / pmf)) / n, 0, 1);
            }
        }

        return 1;
    }
}
