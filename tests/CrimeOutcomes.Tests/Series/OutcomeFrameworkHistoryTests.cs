namespace CrimeOutcomes.Tests.Series;

public sealed class OutcomeFrameworkHistoryTests
{
    [Theory]
    [InlineData("21", "2014/15", FrameworkStatus.NotInFramework)]
    [InlineData("21", "2015/16", FrameworkStatus.PartOfPeriod)]   // introduced January 2016
    [InlineData("21", "2017/18", FrameworkStatus.InFramework)]
    [InlineData("22", "2014/15", FrameworkStatus.NotInFramework)]
    [InlineData("22", "2017/18", FrameworkStatus.NotInFramework)]  // the real 2017/18 file has no outcome 22
    [InlineData("22", "2019/20", FrameworkStatus.Voluntary)]
    [InlineData("22", "2020/21", FrameworkStatus.Voluntary)]
    [InlineData("22", "2021/22", FrameworkStatus.InFramework)]    // compulsory from April 2021
    [InlineData("19", "2024/25", FrameworkStatus.InFramework)]
    [InlineData("19", "2025/26", FrameworkStatus.PartOfPeriod)]   // no longer used from December 2025
    [InlineData("19", "2026/27", FrameworkStatus.NotInFramework)]
    [InlineData("16", "2014/15", FrameworkStatus.InFramework)]
    public void An_outcome_type_stands_in_the_framework_as_the_sources_date_it(string outcome, string year, FrameworkStatus expected)
        => OutcomeFrameworkHistory.StatusOf(OutcomeType.Parse(outcome), FinancialYear.Parse(year)).Should().Be(expected);

    [Fact]
    public void Calendar_years_and_quarters_get_the_status_of_the_days_they_cover()
    {
        OutcomeFrameworkHistory.StatusOf(OutcomeType.DiversionaryActivity, CalendarYear.Of(2019)).Should().Be(FrameworkStatus.PartOfPeriod, "January to March 2019 came before outcome 22");
        OutcomeFrameworkHistory.StatusOf(OutcomeType.DiversionaryActivity, FinancialQuarter.Parse("2020/21 Q4")).Should().Be(FrameworkStatus.Voluntary);
        OutcomeFrameworkHistory.StatusOf(OutcomeType.DiversionaryActivity, FinancialQuarter.Parse("2021/22 Q1")).Should().Be(FrameworkStatus.InFramework);
    }

    [Fact]
    public void A_ratio_stands_where_its_weakest_numerator_outcome_stands()
    {
        var both = RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.FurtherInvestigationNotInPublicInterest, OutcomeType.DiversionaryActivity);

        OutcomeFrameworkHistory.StatusOf(both, FinancialYear.Parse("2017/18")).Should().Be(FrameworkStatus.NotInFramework);
        OutcomeFrameworkHistory.StatusOf(both, FinancialYear.Parse("2019/20")).Should().Be(FrameworkStatus.Voluntary);
        OutcomeFrameworkHistory.StatusOf(RatioDefinition.Withdrawal, FinancialYear.Parse("2014/15")).Should().Be(FrameworkStatus.InFramework);
    }

    [Fact]
    public void The_changes_are_dated_sourced_and_found_in_the_periods_they_fall_in()
    {
        OutcomeFrameworkHistory.Changes.Should().BeInAscendingOrder(c => c.Date);
        OutcomeFrameworkHistory.Changes.Should().OnlyContain(c => c.Source.Length > 0 && c.Label.Length > 0);
        OutcomeFrameworkHistory.ChangesIn(FinancialYear.Parse("2019/20")).Select(c => c.Label).Should().Equal("outcome 22 (voluntary)");
        OutcomeFrameworkHistory.ChangesIn(FinancialYear.Parse("2015/16")).Select(c => c.Label).Should().Equal("outcome 20", "outcome 21");
        OutcomeFrameworkHistory.ChangesIn(FinancialYear.Parse("2017/18")).Should().BeEmpty();
    }
}
