using CrimeOutcomes.Import;
using CrimeOutcomes.Statistics;
using CrimeOutcomes.Tests.Import;

namespace CrimeOutcomes.Tests.Series;

public sealed class RatioSeriesTests : IDisposable
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly PoliceForce WestMercia = Registry.Get("West Mercia");
    private static readonly PoliceForce Kent = Registry.Get("Kent");
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly RatioDefinition OutcomeTwentyTwo = RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.DiversionaryActivity);
    private static readonly ReportingPeriod[] Years = [.. new[] { "2018/19", "2019/20", "2020/21", "2021/22" }.Select(y => (ReportingPeriod)FinancialYear.Parse(y))];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// West Mercia: recorded crimes 1,000, 1,100, 1,200, 1,300; outcome 16 200, 242, 300, 390 (20 %, 22 %, 25 %, 30 %);
    /// outcome 22 from 2019/20 only: 10, 20, 30. Kent: 2,000 recorded crimes and 400 of outcome 16 every year (20 %).
    /// </summary>
    private static OutcomeDataset Dataset()
    {
        var builder = new OutcomeDatasetBuilder();
        long[] recorded = [1_000, 1_100, 1_200, 1_300];
        long[] withdrawals = [200, 242, 300, 390];
        for (var i = 0; i < Years.Length; i++)
        {
            builder.AddRecordedCrimes(WestMercia, Years[i], CrimeScope.AllCrime, recorded[i])
                .AddOutcomeCount(WestMercia, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, withdrawals[i])
                .AddRecordedCrimes(Kent, Years[i], CrimeScope.AllCrime, 2_000)
                .AddOutcomeCount(Kent, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 400);
            if (i > 0)
            {
                builder.AddOutcomeCount(WestMercia, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.DiversionaryActivity, i * 10);
            }
        }

        return builder.Build();
    }

    [Fact]
    public void A_series_gives_each_periods_ratio_interval_and_the_changes_between_them()
    {
        var series = Calculator.Series(Dataset(), RatioDefinition.Withdrawal, WestMercia, Years.Reverse(), CrimeScope.AllCrime);

        series.Periods.Should().Equal(Years, "periods are sorted");
        series.Basis.Should().Be(CountBasis.Recorded);
        series.Points.Select(p => p.Ratio!.Format()).Should().Equal("200 / 1,000 = 20.0 %", "242 / 1,100 = 22.0 %", "300 / 1,200 = 25.0 %", "390 / 1,300 = 30.0 %");
        series.Points.Should().OnlyContain(p => p.Framework == FrameworkStatus.InFramework && p.Warnings.Count == 0 && p.Coverage!.IsComplete);

        // Wilson 95 % for 200 of 1,000: 17.64 % to 22.59 %.
        var interval = series.Points[0].Interval!.Value;
        interval.Lower.Should().BeApproximately(0.17638, 0.00001);
        interval.Upper.Should().BeApproximately(0.22592, 0.00001);

        series.Changes.Should().HaveCount(3);
        series.Changes.Select(c => c.Difference!.PercentagePoints).Should().Equal(2.0m, 3.0m, 5.0m);
        series.Changes[0].Difference!.IsSignificantAt(0.95).Should().BeFalse("20 % of 1,000 against 22 % of 1,100 is within chance");
        series.Changes[2].Difference!.IsSignificantAt(0.95).Should().BeTrue("25 % of 1,200 against 30 % of 1,300 is not");
        series.Overall!.Difference!.PercentagePoints.Should().Be(10.0m);
        series.Change(Years[1], Years[3]).Difference!.PercentagePoints.Should().Be(8.0m);
        series.ToString().Should().StartWith("West Mercia, ").And.Contain("2021/22: 390 / 1,300 = 30.0 %");
    }

    [Fact]
    public void An_outcome_not_yet_in_the_framework_is_said_so_never_zero_and_voluntary_years_are_marked()
    {
        var series = Calculator.Series(Dataset(), OutcomeTwentyTwo, WestMercia, Years, CrimeScope.AllCrime, CountBasis.Recorded);

        var first = series.Points[0];
        first.Framework.Should().Be(FrameworkStatus.NotInFramework);
        first.Ratio.Should().BeNull();
        first.HasValue.Should().BeFalse();
        first.Absence.Should().Be("outcome 22 was not in the framework in 2018/19");
        series.Points.Skip(1).Select(p => p.Framework).Should().Equal(FrameworkStatus.Voluntary, FrameworkStatus.Voluntary, FrameworkStatus.InFramework);
        series.Points[1].Ratio!.Format().Should().Be("10 / 1,100 = 0.9 %");
        series.Points[1].FrameworkChanges.Select(c => c.Label).Should().Equal("outcome 22 (voluntary)");
        series.Points[3].FrameworkChanges.Select(c => c.Label).Should().Equal("outcome 22 compulsory");
        series.Changes[0].Comparison.Should().BeNull();
        series.Changes[0].Absence.Should().Be("2018/19 has no ratio: outcome 22 was not in the framework in 2018/19");
        series.Overall!.From.Period.Should().Be(Years[1], "the overall change starts at the first year with a ratio");
    }

    [Fact]
    public void A_period_without_figures_says_so_and_the_rest_of_the_series_stands()
    {
        var series = Calculator.Series(Dataset(), RatioDefinition.Withdrawal, WestMercia, [FinancialYear.Parse("2017/18"), Years[0]], CrimeScope.AllCrime);

        series.Points[0].Ratio.Should().BeNull();
        series.Points[0].Absence.Should().StartWith("no figures for 2017/18: ");
        series.Points[1].Ratio!.Percent.Should().Be(20m);
    }

    [Fact]
    public void Forces_by_years_come_in_one_call_and_a_group_sums_its_forces()
    {
        var data = Dataset();
        var byForce = Calculator.SeriesByForce(data, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Years, CrimeScope.AllCrime);

        byForce.Select(s => s.Area.Name).Should().Equal("Kent", "West Mercia");
        byForce[0].Points.Select(p => p.Ratio!.Percent).Should().Equal(20m, 20m, 20m, 20m);

        var national = Calculator.Series(data, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Years, CrimeScope.AllCrime);
        national.Points[0].Ratio!.Format().Should().Be("600 / 3,000 = 20.0 %");
        national.Points[3].Ratio!.Format().Should().Be("790 / 3,300 = 23.9 %");
        national.Points[0].Coverage!.ToString().Should().StartWith("2 of 43 forces");
    }

    [Fact]
    public void Without_a_basis_on_a_dataset_of_both_bases_it_throws_naming_them_and_mixed_periods_are_refused()
    {
        var both = Dataset().ToBuilder()
            .AddOutcomeCount(WestMercia, Years[0], CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 190)
            .Build();

        var unsaid = () => Calculator.Series(both, RatioDefinition.Withdrawal, WestMercia, Years, CrimeScope.AllCrime);
        unsaid.Should().Throw<InvalidOperationException>().WithMessage("*recorded*closed*");

        var mixed = () => Calculator.Series(both, RatioDefinition.Withdrawal, WestMercia, [Years[0], CalendarYear.Of(2019)], CrimeScope.AllCrime, CountBasis.Recorded);
        mixed.Should().Throw<ArgumentException>().WithMessage("*of one kind*");
        var none = () => Calculator.Series(both, RatioDefinition.Withdrawal, WestMercia, [], CrimeScope.AllCrime, CountBasis.Recorded);
        none.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Known_issues_are_attached_to_the_periods_they_touch()
    {
        var manchester = Registry.Get("Greater Manchester");
        var communityResolutions = RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.CommunityResolution);
        var builder = new OutcomeDatasetBuilder();
        foreach (var year in Years)
        {
            builder.AddRecordedCrimes(manchester, year, CrimeScope.AllCrime, 10_000)
                .AddOutcomeCount(manchester, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.CommunityResolution, year == Years[1] ? 5 : 300);
        }

        var series = Calculator.Series(builder.Build(), communityResolutions, manchester, Years, CrimeScope.AllCrime);

        series.Points.Select(p => p.Warnings.Count).Should().Equal(0, 1, 0, 0);
        series.Warnings.Single().Issue.Id.Should().Be(KnownDataIssues.GreaterManchesterOutOfCourt);
        series.ToString().Should().Contain("warning: Greater Manchester, 2019/20: Greater Manchester's out-of-court outcomes collapse in 2019/20.");
        var quiet = Calculator.Series(builder.Build(), communityResolutions, manchester, Years, CrimeScope.AllCrime, options: new RatioSeriesOptions { Issues = new KnownDataIssues([]) });
        quiet.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_partial_year_release_makes_its_year_partial_with_a_warning_until_the_full_release_replaces_it()
    {
        var spec = new FixtureSpec { Years = ["2020/21"], NonForceRows = false };
        var rows = OpenDataFixtures.Generate(31, spec);
        var halfYear = _dir.File("prc-outcomes-open-data-apr2020-to-sep2020-tables-210121.csv");
        OpenDataFixtures.WriteCsv(halfYear, spec, [.. rows.Where(r => r.Quarter is "Q1" or "Q2")]);

        var partial = new OutcomesOpenDataReader().Read(halfYear).Dataset;

        var year = FinancialYear.Parse("2020/21");
        partial.GapsFor(WestMercia, year, CountBasis.Recorded).Select(g => (g.Quarter.Quarter, g.Absence)).Should().Equal((3, FigureAbsence.NotInRelease), (4, FigureAbsence.NotInRelease));
        var point = Calculator.Series(partial, RatioDefinition.Withdrawal, WestMercia, [year], CrimeScope.AllCrime, CountBasis.Recorded).Points.Single();
        point.Coverage!.IsPartial.Should().BeTrue();
        point.Warnings.Select(w => w.Message).Should().Equal("2020/21: a partial-year release; it lacks Q3, Q4, so its figures cover part of the year.");
        var expected = rows.Where(r => r.Quarter is "Q1" or "Q2" && r.Force == "West Mercia" && r.OutcomeType == "16").Sum(r => r.Recorded);
        point.Ratio!.Numerator.Should().Be(expected);

        var fullYear = _dir.File("prc-outcomes-open-data-mar2021-tables-210722.csv");
        OpenDataFixtures.WriteCsv(fullYear, spec, rows);
        var both = new OutcomesOpenDataReader().Read([halfYear, fullYear]).Dataset;
        both.Gaps.Should().BeEmpty("the full-year release replaces the partial one, gaps and all");
        Calculator.Series(both, RatioDefinition.Withdrawal, WestMercia, [year], CrimeScope.AllCrime, CountBasis.Recorded).Warnings.Should().BeEmpty();
    }
}
