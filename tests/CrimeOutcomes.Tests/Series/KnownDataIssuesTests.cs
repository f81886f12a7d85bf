namespace CrimeOutcomes.Tests.Series;

public sealed class KnownDataIssuesTests
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly KnownDataIssues Issues = KnownDataIssues.Default;
    private static readonly RatioDefinition CommunityResolutions = RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.CommunityResolution);

    [Fact]
    public void Greater_Manchesters_2019_20_out_of_court_figures_warn_only_where_a_ratio_counts_them()
    {
        var manchester = Registry.Get("Greater Manchester");
        var year = FinancialYear.Parse("2019/20");

        Issues.WarningsFor(manchester, year, CommunityResolutions).Select(w => w.Issue.Id).Should().Equal(KnownDataIssues.GreaterManchesterOutOfCourt);
        Issues.WarningsFor(Registry.EnglandAndWales, year, CommunityResolutions).Single().Message.Should().Contain("through Greater Manchester");
        Issues.WarningsFor(manchester, year, RatioDefinition.Withdrawal).Should().BeEmpty("outcome 16 over recorded crimes counts no out-of-court outcome");
        var ofAssigned = RatioDefinition.OutcomeRate(RatioDenominator.AssignedOutcomes, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport);
        Issues.WarningsFor(manchester, year, ofAssigned).Should().ContainSingle("a share of assigned outcomes counts them in its denominator");
        Issues.WarningsFor(manchester, FinancialYear.Parse("2018/19"), CommunityResolutions).Should().BeEmpty();
        Issues.WarningsFor(Registry.Get("Kent"), year, CommunityResolutions).Should().BeEmpty();
    }

    [Fact]
    public void The_2014_15_force_quarters_not_provided_warn_for_the_eight_forces_and_the_areas_that_hold_them()
    {
        var year = FinancialYear.Parse("2014/15");

        Issues.WarningsFor(Registry.Get("Bedfordshire"), year).Select(w => w.Issue.Id).Should().Equal(KnownDataIssues.NotProvided2014);
        Issues.WarningsFor(Registry.EnglandAndWales, year).Single().Message.Should().Contain("through Bedfordshire, Cumbria, Dyfed-Powys, Hertfordshire, Leicestershire, Metropolitan Police, South Yorkshire");
        Issues.WarningsFor(Registry.Get("Kent"), year).Should().BeEmpty();
        Issues.WarningsFor(Registry.Get("Bedfordshire"), FinancialYear.Parse("2015/16")).Should().BeEmpty();
    }

    [Fact]
    public void British_Transport_Police_warns_from_2015_16_and_only_in_areas_that_include_it()
    {
        var btp = Registry.Get("British Transport Police");

        Issues.WarningsFor(btp, FinancialYear.Parse("2016/17")).Select(w => w.Issue.Id).Should().Equal(KnownDataIssues.TransportPoliceLeavesTables);
        Issues.WarningsFor(Registry.EnglandAndWalesAndBritishTransportPolice, FinancialYear.Parse("2016/17")).Should().ContainSingle();
        Issues.WarningsFor(Registry.EnglandAndWales, FinancialYear.Parse("2016/17")).Should().BeEmpty();
        Issues.WarningsFor(btp, FinancialYear.Parse("2014/15")).Select(w => w.Issue.Id).Should().Equal(KnownDataIssues.NotProvided2014);
    }

    [Fact]
    public void A_partial_year_release_warns_from_the_coverage_that_lacks_its_quarters()
    {
        var kent = Registry.Get("Kent");
        var year = FinancialYear.Parse("2024/25");
        var coverage = Coverage.OfForce(kent).WithGaps([
            new FigureGap(kent, FinancialQuarter.Of(year, 3), CountBasis.Recorded, FigureAbsence.NotInRelease),
            new FigureGap(kent, FinancialQuarter.Of(year, 4), CountBasis.Recorded, FigureAbsence.NotInRelease)]);

        var warning = Issues.WarningsFor(kent, year, RatioDefinition.Withdrawal, coverage).Should().ContainSingle().Subject;
        warning.Issue.Id.Should().Be(KnownDataIssues.PartialYear);
        warning.Message.Should().Be("2024/25: a partial-year release; it lacks Q3, Q4, so its figures cover part of the year.");
        Issues.WarningsFor(kent, year, RatioDefinition.Withdrawal, Coverage.OfForce(kent)).Should().BeEmpty();
    }

    [Fact]
    public void The_table_has_sources_and_distinct_ids_and_a_custom_table_refuses_a_repeated_id()
    {
        Issues.All.Should().HaveCount(4).And.OnlyContain(i => i.Source.Length > 0 && i.Description.Length > 0);
        Issues[KnownDataIssues.PartialYear].Kind.Should().Be(KnownIssueKind.PartialYearRelease);
        var missing = () => Issues["nothing"];
        missing.Should().Throw<KeyNotFoundException>().WithMessage("*'gmp-2019-20-out-of-court'*");

        var twice = () => new KnownDataIssues([Issues.All[0], Issues.All[0]]);
        twice.Should().Throw<ArgumentException>().WithMessage("*'gmp-2019-20-out-of-court'*");
    }
}
