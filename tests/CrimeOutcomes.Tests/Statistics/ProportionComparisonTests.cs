using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Statistics;

public class ProportionComparisonTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly Coverage OneForce = Coverage.OfForce(SeedStory.WestMercia);

    private static Ratio Proportion(long x, long n, CountBasis basis = CountBasis.Recorded)
        => new(x, n, "outcome 16", "recorded crimes", basis, OneForce);

    // Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions: comparison of
    // eleven methods. Statistics in Medicine 17, 873–890, Table II, method 10 (hybrid score, no continuity
    // correction), for θ1 − θ2: (a) 56/70 − 48/80: 0.0524 to 0.3339; (b) 9/10 − 3/10: 0.1705 to 0.8090;
    // (d) 5/56 − 0/29: −0.0381 to 0.1926; (e) 0/10 − 0/20: −0.1611 to 0.2775; (f) 0/10 − 0/10: −0.2775 to 0.2775;
    // (g) 10/10 − 0/20: 0.6791 to 1.0000; (h) 10/10 − 0/10: 0.6075 to 1.0000. Full precision recomputed with
    // mpmath at 30 digits (and 6/7 − 2/7 likewise). z and p: the pooled two-proportion test, the square root of
    // R's prop.test(c(x1, x2), c(n1, n2), correct = FALSE) X-squared; for (a) R prints X-squared = 7.0234,
    // p-value = 0.008045.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524314724024, 0.333872654037, 2.65017195126, 0.0080450813682)]
    [InlineData(9, 10, 3, 10, 0.170522723935, 0.809017973535, 2.73861278753, 0.00616989932054)]
    [InlineData(6, 7, 2, 7, 0.0582279274823, 0.806249637524, 2.16024689947, 0.0307535612593)]
    [InlineData(5, 56, 0, 29, -0.0381371479035, 0.192560013855, 1.65864886924, 0.0971865681706)]
    [InlineData(0, 10, 0, 20, -0.161125158053, 0.277532799863, 0.0, 1.0)]
    [InlineData(0, 10, 0, 10, -0.277532799863, 0.277532799863, 0.0, 1.0)]
    [InlineData(10, 10, 0, 20, 0.679086037142, 1.0, 5.47722557505, 4.32046305783e-8)]
    [InlineData(10, 10, 0, 10, 0.607509350431, 1.0, 4.472135955, 7.74421643104e-6)]
    public void Difference_interval_and_test_match_Newcombe_and_prop_test(long x1, long n1, long x2, long n2, double lower, double upper, double z, double p)
    {
        var result = ProportionComparison.Compare(from: Proportion(x2, n2), to: Proportion(x1, n1));

        var difference = result.Should().BeOfType<ProportionDifference>().Subject;
        difference.Difference.Should().BeApproximately(((double)x1 / n1) - ((double)x2 / n2), 1e-15);
        difference.Interval.Lower.Should().BeApproximately(lower, 1e-11);
        difference.Interval.Upper.Should().BeApproximately(upper, 1e-11);
        difference.Interval.Method.Should().Be(IntervalMethod.NewcombeHybridScore);
        difference.ZStatistic.Should().BeApproximately(z, 1e-10);
        difference.PValue.Should().BeApproximately(p, 1e-10 * p);
    }

    [Fact]
    public void West_Mercia_2015_to_2016_is_a_significant_rise()
    {
        // 4,519 / 9,773 = 46.24 % to 5,523 / 10,829 = 51.00 %: +4.76 pp. mpmath (as above): interval 0.0339610102239
        // to 0.0612586801771, z = 6.82869077226, p = 8.56930605825e-12. Relative: (5523/10829) / (4519/9773) − 1 = 0.10299…
        var change = Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope));

        var difference = ProportionComparison.Compare(change).Should().BeOfType<ProportionDifference>().Subject;

        difference.Interval.Lower.Should().BeApproximately(0.0339610102239, 1e-11);
        difference.Interval.Upper.Should().BeApproximately(0.0612586801771, 1e-11);
        difference.ZStatistic.Should().BeApproximately(6.82869077226, 1e-9);
        difference.PValue.Should().BeApproximately(8.56930605825e-12, 1e-20);
        difference.IsSignificantAt(0.95).Should().BeTrue();
        difference.RelativeChange!.Value.Should().BeApproximately(5_523m * 9_773m / (10_829m * 4_519m) - 1m, 1e-20m);
        difference.ToString().Should().Be("+4.8 pp (46.2 % \u2192 51.0 %), 95 % CI +3.4 to +6.1 pp (Newcombe hybrid score), z = 6.83, p < 0.0001, relative +10.3 %");
    }

    [Fact]
    public void Relative_change_from_zero_is_undefined_not_infinite()
    {
        var difference = (ProportionDifference)ProportionComparison.Compare(Proportion(0, 20), Proportion(3, 20));
        difference.RelativeChange.Should().BeNull();
        difference.ToString().Should().Contain("relative change undefined");
    }

    [Fact]
    public void Different_bases_are_not_comparable()
    {
        var result = ProportionComparison.Compare(Proportion(10, 100, CountBasis.Recorded), Proportion(12, 100, CountBasis.Closed));
        var notComparable = result.Should().BeOfType<NotComparable>().Subject;
        notComparable.Reason.Should().Be(NotComparableReason.DifferentBasis);
        notComparable.Explanation.Should().Contain("recorded basis").And.Contain("closed basis");
        result.IsComparable.Should().BeFalse();
    }

    [Fact]
    public void Different_definitions_are_not_comparable()
    {
        var key = new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        var withdrawal = Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, key);
        var evidential = Calculator.Calculate(SeedStory.Dataset, RatioDefinition.EvidentialDifficulties, key);
        ((NotComparable)ProportionComparison.Compare(withdrawal, evidential)).Reason.Should().Be(NotComparableReason.DifferentDefinition);
    }

    [Fact]
    public void Different_scopes_and_kinds_of_period_are_not_comparable()
    {
        var key = new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        var ratio = Proportion(10, 100) with { Key = key };
        var allCrime = Proportion(10, 100) with { Key = key with { Scope = CrimeScope.AllCrime } };
        var financial = Proportion(10, 100) with { Key = key with { Period = FinancialYear.StartingIn(2016) } };

        ((NotComparable)ProportionComparison.Compare(ratio, allCrime)).Reason.Should().Be(NotComparableReason.DifferentScope);
        ((NotComparable)ProportionComparison.Compare(ratio, financial)).Reason.Should().Be(NotComparableReason.DifferentPeriodKind);
    }

    [Fact]
    public void Same_area_with_different_coverage_is_not_comparable()
    {
        var wales = ForceRegistry.Default.Wales;
        var all = new Ratio(40, 100, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfComputed(wales, wales.Forces))
        { Key = new FigureKey(wales, CalendarYear.Of(2015), SeedStory.Scope) };
        var three = new Ratio(30, 80, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfComputed(wales, wales.Forces.Take(3)))
        { Key = new FigureKey(wales, CalendarYear.Of(2016), SeedStory.Scope) };

        var result = (NotComparable)ProportionComparison.Compare(all, three);
        result.Reason.Should().Be(NotComparableReason.DifferentCoverage);
        result.Explanation.Should().Contain("4 of 4 forces").And.Contain("3 of 4 forces");
    }

    [Fact]
    public void A_force_against_a_group_containing_it_in_the_same_period_is_not_comparable()
    {
        var key = new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        var force = Proportion(10, 100) with { Key = key };
        var england = ForceRegistry.Default.England;
        var group = new Ratio(300, 1000, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfPublished(england)) { Key = key with { Area = england } };
        var rest = new Ratio(290, 900, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfPublished(england.Excluding(SeedStory.WestMercia)))
        { Key = key with { Area = england.Excluding(SeedStory.WestMercia) } };

        ((NotComparable)ProportionComparison.Compare(group, force)).Reason.Should().Be(NotComparableReason.OverlappingAreas);
        ProportionComparison.Compare(rest, force).IsComparable.Should().BeTrue();
    }

    [Fact]
    public void Undefined_and_improper_ratios_are_not_comparable()
    {
        ((NotComparable)ProportionComparison.Compare(Proportion(0, 0), Proportion(1, 2))).Reason.Should().Be(NotComparableReason.UndefinedRatio);
        ((NotComparable)ProportionComparison.Compare(Proportion(1, 2), Proportion(3, 2))).Reason.Should().Be(NotComparableReason.NotAProportion);
    }

    [Fact]
    public void Level_is_validated()
        => FluentActions.Invoking(() => ProportionComparison.Compare(Proportion(1, 2), Proportion(1, 3), 1.5)).Should().Throw<ArgumentOutOfRangeException>();
}
