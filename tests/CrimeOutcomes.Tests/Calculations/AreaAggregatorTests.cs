namespace CrimeOutcomes.Tests.Calculations;

using static RegionFixture;

public class AreaAggregatorTests
{
    private static readonly AreaAggregator Aggregator = new();
    private static readonly OutcomeDataset Data = Build();

    [Fact]
    public void Sums_each_outcome_over_the_forces_that_have_figures()
    {
        var aggregate = Aggregator.Aggregate(Data, Region, Year, Scope, CountBasis.Recorded);

        aggregate.IsComputed.Should().BeTrue();
        aggregate.RecordedCrimes.Should().Be(1_900);
        aggregate.CountOf(OutcomeType.NotYetAssigned).Should().Be(550);       // 280 + 140 + 130
        aggregate.CountOf(OutcomeType.ChargedOrSummonsed).Should().Be(140);    // 70 + 40 + 30
        aggregate.CountOf(OutcomeType.NoSuspectIdentified).Should().Be(550);   // 300 + 150 + 100
        aggregate.CountOf(OutcomeType.DiversionaryActivity).Should().BeNull();   // no force reported it: not a zero
        aggregate.RecordedCrimesCoverage.ToString().Should().Be("3 of 4 forces (missing: Warwickshire)");
        aggregate.OutcomeCountsCoverage.Contributing.Should().Equal(Staffordshire, WestMercia, WestMidlands);
    }

    [Fact]
    public void An_outcome_some_forces_lack_is_missing_from_the_sum_never_a_partial_total()
    {
        var builder = new OutcomeDatasetBuilder();
        RegionFixture.Build(builder);
        var key = new FigureKey(Staffordshire, Year, Scope);
        builder.AddOutcomeCount(key, CountBasis.Recorded, OutcomeType.CommunityResolution, 12)
            .AddOutcomeCount(key with { Area = WestMercia }, CountBasis.Recorded, OutcomeType.CommunityResolution, 8)
            .AddMissingOutcomeCount(key with { Area = WestMidlands }, CountBasis.Recorded, OutcomeType.CommunityResolution, FigureAbsence.Suppressed);

        var aggregate = Aggregator.Aggregate(builder.Build(), Region, Year, Scope, CountBasis.Recorded);

        aggregate.CountOf(OutcomeType.CommunityResolution).Should().BeNull();   // 12 + 8 would hide West Midlands' suppressed figure
        aggregate.MissingOutcomes[OutcomeType.CommunityResolution].Should().ContainSingle()
            .Which.Should().Be(new MissingFigure(key with { Area = WestMidlands }, CountBasis.Recorded, OutcomeType.CommunityResolution, FigureAbsence.Suppressed));
        aggregate.CountOf(OutcomeType.ChargedOrSummonsed).Should().Be(140);
    }

    [Fact]
    public void England_and_Wales_reports_36_missing_forces_by_count()
    {
        var aggregate = Aggregator.Aggregate(Data, Registry.EnglandAndWales, Year, Scope, CountBasis.Recorded);
        aggregate.RecordedCrimes.Should().Be(1_900);
        aggregate.RecordedCrimesCoverage.ForcesCovered.Should().Be(3);
        aggregate.RecordedCrimesCoverage.Missing.Should().HaveCount(40);
        aggregate.RecordedCrimesCoverage.ToString().Should().Be("3 of 43 forces");
    }

    [Fact]
    public void A_force_aggregate_is_its_own_figures()
    {
        var aggregate = Aggregator.Aggregate(Data, WestMercia, Year, Scope, CountBasis.Recorded);
        aggregate.IsComputed.Should().BeFalse();
        aggregate.RecordedCrimes.Should().Be(400);
    }

    [Fact]
    public void No_figures_at_all_is_an_error_naming_the_key()
    {
        var act = () => Aggregator.Aggregate(Data, Registry.Wales, Year, Scope, CountBasis.Recorded);
        act.Should().Throw<KeyNotFoundException>().WithMessage("*Wales, 2020/21, All crime*");
    }

    [Fact]
    public void Sums_are_checked()
    {
        var builder = new OutcomeDatasetBuilder();
        builder.AddRecordedCrimes(WestMercia, Year, Scope, long.MaxValue);
        builder.AddRecordedCrimes(Staffordshire, Year, Scope, 1);
        var act = () => Aggregator.Aggregate(builder.Build(), Region, Year, Scope, CountBasis.Recorded);
        act.Should().Throw<OverflowException>().WithMessage("The sum of recorded crimes for West Midlands, 2020/21, All crime overflows*");
    }
}
