namespace CrimeOutcomes.Tests.Calculations;

using static RegionFixture;

public class OutcomeRatioCalculatorTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly OutcomeDataset Data = Build();

    [Fact]
    public void A_force_ratio_uses_its_own_figures()
    {
        var ratio = Calculator.Calculate(Data, RatioDefinition.Withdrawal, WestMercia, Year, Scope);

        // 80 / 400 = 20.0 %
        ratio.Numerator.Should().Be(80);
        ratio.Denominator.Should().Be(400);
        ratio.Value.Should().Be(0.2m);
        ratio.Coverage.ToString().Should().Be("1 force");
        ratio.NumeratorLabel.Should().Be("outcome 16");
        ratio.DenominatorLabel.Should().Be("recorded crimes");
        ratio.Basis.Should().Be(CountBasis.Recorded);
        ratio.Key!.Value.Area.Should().Be(WestMercia);
    }

    [Fact]
    public void A_region_ratio_is_the_sum_of_numerators_over_the_sum_of_denominators_with_partial_coverage()
    {
        var ratio = Calculator.Calculate(Data, RatioDefinition.Withdrawal, Region, Year, Scope);

        // (200 + 90 + 80) / (1,000 + 500 + 400) = 370 / 1,900 = 19.47 %; the mean of force ratios would be 19.33 %.
        ratio.Numerator.Should().Be(370);
        ratio.Denominator.Should().Be(1_900);
        ratio.FormatPercent(2).Should().Be("19.47 %");
        ratio.Coverage.ForcesCovered.Should().Be(3);
        ratio.Coverage.ForcesInArea.Should().Be(4);
        ratio.Coverage.Missing.Should().Equal(Warwickshire);
        ratio.Coverage.IsComplete.Should().BeFalse();
        ratio.Coverage.ToString().Should().Be("3 of 4 forces (missing: Warwickshire)");
    }

    [Theory]
    // 14 + 16: (50+200) + (20+90) + (10+80) = 450; 450 / 1,900 = 23.68 %
    [InlineData("14+16/recorded", 450, 1_900, "23.68 %")]
    // 16 over assigned outcomes (0 excluded): 370 / (720 + 360 + 270 = 1,350) = 27.41 %
    [InlineData("16/assigned", 370, 1_350, "27.41 %")]
    // 16 over suspect-identified outcomes (1, 15, 16): 370 / (370 + 190 + 160 = 720) = 51.39 %
    [InlineData("16/suspect", 370, 720, "51.39 %")]
    // 15 over recorded: (100 + 60 + 50) / 1,900 = 210 / 1,900 = 11.05 %
    [InlineData("15/recorded", 210, 1_900, "11.05 %")]
    // 1 over recorded: 140 / 1,900 = 7.37 %
    [InlineData("1/recorded", 140, 1_900, "7.37 %")]
    public void Every_denominator_is_offered(string which, long numerator, long denominator, string percent)
    {
        var definition = which switch
        {
            "14+16/recorded" => RatioDefinition.WithdrawalIncludingNoSuspect,
            "16/assigned" => RatioDefinition.OutcomeRate(RatioDenominator.AssignedOutcomes, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport),
            "16/suspect" => RatioDefinition.OutcomeRate(RatioDenominator.SuspectIdentifiedOutcomes, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport),
            "15/recorded" => RatioDefinition.EvidentialDifficulties,
            _ => RatioDefinition.ChargeOrSummons,
        };

        var ratio = Calculator.Calculate(Data, definition, Region, Year, Scope);

        ratio.Numerator.Should().Be(numerator);
        ratio.Denominator.Should().Be(denominator);
        ratio.FormatPercent(2).Should().Be(percent);
    }

    [Fact]
    public void The_rest_of_an_area_excludes_the_given_forces()
    {
        var rest = Region.Excluding(WestMercia);
        var ratio = Calculator.Calculate(Data, RatioDefinition.Withdrawal, rest, Year, Scope);

        // (200 + 90) / (1,000 + 500) = 290 / 1,500 = 19.33 %; Warwickshire still missing.
        ratio.Numerator.Should().Be(290);
        ratio.Denominator.Should().Be(1_500);
        ratio.Coverage.ToString().Should().Be("2 of 3 forces (missing: Warwickshire)");
    }

    [Fact]
    public void By_force_lists_each_force_that_has_figures()
    {
        var ratios = Calculator.ByForce(Data, RatioDefinition.Withdrawal, Region, Year, Scope);
        ratios.Select(r => r.Coverage.Area.Name).Should().Equal("Staffordshire", "West Mercia", "West Midlands");
        ratios.Select(r => r.FormatPercent()).Should().Equal("18.0 %", "20.0 %", "20.0 %");
    }

    [Fact]
    public void A_published_aggregate_is_used_as_published_not_re_summed()
    {
        var seed = SeedStory.Dataset;
        var ratio = Calculator.Calculate(seed, RatioDefinition.Withdrawal, SeedStory.RespondingForces, CalendarYear.Of(2016), SeedStory.Scope);
        ratio.Numerator.Should().Be(164_510);
        ratio.Denominator.Should().Be(438_349);
        ratio.Coverage.ToString().Should().Be("36 of 43 forces (members not published)");
    }

    [Fact]
    public void A_zero_denominator_gives_an_explicit_undefined_ratio()
    {
        var builder = new OutcomeDatasetBuilder();
        Add(builder, Warwickshire, 0, 0, 0, 0, 0, 0, 0);
        var ratio = Calculator.Calculate(builder.Build(), RatioDefinition.Withdrawal, Warwickshire, Year, Scope);

        ratio.IsDefined.Should().BeFalse();
        ratio.Value.Should().BeNull();
        ratio.Percent.Should().BeNull();
        ratio.ToString().Should().Be("0 / 0 = undefined (zero denominator)");
        ratio.FormatPercent().Should().Be("undefined");
        var act = () => ratio.ToDouble();
        act.Should().Throw<InvalidOperationException>().WithMessage("*undefined: its denominator is zero*");
    }

    [Fact]
    public void Missing_figures_are_named_in_the_error()
    {
        var act = () => Calculator.Calculate(Data, RatioDefinition.Withdrawal, Warwickshire, Year, Scope);
        act.Should().Throw<KeyNotFoundException>().WithMessage("*Warwickshire, 2020/21, All crime*");
    }

    [Fact]
    public void Two_bases_without_a_choice_is_an_error_that_asks_for_one()
    {
        var builder = Build().ToBuilder();
        builder.AddOutcomeCount(WestMercia, Year, Scope, CountBasis.Closed, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 75);
        var data = builder.Build();

        var act = () => Calculator.Calculate(data, RatioDefinition.Withdrawal, WestMercia, Year, Scope);
        act.Should().Throw<InvalidOperationException>().WithMessage("*several bases (recorded basis, closed basis)*CountBasis.Recorded*");
        Calculator.Calculate(data, RatioDefinition.Withdrawal, WestMercia, Year, Scope, CountBasis.Closed).Numerator.Should().Be(75);
    }

    [Fact]
    public void Year_on_year_changes_for_counts_and_ratios()
    {
        var seed = SeedStory.Dataset;
        var key = new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);

        var recorded = Calculator.RecordedCrimesYearOnYear(seed, key);
        // 10,829 − 9,773 = 1,056; 1,056 / 9,773 = 10.8 %
        recorded.Absolute.Should().Be(1_056);
        recorded.ToString().Should().Be("+1,056 (+10.8 %)");

        var outcome15 = Calculator.OutcomeYearOnYear(seed, key, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports);
        // 1,953 − 2,128 = −175; −175 / 2,128 = −8.2 %
        outcome15.Absolute.Should().Be(-175);
        outcome15.ToString().Should().Be("-175 (-8.2 %)");

        var withdrawal = Calculator.YearOnYear(seed, RatioDefinition.Withdrawal, key);
        // 51.0018…% − 46.2396…% = 4.7622… pp
        withdrawal.PercentagePoints.Should().BeApproximately(4.7622m, 0.0001m);
        withdrawal.ToString().Should().Be("+4.8 pp (46.2 % \u2192 51.0 %)");
        withdrawal.NumeratorChange.Absolute.Should().Be(1_004);
    }

    [Fact]
    public void A_numerator_that_double_counts_a_subset_is_refused()
    {
        var act = () => RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.ChargedOrSummonsed, OutcomeType.ChargedAlternateOffence);
        act.Should().Throw<ArgumentException>().WithMessage("Outcome 1A is a subset of outcome 1*");
    }
}
