namespace CrimeOutcomes.Tests.Calculations;

/// <summary>Sums and differences of counts are checked: overflowing one fails with a message that names what was summed.</summary>
public class OverflowTests
{
    private const long Half = (long.MaxValue / 2) + 1; // 4,611,686,018,427,387,904: two of them are long.MaxValue + 1.

    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly PoliceForce WestMercia = Registry.Get("West Mercia");
    private static readonly PoliceForce Staffordshire = Registry.Get("Staffordshire");
    private static readonly ForceGroup TwoForces = ForceGroup.Of("Two forces", [WestMercia, Staffordshire]);
    private static readonly FinancialYear Year = FinancialYear.StartingIn(2020);

    [Fact]
    public void Aggregating_recorded_crimes_beyond_a_64_bit_count_names_the_sum()
    {
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(WestMercia, Year, CrimeScope.AllCrime, Half)
            .AddRecordedCrimes(Staffordshire, Year, CrimeScope.AllCrime, Half)
            .Build();

        var act = () => new AreaAggregator().Aggregate(data, TwoForces, Year, CrimeScope.AllCrime, CountBasis.Recorded);

        act.Should().Throw<OverflowException>().WithMessage(
            "The sum of recorded crimes for Two forces, 2020/21, All crime overflows a 64-bit count (4,611,686,018,427,387,904 + 4,611,686,018,427,387,904).");
    }

    [Fact]
    public void Aggregating_to_exactly_the_largest_count_does_not_overflow()
    {
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(WestMercia, Year, CrimeScope.AllCrime, Half)
            .AddRecordedCrimes(Staffordshire, Year, CrimeScope.AllCrime, Half - 1)
            .Build();

        new AreaAggregator().Aggregate(data, TwoForces, Year, CrimeScope.AllCrime, CountBasis.Recorded)
            .RecordedCrimes.Should().Be(long.MaxValue);
    }

    [Fact]
    public void Aggregating_an_outcome_count_beyond_a_64_bit_count_names_the_outcome()
    {
        var data = new OutcomeDatasetBuilder()
            .AddOutcomeCount(WestMercia, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, Half)
            .AddOutcomeCount(Staffordshire, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, Half)
            .Build();

        var act = () => new AreaAggregator().Aggregate(data, TwoForces, Year, CrimeScope.AllCrime, CountBasis.Recorded);

        act.Should().Throw<OverflowException>().WithMessage("The sum of outcome 16 for Two forces, 2020/21, All crime overflows*");
    }

    [Fact]
    public void A_ratio_numerator_beyond_a_64_bit_count_names_the_outcomes()
    {
        // Outcomes 14 and 16 of one force: the numerator of "victim does not support" adds them.
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(WestMercia, Year, CrimeScope.AllCrime, 10)
            .AddOutcomeCount(WestMercia, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport, Half)
            .AddOutcomeCount(WestMercia, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, Half)
            .Build();

        var act = () => new OutcomeRatioCalculator().Calculate(data, RatioDefinition.WithdrawalIncludingNoSuspect, WestMercia, Year, CrimeScope.AllCrime);

        act.Should().Throw<OverflowException>().WithMessage("The sum of outcomes 14 + 16 for West Mercia, 2020/21, All crime overflows*");
    }

    [Fact]
    public void A_group_ratio_denominator_beyond_a_64_bit_count_names_the_denominator()
    {
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(WestMercia, Year, CrimeScope.AllCrime, Half)
            .AddRecordedCrimes(Staffordshire, Year, CrimeScope.AllCrime, Half)
            .AddOutcomeCount(WestMercia, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 1)
            .AddOutcomeCount(Staffordshire, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 1)
            .Build();

        var act = () => new OutcomeRatioCalculator().Calculate(data, RatioDefinition.ChargeOrSummons, TwoForces, Year, CrimeScope.AllCrime);

        act.Should().Throw<OverflowException>().WithMessage("The sum of recorded crimes for Two forces, 2020/21, All crime overflows*");
    }

    [Fact]
    public void A_year_on_year_change_beyond_a_64_bit_count_names_both_counts()
    {
        // Outcome 0 can be negative (reclassification), so -1 to long.MaxValue is a change of long.MaxValue + 1.
        var earlier = FinancialYear.StartingIn(2019);
        var data = new OutcomeDatasetBuilder()
            .AddOutcomeCount(WestMercia, earlier, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.NotYetAssigned, -1)
            .AddOutcomeCount(WestMercia, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.NotYetAssigned, long.MaxValue)
            .Build();
        var change = new OutcomeRatioCalculator().OutcomeYearOnYear(data, new FigureKey(WestMercia, Year, CrimeScope.AllCrime), OutcomeType.NotYetAssigned);

        var absolute = () => change.Absolute;
        var text = () => change.ToString();

        absolute.Should().Throw<OverflowException>().WithMessage("The change from -1 to 9,223,372,036,854,775,807 overflows a 64-bit count.");
        text.Should().Throw<OverflowException>().WithMessage("The change from -1 to*");
    }

    [Fact]
    public void A_relative_ratio_change_too_large_for_a_decimal_says_so()
    {
        // 1 / long.MaxValue to long.MaxValue / 1: a relative change of about 8.5e37, beyond decimal's 7.9e28.
        var coverage = Coverage.OfForce(WestMercia);
        var change = new RatioChange(
            new Ratio(1, long.MaxValue, "outcome 1", "recorded crimes", CountBasis.Closed, coverage),
            new Ratio(long.MaxValue, 1, "outcome 1", "recorded crimes", CountBasis.Closed, coverage));

        var relative = () => change.Relative;

        relative.Should().Throw<OverflowException>().WithMessage("The relative change from 1 / 9,223,372,036,854,775,807 to 9,223,372,036,854,775,807 / 1 is too large for a decimal*");
        change.PercentagePoints.Should().NotBeNull("the change in points stays within range");
    }
}
