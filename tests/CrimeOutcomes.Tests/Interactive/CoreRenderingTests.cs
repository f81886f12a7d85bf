using CrimeOutcomes.Interactive;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public class CoreRenderingTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly FigureKey WestMercia2016 = new(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
    private static readonly FigureKey National2016 = new(SeedStory.RespondingForces, CalendarYear.Of(2016), SeedStory.Scope);

    [Fact]
    public void A_ratio_shows_its_percentage_counts_basis_and_coverage()
    {
        // Seed story, printed: West Mercia 2016, outcome 16 = 5,523 of 10,829 recorded; 5,523 / 10,829 = 0.51001 → 51.0 %.
        var ratio = Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, WestMercia2016);

        var html = ratio.ToHtml();
        var rows = BodyRows(html);

        rows.Should().ContainSingle();
        rows[0].Should().Equal("West Mercia", "2016", "Domestic abuse-related", "51.0 %", "5,523", "10,829", "unstated", "1 force");
        ParseHtml(html).Descendants("div").First(d => d.Attribute("class")?.Value == "co-heading").Value
            .Should().Be("withdrawal (outcome 16)");
        ratio.ToPlainText().Should().Contain("51.0 %").And.Contain("5,523").And.Contain("10,829").And.Contain("1 force");
    }

    [Fact]
    public void A_list_of_ratios_is_one_row_each_and_names_the_measure_when_they_differ()
    {
        // Seed story 2016, national: 164,510 / 438,349 = 37.5 %; 102,295 / 438,349 = 23.3 %.
        Ratio[] ratios =
        [
            Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, National2016),
            Calculator.Calculate(SeedStory.Dataset, RatioDefinition.EvidentialDifficulties, National2016),
        ];

        var rows = BodyRows(ratios.ToHtml());

        rows.Select(r => r[0]).Should().Equal("withdrawal (outcome 16)", "evidential difficulties (outcome 15)");
        rows.Select(r => r[4]).Should().Equal("37.5 %", "23.3 %");
        rows.Select(r => r[8]).Should().AllBe("36 of 43 forces (members not published)");
        ratios.ToPlainText().Split('\n').Should().Contain(l => l.StartsWith("evidential difficulties (outcome 15)", StringComparison.Ordinal) && l.Contains("23.3 %"));
    }

    [Fact]
    public void An_undefined_ratio_says_so()
    {
        var ratio = new Ratio(0, 0, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfForce(SeedStory.WestMercia));

        BodyRows(ratio.ToHtml())[0][3].Should().Be("undefined");
        ratio.ToPlainText().Should().Contain("undefined where its denominator is zero");
    }

    [Fact]
    public void A_change_shows_both_years_the_counts_and_the_change()
    {
        // Seed story, West Mercia: 4,519 / 9,773 = 46.24 % (2015) → 5,523 / 10,829 = 51.00 % (2016): +4.76 pp → "+4.8 pp";
        // relative 0.51001 / 0.46240 − 1 = +10.3 %; outcome 16 +1,004 = +22.2 % of 4,519; recorded +1,056 = +10.8 % of 9,773.
        var change = Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, WestMercia2016);

        var html = change.ToHtml();
        var rows = BodyRows(html);

        ParseHtml(html).Descendants("thead").Single().Descendants("th").Select(th => th.Value).Should().Equal("", "2015", "2016", "Change");
        rows[0].Should().Equal("Ratio", "46.2 %", "51.0 %", "+4.8 pp (+10.3 % relative)");
        rows[1].Should().Equal("Outcome 16", "4,519", "5,523", "+1,004 (+22.2 %)");
        rows[2].Should().Equal("Recorded crimes", "9,773", "10,829", "+1,056 (+10.8 %)");
        change.ToPlainText().Should().Contain("+4.8 pp (+10.3 % relative)");
    }

    [Fact]
    public void A_list_of_changes_has_a_row_per_area()
    {
        // National: 117,196 / 393,551 = 29.78 % → 164,510 / 438,349 = 37.53 %: +7.75 pp → "+7.8 pp".
        RatioChange[] changes =
        [
            Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, WestMercia2016),
            Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, National2016),
        ];

        var rows = BodyRows(changes.ToHtml());

        rows.Select(r => r[0]).Should().Equal("West Mercia", "36 responding forces");
        rows.Select(r => r[5]).Should().Equal("+4.8 pp", "+7.8 pp");
        changes.ToPlainText().Should().Contain("+7.8 pp");
    }

    [Fact]
    public void The_dataset_table_has_a_row_per_key_and_a_column_per_outcome()
    {
        var html = SeedStory.Dataset.ToHtml();
        var headers = ParseHtml(html).Descendants("thead").Single().Descendants("th").Select(th => th.Value);
        var rows = BodyRows(html);

        headers.Should().Equal("Area", "Period", "Scope", "Count basis", "Recorded crimes", "15", "16");
        rows.Should().HaveCount(4);
        rows.Should().ContainEquivalentOf(new[] { "West Mercia", "2016", "Domestic abuse-related", "unstated", "10,829", "1,953", "5,523" });
        rows.Should().ContainEquivalentOf(new[] { "36 responding forces (published)", "2015", "Domestic abuse-related", "unstated", "393,551", "90,204", "117,196" });
        SeedStory.Dataset.ToPlainText().Should().Contain("393,551").And.Contain("117,196");
    }

    [Fact]
    public void A_long_dataset_shows_its_first_rows_and_says_how_many_there_are()
    {
        // 43 forces × 5 financial years = 215 keys, one row each.
        var builder = new OutcomeDatasetBuilder();
        foreach (var force in ForceRegistry.Default.EnglandAndWales.Forces)
        {
            for (var year = 2015; year < 2020; year++)
            {
                builder.AddRecordedCrimes(force, FinancialYear.StartingIn(year), CrimeScope.AllCrime, 100);
            }
        }

        var html = builder.Build().ToHtml();

        BodyRows(html).Should().HaveCount(200);
        html.Should().Contain("Showing the first 200 of 215 rows.");
    }

    [Fact]
    public void A_slice_keeps_only_the_keys_asked_for()
    {
        var slice = SeedStory.Dataset.Slice(k => k.Area == SeedStory.WestMercia);

        slice.Keys.Should().HaveCount(2).And.OnlyContain(k => k.Area == SeedStory.WestMercia);
        slice.OutcomeCounts.Should().HaveCount(4);
        slice.RecordedCrimesFor(WestMercia2016).Should().Be(10_829);
    }

    [Fact]
    public void Coverage_names_the_missing_and_contributing_forces()
    {
        var wales = ForceRegistry.Default.Wales;
        var gwent = ForceRegistry.Default.Get("Gwent");
        var southWales = ForceRegistry.Default.Get("South Wales");
        var coverage = Coverage.OfComputed(wales, [gwent, southWales]);

        var html = coverage.ToHtml();
        var details = ParseHtml(html).Descendants("details").Select(d => (Summary: d.Element("summary")!.Value, Names: d.Element("div")!.Value)).ToArray();

        html.Should().Contain("2 of 4 forces, partial (Wales)");
        details.Should().Equal(("Missing (2)", "Dyfed-Powys, North Wales"), ("Contributing (2)", "Gwent, South Wales"));
        coverage.ToPlainText().Should().Contain("Missing (2): Dyfed-Powys, North Wales");
    }

    [Fact]
    public void An_aggregate_shows_summed_counts_and_their_coverage()
    {
        // Two forces, figures made up for the test: recorded 1,000 + 2,500 = 3,500; outcome 16 300 + 700 = 1,000.
        var year = FinancialYear.StartingIn(2017);
        var gwent = ForceRegistry.Default.Get("Gwent");
        var northWales = ForceRegistry.Default.Get("North Wales");
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(gwent, year, CrimeScope.AllCrime, 1_000)
            .AddRecordedCrimes(northWales, year, CrimeScope.AllCrime, 2_500)
            .AddOutcomeCount(gwent, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 300)
            .AddOutcomeCount(northWales, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 700)
            .Build();
        var aggregate = new AreaAggregator().Aggregate(data, ForceRegistry.Default.Wales, year, CrimeScope.AllCrime, CountBasis.Recorded);

        var html = aggregate.ToHtml();
        var rows = BodyRows(html);

        rows[0].Should().Equal("Recorded crimes", "", "3,500");
        rows[1][0].Should().Be("Outcome 16");
        rows[1][2].Should().Be("1,000");
        html.Should().Contain("Sums over the forces that have figures").And.Contain("2 of 4 forces, partial (Wales)");
        aggregate.ToPlainText().Should().Contain("3,500").And.Contain("Recorded crimes cover: 2 of 4 forces, partial (Wales)");
    }

    [Fact]
    public void Hostile_names_are_escaped_everywhere()
    {
        const string hostile = "<script>alert(\"x\")</script>";
        var forces = ForceRegistry.Default.Wales.Forces;
        var group = ForceGroup.Of(hostile, forces);
        var scope = CrimeScope.Named("<img src=x onerror=alert(1)>");
        var year = CalendarYear.Of(2020);
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(group, year, scope, 100)
            .AddOutcomeCount(group, year, scope, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 10)
            .Build();
        var ratio = Calculator.Calculate(data, RatioDefinition.Withdrawal, group, year, scope);
        var change = new RatioChange(ratio, ratio);

        string[] renderings =
        [
            data.ToHtml(), ratio.ToHtml(), change.ToHtml(), new[] { change }.ToHtml(), ratio.Coverage.ToHtml(),
            new RatioByForceChart([ratio], ratio) { Title = hostile }.ToHtml(),
            new YearOnYearChart([change]) { Title = hostile }.ToHtml(),
        ];

        foreach (var html in renderings)
        {
            html.Should().NotContain("<script").And.NotContain("<img").And.Contain("&lt;script&gt;");
            ParseHtml(html).Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "img"]);
        }
    }
}
