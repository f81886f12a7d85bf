using CrimeOutcomes.Interactive;
using CrimeOutcomes.Statistics;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public class StatisticsRenderingTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();

    // Seed story, as printed: West Mercia 4,519 / 9,773 (2015) and 5,523 / 10,829 (2016); 36 forces 117,196 / 393,551 and 164,510 / 438,349.
    private static Ratio WestMercia(int year) => Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, SeedStory.WestMercia, CalendarYear.Of(year), SeedStory.Scope);

    private static Ratio National(int year) => Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, SeedStory.RespondingForces, CalendarYear.Of(year), SeedStory.Scope);

    [Fact]
    public void A_ratio_with_its_interval_shows_the_bounds_beside_the_percentage()
    {
        // Wilson 95 % for 5,523 / 10,829, computed independently (Python, z = 1.959964): 0.500602 to 0.519430 → 50.1 % to 51.9 %.
        var html = WestMercia(2016).WithConfidenceInterval().ToHtml();

        var table = ParseHtml(html).Descendants("table").Single();
        table.Descendants("th").Select(t => t.Value).Should().StartWith(["Area", "Period", "Scope", "Ratio", "95 % CI", "Numerator"]);
        BodyRows(html).Single().Should().Equal("West Mercia", "2016", "Domestic abuse-related", "51.0 %", "50.1 % to 51.9 %", "5,523", "10,829", "unstated", "1 force");
        html.Should().Contain("Wilson score intervals of each proportion").And.Contain("chance (binomial) variation only");
        WestMercia(2016).WithConfidenceInterval().ToPlainText().Should().Contain("51.0 %  50.1 % to 51.9 %");
    }

    [Fact]
    public void A_list_of_ratios_with_intervals_names_the_level_and_method_used()
    {
        // docs/statistics.md (checked by the docs test): 5,523 / 10,829 at 99 % Clopper–Pearson is 49.8 % to 52.2 %.
        var estimates = new[] { WestMercia(2015), WestMercia(2016) }.WithConfidenceIntervals(0.99, IntervalMethod.ClopperPearson);

        var html = estimates.ToHtml();

        ParseHtml(html).Descendants("th").Select(t => t.Value).Should().Contain("99 % CI");
        BodyRows(html).Select(r => r[4]).Last().Should().Be("49.8 % to 52.2 %");
        html.Should().Contain("99 % CI: Clopper-Pearson exact intervals of each proportion");
        NotebookFormatting.ToHtml(estimates).Should().Be(html);
    }

    [Fact]
    public void Intervals_for_a_list_refuse_an_undefined_ratio_by_name()
    {
        var undefined = new Ratio(0, 0, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfForce(SeedStory.WestMercia));

        var act = () => new[] { WestMercia(2016), undefined }.WithConfidenceIntervals();

        act.Should().Throw<InvalidOperationException>().WithMessage("*undefined*");
        new[] { WestMercia(2016) }.Invoking(r => r.WithConfidenceIntervals(1.5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1.5*");
    }

    [Fact]
    public void A_confidence_interval_on_its_own_renders_through_the_extension()
    {
        var interval = WestMercia(2016).ConfidenceInterval();

        NotebookFormatting.CanFormat(interval).Should().BeTrue();
        ParseHtml(NotebookFormatting.ToHtml(interval)).Element("div")!.Value.Should().Be("95 % CI 50.1 % to 51.9 % (Wilson score interval)");
        NotebookFormatting.ToPlainText(interval).Should().Be("95 % CI 50.1 % to 51.9 % (Wilson)" + Environment.NewLine);
    }

    [Fact]
    public void A_difference_shows_both_intervals_the_difference_with_its_interval_and_the_test()
    {
        // Independently (Python): Wilson 95 % 2015 0.452528–0.472294, 2016 0.500602–0.519430; difference 0.510015 − 0.462396 = +4.76 pp;
        // Newcombe hybrid score +3.396 to +6.126 pp; pooled z = 6.829 → p < 0.0001; relative 0.510015 / 0.462396 − 1 = +10.3 %.
        var comparison = ProportionComparison.Compare(WestMercia(2015), WestMercia(2016));

        var html = comparison.ToHtml();
        var rows = BodyRows(html);

        rows[0].Should().Equal("Ratio", "46.2 %", "51.0 %", "+4.8 pp");
        rows[1].Should().Equal("95 % CI", "45.3 % to 47.2 %", "50.1 % to 51.9 %", "+3.4 to +6.1 pp");
        rows[2].Should().Equal("Outcome 16", "4,519", "5,523", "+1,004 (+22.2 %)");
        ParseHtml(html).Value.Should().Contain("Difference: +4.8 pp (95 % CI +3.4 to +6.1 pp), significant at 95 %: z = 6.83, p < 0.0001; relative +10.3 %");
        comparison.ToPlainText().Should().Contain("+4.8 pp (95 % CI +3.4 to +6.1 pp), significant at 95 %").And.Contain("Newcombe's hybrid score interval");
    }

    [Fact]
    public void A_small_difference_is_called_not_significant()
    {
        // 50 / 100 → 55 / 100: pooled p̄ = 0.525, z = 0.05 / √(0.525 · 0.475 · 0.02) = 0.708 → p = 0.479.
        var force = Coverage.OfForce(SeedStory.WestMercia);
        var comparison = ProportionComparison.Compare(
            new Ratio(50, 100, "outcome 16", "recorded crimes", CountBasis.Unstated, force),
            new Ratio(55, 100, "outcome 16", "recorded crimes", CountBasis.Unstated, force));

        ParseHtml(comparison.ToHtml()).Value.Should().Contain("+5.0 pp").And.Contain("not significant at 95 %: z = 0.71, p = 0.479");
    }

    [Fact]
    public void Ratios_that_cannot_be_compared_show_the_reason()
    {
        var recorded = new Ratio(5_000, 10_000, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(SeedStory.WestMercia));
        var comparison = ProportionComparison.Compare(recorded, WestMercia(2016));

        var html = comparison.ToHtml();

        comparison.Should().BeOfType<NotComparable>();
        ParseHtml(html).Value.Should().Contain("Not comparable: The count bases differ").And.Contain("Reason: DifferentBasis");
        BodyRows(html).Should().Contain(r => r[0] == "Count basis" && r[1] == "recorded" && r[2] == "unstated");
        comparison.ToPlainText().Should().Contain("Not comparable: The count bases differ");
    }

    [Fact]
    public void A_list_of_comparisons_gives_a_row_each_and_spans_the_reason_across_the_test_columns()
    {
        var recorded = new Ratio(5_000, 10_000, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(SeedStory.WestMercia));
        ProportionComparison[] comparisons = [ProportionComparison.Compare(WestMercia(2015), WestMercia(2016)), ProportionComparison.Compare(recorded, WestMercia(2016))];

        var html = comparisons.ToHtml();
        var rows = ParseHtml(html).Descendants("tbody").Single().Elements("tr").ToArray();

        rows[0].Elements().Select(c => c.Value).Should().Equal("West Mercia", "2015", "46.2 %", "2016", "51.0 %", "+4.8 pp", "+3.4 to +6.1 pp", "6.83", "< 0.0001", "+10.3 %");
        var reason = rows[1].Elements("td").Last();
        reason.Attribute("colspan")!.Value.Should().Be("5");
        reason.Value.Should().StartWith("not comparable: The count bases differ");
        comparisons.ToPlainText().Should().Contain("not comparable: The count bases differ");
    }

    [Fact]
    public void Comparing_a_force_with_a_group_of_unnamed_forces_warns_that_overlap_cannot_be_checked()
    {
        var html = ProportionComparison.Compare(National(2016), WestMercia(2016)).ToHtml();

        ParseHtml(html).Value.Should().Contain("36 responding forces did not list its forces").And.Contain("only approximate");
        // Between two areas in one year, the change of a count from one area to the other is left blank.
        BodyRows(html)[2].Should().Equal("Outcome 16", "164,510", "5,523", string.Empty);
    }

    [Fact]
    public void A_ranking_shows_ranks_ties_intervals_and_plausible_ranks()
    {
        // Made up for the test: North Wales 500 / 1,000, Dyfed-Powys and Gwent 300 / 1,000 (a tie), South Wales 100 / 1,000.
        // Wilson 95 % (Python): 50 % → 46.9–53.1 %, 30 % → 27.2–32.9 %, 10 % → 8.3–12.0 %: only the tied pair overlap.
        var year = FinancialYear.StartingIn(2017);
        var registry = ForceRegistry.Default;
        Ratio Of(string force, long x, long n) => new(x, n, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(registry.Get(force)))
        {
            Key = new FigureKey(registry.Get(force), year, CrimeScope.AllCrime),
        };
        var ranking = ProportionRanking.Rank([Of("Gwent", 300, 1_000), Of("South Wales", 100, 1_000), Of("North Wales", 500, 1_000), Of("Dyfed-Powys", 300, 1_000), Of("Cheshire", 0, 0)]);

        var html = ranking.ToHtml();

        BodyRows(html).Should().BeEquivalentTo(
            new[]
            {
                new[] { "1", "North Wales", "50.0 %", "46.9 % to 53.1 %", "1", "500", "1,000" },
                ["2=", "Dyfed-Powys", "30.0 %", "27.2 % to 32.9 %", "2–3", "300", "1,000"],
                ["2=", "Gwent", "30.0 %", "27.2 % to 32.9 %", "2–3", "300", "1,000"],
                ["4", "South Wales", "10.0 %", "8.3 % to 12.0 %", "4", "100", "1,000"],
            },
            options => options.WithStrictOrdering());
        ParseHtml(html).Descendants("div").First().Value.Should().Be("outcome 16 / recorded crimes, 2017/18, ranked highest first");
        ParseHtml(html).Value.Should().Contain("Unranked, undefined ratio (1)").And.Contain("Cheshire");
        ranking.ToPlainText().Should().Contain("2=  Dyfed-Powys").And.Contain("Unranked, undefined ratio (1): Cheshire");

        // The interval plot: a dot per entry in rank order, on a linear axis (50 % − 30 % = 30 % − 10 % apart), each on its interval's line.
        var svg = SvgOf(html);
        var dots = svg.Elements(Svg + "circle").Select(c => Attr(c, "cx")).ToArray();
        dots.Should().HaveCount(4).And.BeInDescendingOrder();
        (dots[0] - dots[1]).Should().BeApproximately(dots[2] - dots[3], 0.02);
        var whiskers = svg.Elements(Svg + "line").Where(l => l.Attribute("stroke-width")?.Value == "1.5").ToArray();
        whiskers.Should().HaveCount(4);
        whiskers.Zip(dots).Should().OnlyContain(pair => Attr(pair.First, "x1") < pair.Second && pair.Second < Attr(pair.First, "x2"));
    }

    [Fact]
    public void The_seed_story_claims_show_their_verdicts_differences_and_fitting_wordings()
    {
        // 164,510 / 438,349 = 37.53 % − 33.33 % = +4.2 pp; 117,196 / 393,551 = 29.78 % → −3.6 pp;
        // 5,523 / 10,829 = 51.00 % − 50 % = +1.0 pp (above, so not "just under"); 4,519 / 9,773 = 46.24 % → −3.8 pp (fits).
        ClaimVerdict[] verdicts =
        [
            ClaimCheck.Check(SeedStory.Claims[0], National(2016)), ClaimCheck.Check(SeedStory.Claims[0], National(2015)),
            ClaimCheck.Check(SeedStory.Claims[1], WestMercia(2016)), ClaimCheck.Check(SeedStory.Claims[1], WestMercia(2015)),
        ];

        var html = verdicts.ToHtml();
        var rows = BodyRows(html);

        rows.Select(r => r[0]).Should().Equal("“a third”", "“a third”", "“just under 50 per cent”", "“just under 50 per cent”");
        rows.Select(r => r[2]).Should().Equal("✗ does not fit", "✗ does not fit", "✗ does not fit", "✓ fits");
        rows.Select(r => r[3]).Should().Equal("+4.2 pp", "-3.6 pp", "+1.0 pp", "-3.8 pp");
        rows[2][5].Should().Be("“just over 50 per cent”; “half”; “51 per cent”");
        rows[2][4].Should().Contain("45.0 % up to (not including) 50.0 %");
        ParseHtml(html).Descendants("td").Where(td => td.Attribute("class")?.Value == "co-misfit").Should().HaveCount(3);
        verdicts.ToPlainText().Should().Contain("✓ Fits 'just under 50 per cent': 4,519 / 9,773 = 46.2 % is 3.8 pp below 50 per cent.");
    }

    [Fact]
    public void A_single_verdict_quotes_the_sentence_and_lists_its_facts()
    {
        var verdict = ClaimCheck.Check(SeedStory.Claims[1], WestMercia(2016));

        var html = verdict.ToHtml();
        var root = ParseHtml(html);

        root.Descendants("div").First().Value.Should().Be("Claim: “just under 50 per cent”");
        root.Value.Should().Contain("In: “However, in West Mercia the figure is just under 50 per cent.”");
        root.Descendants("div").Single(d => d.Attribute("class")?.Value == "co-misfit").Value
            .Should().Be("✗ Does not fit 'just under 50 per cent': 5,523 / 10,829 = 51.0 % is 1.0 pp above 50 per cent.");
        BodyRows(html).Should().ContainEquivalentOf(new[] { "Read as", "proportion: 50 per cent, hedged “just under”" })
            .And.ContainEquivalentOf(new[] { "Difference", "+1.0 pp" });
        verdict.ToPlainText().Should().Contain("Wording that fits  “just over 50 per cent”; “half”; “51 per cent”");
    }

    [Fact]
    public void A_verdict_on_a_change_carries_its_statistical_note()
    {
        var change = new RatioChange(WestMercia(2015), WestMercia(2016));
        ClaimVerdict[] verdicts = [ClaimCheck.Check("Withdrawals rose year on year", change)];

        var rows = BodyRows(verdicts.ToHtml());

        rows.Single()[3].Should().Be("–");
        rows.Single()[6].Should().StartWith("Statistically, the change is significant at 95 %");
    }

    [Fact]
    public void Differences_are_shown_in_the_unit_of_the_claim()
    {
        // 100 → 112 is +12 %, 2 points of per cent above "10 per cent"; 100 → 190 is a factor of 1.9, 0.10 short of doubling.
        ClaimVerdict[] verdicts = [ClaimCheck.Check("rose by 10 per cent", new CountChange(100, 112)), ClaimCheck.Check("doubled", new CountChange(100, 190))];

        BodyRows(verdicts.ToHtml()).Select(r => r[3]).Should().Equal("+2.0 %", "-0.10 (factor)");
    }

    [Fact]
    public void Chart_whiskers_can_come_from_confidence_intervals()
    {
        // Wilson 95 % (Python): West Mercia 2016 0.500602–0.519430; the 36 forces 2016 0.373862–0.376729.
        var ratios = new[] { WestMercia(2016), National(2016), new Ratio(0, 0, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfForce(ForceRegistry.Default.Get("Gwent"))) };

        var chart = new RatioByForceChart(ratios) { OrderByValue = false }.WithConfidenceIntervals();

        chart.IntervalAt(0)!.Value.Lower.Should().BeApproximately(0.5006021531, 1e-9);
        chart.IntervalAt(0)!.Value.Upper.Should().BeApproximately(0.5194295256, 1e-9);
        chart.IntervalAt(1)!.Value.Lower.Should().BeApproximately(0.3738622882, 1e-9);
        chart.IntervalAt(2).Should().BeNull();
        chart.ToHtml().Should().Contain("Whiskers: 95 % Wilson score intervals (none where a ratio is undefined or above 100 %), chance variation only.");
        chart.ToPlainText().Should().Contain("51.0 % [50.1 %, 51.9 %]");
        chart.Invoking(c => c.WithConfidenceIntervals(0)).Should().Throw<ArgumentOutOfRangeException>();
        chart.Invoking(c => c.WithConfidenceIntervals(0.95, IntervalMethod.NewcombeHybridScore)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Slope_chart_whiskers_can_come_from_confidence_intervals()
    {
        var chart = new YearOnYearChart([new RatioChange(WestMercia(2015), WestMercia(2016))]).WithConfidenceIntervals();

        chart.ToPlainText().Should().Contain("46.2 % [45.3 %, 47.2 %] → 51.0 % [50.1 %, 51.9 %]").And.Contain("Whiskers: 95 % Wilson score intervals, chance variation only.");
    }

    [Fact]
    public void Hostile_names_and_claims_are_escaped_in_every_statistics_rendering()
    {
        const string hostile = "<script>alert(\"x\")</script>";
        var group = ForceGroup.Of(hostile, ForceRegistry.Default.Wales.Forces);
        var scope = CrimeScope.Named("<img src=x onerror=alert(1)>");
        var year = CalendarYear.Of(2020);
        var ratio = new Ratio(10, 100, "outcome <16>", "recorded & crimes", CountBasis.Unstated, Coverage.OfPublished(group)) { Key = new FigureKey(group, year, scope) };
        var verdict = ClaimCheck.Check(hostile + " a third", ratio);

        string[] renderings =
        [
            ratio.WithConfidenceInterval().ToHtml(), ProportionComparison.Compare(ratio, ratio).ToHtml(),
            FunnelPlot.Create([ratio], ratio).ToHtml(), ProportionRanking.Rank([ratio]).ToHtml(), verdict.ToHtml(), new[] { verdict }.ToHtml(),
        ];

        foreach (var html in renderings)
        {
            html.Should().NotContain("<script").And.NotContain("<img").And.Contain("&lt;script&gt;");
            ParseHtml(html).Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "img"]);
        }
    }
}
