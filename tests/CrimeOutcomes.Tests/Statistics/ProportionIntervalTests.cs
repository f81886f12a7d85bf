using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Statistics;

public class ProportionIntervalTests
{
    private const double Tolerance = 5e-10;

    // Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of seven methods.
    // Statistics in Medicine 17, 857–872, Table II: method 3 (Wilson score) and method 5 (Clopper–Pearson exact), 95 %:
    //   81/263: 0.2553–0.3662 and 0.2527–0.3676;  15/148: 0.0624–0.1605 and 0.0578–0.1617;
    //   0/20:   0–0.1611      and 0–0.1684;       1/29:  0.0061–0.1718 and 0.0009–0.1776.
    // The full-precision values below were recomputed at 30 digits with mpmath (Wilson formula; Clopper–Pearson by
    // bisection on the regularized incomplete beta) and agree with the paper to its 4 decimals.
    [Theory]
    [InlineData(81, 263, 0.255288519878274, 0.3662095769828, 0.252736745585271, 0.367621922601351)]
    [InlineData(15, 148, 0.0623863995307363, 0.160487241723308, 0.0578440100834486, 0.161650490349479)]
    [InlineData(0, 20, 0.0, 0.161125158052819, 0.0, 0.168433470983085)]
    [InlineData(1, 29, 0.00611321429276266, 0.171755218793203, 0.000872646883579922, 0.177644295488723)]
    // Tiny n, all x for n = 5 (same method of computation); R's binom.test(2, 5)$conf.int gives 0.05274495 0.85336720.
    [InlineData(0, 5, 0.0, 0.434482464783175, 0.0, 0.521823750104982)]
    [InlineData(1, 5, 0.0362241086324302, 0.624465370237475, 0.00505076337946806, 0.71641793611809)]
    [InlineData(2, 5, 0.117620774232648, 0.769275718723987, 0.0527449505263169, 0.853367200365327)]
    [InlineData(3, 5, 0.230724281276013, 0.882379225767352, 0.146632799634673, 0.947255049473683)]
    [InlineData(4, 5, 0.375534629762525, 0.96377589136757, 0.28358206388191, 0.994949236620532)]
    [InlineData(5, 5, 0.565517535216825, 1.0, 0.478176249895018, 1.0)]
    // n = 1: Clopper–Pearson is [0, 0.975] and [0.025, 1] in closed form.
    [InlineData(0, 1, 0.0, 0.793450685622763, 0.0, 0.975)]
    [InlineData(1, 1, 0.206549314377237, 1.0, 0.025, 1.0)]
    // The seed story: West Mercia 2016 and the 36 responding forces 2016 (large n: the two methods nearly agree).
    [InlineData(5_523, 10_829, 0.500602153132842, 0.519429525612286, 0.500556234391634, 0.519477160462345)]
    [InlineData(164_510, 438_349, 0.373862288205914, 0.376729039921087, 0.373860876944468, 0.376729914025865)]
    public void Intervals_at_95_percent_match_reference(long x, long n, double wilsonLower, double wilsonUpper, double exactLower, double exactUpper)
    {
        var wilson = ProportionInterval.Compute(x, n);
        wilson.Lower.Should().BeApproximately(wilsonLower, Tolerance);
        wilson.Upper.Should().BeApproximately(wilsonUpper, Tolerance);
        wilson.Method.Should().Be(IntervalMethod.Wilson);
        wilson.Level.Should().Be(0.95);

        var exact = ProportionInterval.Compute(x, n, 0.95, IntervalMethod.ClopperPearson);
        exact.Lower.Should().BeApproximately(exactLower, Tolerance);
        exact.Upper.Should().BeApproximately(exactUpper, Tolerance);
        exact.Method.Should().Be(IntervalMethod.ClopperPearson);
    }

    [Theory]
    // 81/263 at 90 % and 99 % (mpmath, as above).
    [InlineData(0.90, 0.263313617188481, 0.356566349608488, 0.261055746009112, 0.358178495575784)]
    [InlineData(0.99, 0.240136902687608, 0.38528250231823, 0.236837358165539, 0.386258325669745)]
    public void Other_levels_match_reference(double level, double wilsonLower, double wilsonUpper, double exactLower, double exactUpper)
    {
        var wilson = ProportionInterval.Compute(81, 263, level);
        wilson.Lower.Should().BeApproximately(wilsonLower, Tolerance);
        wilson.Upper.Should().BeApproximately(wilsonUpper, Tolerance);
        var exact = ProportionInterval.Compute(81, 263, level, IntervalMethod.ClopperPearson);
        exact.Lower.Should().BeApproximately(exactLower, Tolerance);
        exact.Upper.Should().BeApproximately(exactUpper, Tolerance);
    }

    [Fact]
    public void Clopper_Pearson_at_the_edges_has_closed_forms()
    {
        // x = 0: upper = 1 − (α/2)^(1/n); x = n: lower = (α/2)^(1/n) (Clopper and Pearson 1934; Agresti 2013, §1.4).
        foreach (var n in new long[] { 1, 2, 7, 50, 1000 })
        {
            ProportionInterval.Compute(0, n, 0.95, IntervalMethod.ClopperPearson).Upper.Should().BeApproximately(1 - Math.Pow(0.025, 1.0 / n), 1e-13);
            ProportionInterval.Compute(n, n, 0.95, IntervalMethod.ClopperPearson).Lower.Should().BeApproximately(Math.Pow(0.025, 1.0 / n), 1e-13);
        }
    }

    [Fact]
    public void Wilson_at_zero_successes_has_a_closed_form_upper_bound()
    {
        // x = 0: the Wilson upper bound is z² / (n + z²).
        var z = 1.9599639845400542;
        ProportionInterval.Compute(0, 20).Upper.Should().BeApproximately(z * z / (20 + (z * z)), 1e-15);
    }

    [Fact]
    public void Wider_levels_give_wider_intervals()
    {
        var at90 = ProportionInterval.Compute(4_519, 9_773, 0.90);
        var at95 = ProportionInterval.Compute(4_519, 9_773, 0.95);
        var at99 = ProportionInterval.Compute(4_519, 9_773, 0.99);
        at90.Width.Should().BeLessThan(at95.Width);
        at95.Width.Should().BeLessThan(at99.Width);
        at99.Contains(4_519.0 / 9_773).Should().BeTrue();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Level_must_be_strictly_between_zero_and_one(double level)
        => FluentActions.Invoking(() => ProportionInterval.Compute(1, 2, level)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*confidence level*");

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void Counts_must_make_a_proportion(long x, long n)
        => FluentActions.Invoking(() => ProportionInterval.Compute(x, n)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Undefined_ratio_has_no_interval_and_says_why()
    {
        var undefined = new Ratio(0, 0, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfForce(SeedStory.WestMercia));
        FluentActions.Invoking(() => undefined.ConfidenceInterval()).Should().Throw<InvalidOperationException>().WithMessage("*undefined*zero denominator*");
    }

    [Fact]
    public void Ratio_above_one_is_not_a_proportion()
    {
        var closedBasis = new Ratio(12, 10, "outcome 1", "recorded crimes", CountBasis.Closed, Coverage.OfForce(SeedStory.WestMercia));
        FluentActions.Invoking(() => closedBasis.ConfidenceInterval()).Should().Throw<ArgumentException>().WithMessage("*12 / 10*not a proportion*");
    }

    [Fact]
    public void Ratio_extension_formats_the_seed_figure()
    {
        var ratio = new OutcomeRatioCalculator().Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        // Wilson bounds 0.500602… and 0.519429… (see above).
        ratio.ConfidenceInterval().ToString().Should().Be("95 % CI 50.1 % to 51.9 % (Wilson)");
    }

    [Fact]
    public void Clopper_Pearson_bounds_satisfy_their_defining_binomial_tail_equations()
    {
        // Definition (Clopper and Pearson 1934): at the lower bound L, P(X ≥ x | n, L) = α/2; at the upper bound U,
        // P(X ≤ x | n, U) = α/2. Checked here by summing binomial probabilities directly, for every x of n ≤ 30.
        foreach (var level in new[] { 0.90, 0.95, 0.99 })
        {
            var half = (1 - level) / 2;
            for (var n = 1; n <= 30; n++)
            {
                for (var x = 0; x <= n; x++)
                {
                    var interval = ProportionInterval.Compute(x, n, level, IntervalMethod.ClopperPearson);
                    if (x > 0)
                    {
                        BinomialTail(n, interval.Lower, from: x, to: n).Should().BeApproximately(half, 1e-12, $"lower bound of {x}/{n} at {level}");
                    }

                    if (x < n)
                    {
                        BinomialTail(n, interval.Upper, from: 0, to: x).Should().BeApproximately(half, 1e-12, $"upper bound of {x}/{n} at {level}");
                    }

                    var wilson = ProportionInterval.Compute(x, n, level);
                    wilson.Contains((double)x / n).Should().BeTrue();
                    interval.Contains((double)x / n).Should().BeTrue();
                }
            }
        }
    }

    private static double BinomialTail(int n, double p, int from, int to)
    {
        var sum = 0.0;
        for (var k = from; k <= to; k++)
        {
            sum += Choose(n, k) * Math.Pow(p, k) * Math.Pow(1 - p, n - k);
        }

        return sum;
    }

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
