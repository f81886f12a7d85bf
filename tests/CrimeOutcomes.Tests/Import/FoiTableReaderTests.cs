using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

public sealed class FoiTableReaderTests
{
    // The seed story's table as a law firm's FOI answer might be typed: thousands separators, stray spaces, a
    // force suffix, a blank line and the group of responding forces by name.
    private const string SeedTable = """
        Area ,Year, Recorded domestic abuse crimes ,Outcome 16,OC15
        West Mercia Police ,2015,"9,773","4,519","2,128"
        West Mercia Police,2016," 10,829 ","5,523",1953

        36 responding forces,2015,"393,551","117,196","90,204"
        36 responding forces,2016,"438,349","164,510","102,295"
        """;

    private static readonly FoiTableOptions DomesticAbuse = FoiTableOptions.Default with { Scope = CrimeScope.DomesticAbuseRelated };

    [Fact]
    public void Reads_the_seed_story_table_into_the_same_figures_as_the_hand_built_seed_dataset()
    {
        var result = new FoiTableReader(DomesticAbuse).Read(new StringReader(SeedTable), "foi.csv");

        // The seed dataset was typed in from the printed article (shared/reference/seed-article-figures.md).
        result.Dataset.RecordedCrimes.Should().BeEquivalentTo(SeedStory.Dataset.RecordedCrimes);
        result.Dataset.OutcomeCounts.Should().BeEquivalentTo(SeedStory.Dataset.OutcomeCounts);
        var report = result.Report.Files.Single();
        report.RowsRead.Should().Be(5);
        report.RowsKept.Should().Be(4);
        report.SetAside.Should().ContainSingle().Which.Name.Should().Be("(blank row)");
        report.CountsRead.RecordedCrimes.Should().Be(9_773 + 10_829 + 393_551 + 438_349);
        report.CountsRead.UnstatedBasis.Should().Be(4_519 + 2_128 + 5_523 + 1_953 + 117_196 + 90_204 + 164_510 + 102_295);
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void The_national_ratio_of_the_imported_table_is_the_published_aggregates_with_its_coverage()
    {
        var data = new FoiTableReader(DomesticAbuse).Read(new StringReader(SeedTable), "foi.csv").Dataset;

        var ratio = new OutcomeRatioCalculator().Calculate(data, RatioDefinition.Withdrawal, SeedStory.RespondingForces, CalendarYear.Of(2016), CrimeScope.DomesticAbuseRelated);

        // 164,510 / 438,349 as printed.
        ratio.Numerator.Should().Be(164_510);
        ratio.Denominator.Should().Be(438_349);
        ratio.Coverage.ToString().Should().Be("36 of 43 forces (members not published)");
    }

    [Fact]
    public void A_financial_year_header_reads_financial_years_and_blanks_mean_no_figure()
    {
        const string table = """
            Force,Financial year,Recorded crimes,Outcome 16,Outcome 15
            Kent,2020/21,"12 345",n/a,
            England and Wales,2020/21,"5,000,000","1,100,000","650,000"
            Total,2020/21,"5,012,345",,
            """;

        var result = new FoiTableReader().Read(new StringReader(table), "fy.csv");

        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        result.Dataset.RecordedCrimesFor(kent).Should().Be(12_345);
        result.Dataset.HasOutcomeCounts(kent, CountBasis.Unstated).Should().BeFalse();
        var national = new FigureKey(ForceRegistry.Default.EnglandAndWales, FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        result.Dataset.OutcomeCountFor(national, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().Be(1_100_000);
        result.Report.Files.Single().SetAside.Single().Name.Should().Be("Total");
    }

    [Fact]
    public void A_blank_cell_gives_no_ratio_with_its_reason_never_zero_per_cent()
    {
        // An FOI answer in which the City of London gave no outcome-16 figure for 2017.
        const string table = """
            Area,Year,Recorded domestic abuse crimes,Outcome 16,Outcome 15,Outcome 14
            "London, City of",2017,212,,31,#N/A
            West Mercia Police,2017,"11,002","5,611","1,890",0
            """;

        var data = new FoiTableReader(DomesticAbuse).Read(new StringReader(table), "foi-2017.csv").Dataset;

        var city = ForceRegistry.Default.Get("City of London");
        var key = new FigureKey(city, CalendarYear.Of(2017), DomesticAbuse.Scope);
        data.OutcomeCountFor(key, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().BeNull();
        data.MissingFor(key, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().Be(FigureAbsence.NotAvailable);

        var calculator = new OutcomeRatioCalculator();
        var withdrawal = calculator.Calculate(data, RatioDefinition.Withdrawal, key);
        withdrawal.IsDefined.Should().BeFalse();
        withdrawal.HasCounts.Should().BeFalse();
        withdrawal.Percent.Should().BeNull();
        withdrawal.ToString().Should().Be("no figure: outcome 16 for London, City of, 2017, Domestic abuse-related (basis unstated): not available");
        calculator.Calculate(data, RatioDefinition.EvidentialDifficulties, key).ToString().Should().Be("31 / 212 = 14.6 %");

        // 14 + 16: West Mercia's 0 for outcome 14 is a figure; the City's #N/A is not, unless asked for.
        calculator.Calculate(data, RatioDefinition.WithdrawalIncludingNoSuspect, key with { Area = ForceRegistry.Default.Get("West Mercia") })
            .ToString().Should().Be("5,611 / 11,002 = 51.0 %");
        calculator.Calculate(data, RatioDefinition.WithdrawalIncludingNoSuspect, key).MissingFigures.Select(m => m.Outcome!.Code).Should().Equal("14", "16");
        var lenient = RatioDefinition.WithdrawalIncludingNoSuspect.CountingMissingOutcomesAsZero();
        calculator.Calculate(data, lenient, key).HasCounts.Should().BeFalse("16 is missing too, and a ratio with no numerator figure at all is not zero");
        calculator.Calculate(data, RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports)
            .CountingMissingOutcomesAsZero(), key).ToString().Should().Be("31 / 212 = 14.6 %");

        // The two forces together: the City cannot be summed, so the sum covers West Mercia alone and says so.
        var both = ForceGroup.Of("two forces", [city, ForceRegistry.Default.Get("West Mercia")]);
        var sum = calculator.Calculate(data, RatioDefinition.Withdrawal, both, CalendarYear.Of(2017), DomesticAbuse.Scope);
        sum.ToString().Should().Be("5,611 / 11,002 = 51.0 %");
        sum.Coverage.ToString().Should().Be("1 of 2 forces (missing: London, City of)");
    }

    [Fact]
    public void A_malformed_cell_is_reported_with_line_and_column()
    {
        const string table = """
            Area,Year,Recorded,Outcome 16
            Kent,2016,100,12
            Kent,2017,1O0,12
            """;

        var act = () => new FoiTableReader().Read(new StringReader(table), "typo.csv");

        act.Should().Throw<ImportFormatException>().WithMessage("typo.csv, line 3, column 'Recorded': '1O0' is not a whole number.");
        var lenient = new FoiTableReader(FoiTableOptions.Default with { Strict = false }).Read(new StringReader(table), "typo.csv");
        lenient.Report.Files.Single().Rejected.Single().Location.Number.Should().Be(3);
        lenient.Report.Reconciles.Should().BeTrue();
    }
}
