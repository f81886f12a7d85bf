using System.Xml.Linq;
using CrimeOutcomes.Interactive;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public class ChartTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly FinancialYear Year = FinancialYear.StartingIn(2017);

    // Three Welsh forces, figures made up for the test: Gwent 300 / 1,000 = 30 %, North Wales 500 / 1,000 = 50 %,
    // South Wales 100 / 1,000 = 10 %; Wales (3 of 4 forces) = 900 / 3,000 = 30 %.
    private static readonly OutcomeDataset Data = Build(("Gwent", 1_000, 300), ("North Wales", 1_000, 500), ("South Wales", 1_000, 100));

    private static IReadOnlyList<Ratio> ByForce => Calculator.ByForce(Data, RatioDefinition.Withdrawal, ForceRegistry.Default.Wales, Year, CrimeScope.AllCrime);

    private static Ratio Wales => Calculator.Calculate(Data, RatioDefinition.Withdrawal, ForceRegistry.Default.Wales, Year, CrimeScope.AllCrime);

    [Fact]
    public void Bars_are_sorted_by_value_with_widths_proportional_to_the_ratios()
    {
        var svg = SvgOf(new RatioByForceChart(ByForce, Wales).ToHtml());
        var bars = svg.Elements(Svg + "rect").ToArray();

        bars.Select(b => b.Element(Svg + "title")!.Value).Should().Equal(
            "North Wales: 500 / 1,000 = 50.0 %", "Gwent: 300 / 1,000 = 30.0 %", "South Wales: 100 / 1,000 = 10.0 %");
        var widths = bars.Select(b => Attr(b, "width")).ToArray();
        (widths[1] / widths[0]).Should().BeApproximately(0.6, 0.001);
        (widths[2] / widths[0]).Should().BeApproximately(0.2, 0.001);
    }

    [Fact]
    public void The_reference_line_stands_at_the_national_ratio()
    {
        var svg = SvgOf(new RatioByForceChart(ByForce, Wales).ToHtml());
        var bars = svg.Elements(Svg + "rect").ToArray();
        var line = svg.Elements(Svg + "line").Single(l => l.Attribute("stroke-dasharray") is not null);
        var left = Attr(bars[0], "x");

        // Wales is 30 %, as is Gwent: the line ends where Gwent's bar does.
        Attr(line, "x1").Should().BeApproximately(left + Attr(bars[1], "width"), 0.02);
        svg.Descendants(Svg + "text").Select(t => t.Value).Should().Contain("Wales 30.0 %");
    }

    [Fact]
    public void Intervals_are_drawn_as_whiskers_and_listed()
    {
        var chart = new RatioByForceChart(ByForce, Wales)
            .WithIntervals(r => Describe.AreaLabel(r) == "Gwent" ? (0.25, 0.35) : null);

        var html = chart.ToHtml();
        var svg = SvgOf(html);
        var bars = svg.Elements(Svg + "rect").ToArray();
        var gwent = bars.Single(b => b.Element(Svg + "title")!.Value.StartsWith("Gwent", StringComparison.Ordinal));
        var middle = Attr(gwent, "y") + (Attr(gwent, "height") / 2);
        var whisker = svg.Elements(Svg + "line").Single(l => l.Attribute("y1")!.Value == HtmlBuilder.Number(middle) && l.Attribute("y2")!.Value == HtmlBuilder.Number(middle));
        var left = Attr(gwent, "x");
        var perUnit = Attr(gwent, "width") / 0.30;

        Attr(whisker, "x1").Should().BeApproximately(left + (0.25 * perUnit), 0.02);
        Attr(whisker, "x2").Should().BeApproximately(left + (0.35 * perUnit), 0.02);
        chart.IntervalAt(ByForce.ToList().FindIndex(r => Describe.AreaLabel(r) == "Gwent")).Should().Be((0.25, 0.35));
        html.Should().Contain("[25.0 %, 35.0 %]");
        chart.ToPlainText().Should().Contain("30.0 % [25.0 %, 35.0 %]");
    }

    [Theory]
    [InlineData(0.4, 0.3)]
    [InlineData(double.NaN, 0.3)]
    [InlineData(0.1, double.PositiveInfinity)]
    public void An_interval_that_is_not_one_is_refused_naming_the_ratio(double lower, double upper)
    {
        var chart = new RatioByForceChart(ByForce);

        chart.Invoking(c => c.WithIntervals(_ => (lower, upper)))
            .Should().Throw<ArgumentException>().WithMessage("*withdrawal (outcome 16), Gwent, 2017/18*");
    }

    [Fact]
    public void The_plain_text_chart_draws_bars_and_the_reference_line()
    {
        var text = new RatioByForceChart(ByForce, Wales).ToPlainText().Split('\n');

        // A 50 % scale of 40 characters: North Wales fills it; the 30 % line falls at character 24.
        var northWales = text.Single(l => l.StartsWith("North Wales", StringComparison.Ordinal));
        northWales.Should().Contain(new string('#', 24) + "|" + new string('#', 15)).And.EndWith("50.0 %");
        text.Single(l => l.StartsWith("South Wales", StringComparison.Ordinal)).Should().Contain("########").And.Contain("|");
    }

    [Fact]
    public void An_undefined_ratio_gets_a_label_but_no_bar()
    {
        var undefined = new Ratio(0, 0, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(ForceRegistry.Default.Get("Dyfed-Powys")));

        var svg = SvgOf(new RatioByForceChart([.. ByForce, undefined]).ToHtml());

        svg.Elements(Svg + "rect").Should().HaveCount(3);
        svg.Elements(Svg + "text").Select(t => t.Value).Should().Contain(["Dyfed-Powys", "undefined (zero denominator)"]);
    }

    [Fact]
    public void The_slope_chart_joins_each_areas_two_ratios()
    {
        // Seed story: West Mercia 46.2 % → 51.0 %, the 36 forces 29.8 % → 37.5 %.
        RatioChange[] changes =
        [
            Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope)),
            Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, new FigureKey(SeedStory.RespondingForces, CalendarYear.Of(2016), SeedStory.Scope)),
        ];

        var html = new YearOnYearChart(changes).ToHtml();
        var svg = SvgOf(html);
        var groups = svg.Elements(Svg + "g").ToArray();

        groups.Should().HaveCount(2);
        var westMercia = groups[0].Element(Svg + "line")!;
        var national = groups[1].Element(Svg + "line")!;
        // Higher ratios are higher up (smaller y); both rose, so each line ends above where it starts.
        Attr(westMercia, "y2").Should().BeLessThan(Attr(westMercia, "y1"));
        Attr(national, "y2").Should().BeLessThan(Attr(national, "y1"));
        Attr(westMercia, "y2").Should().BeLessThan(Attr(national, "y2"));
        // y is linear in the ratio: (y1 − y2) per point of ratio is the same for both lines.
        var perPointWm = (Attr(westMercia, "y1") - Attr(westMercia, "y2")) / ((5_523.0 / 10_829) - (4_519.0 / 9_773));
        var perPointNat = (Attr(national, "y1") - Attr(national, "y2")) / ((164_510.0 / 438_349) - (117_196.0 / 393_551));
        perPointWm.Should().BeApproximately(perPointNat, 0.5);
        svg.Elements(Svg + "text").Select(t => t.Value).Should().Contain(["2015", "2016", "51.0 % West Mercia (+4.8 pp)"]);
        new YearOnYearChart(changes).ToPlainText().Should().Contain("46.2 % → 51.0 %  (+4.8 pp)");
    }

    [Fact]
    public void Slope_chart_intervals_become_whiskers_at_both_ends()
    {
        var change = Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope));

        var chart = new YearOnYearChart([change]).WithIntervals(r => (r.ToDouble() - 0.02, r.ToDouble() + 0.02));
        var group = SvgOf(chart.ToHtml()).Elements(Svg + "g").Single();

        // A line, and per end a whisker with two caps.
        group.Elements(Svg + "line").Should().HaveCount(1 + 6);
        chart.ToPlainText().Should().Contain("46.2 % [44.2 %, 48.2 %] → 51.0 % [49.0 %, 53.0 %]");
    }

    [Fact]
    public void Labels_that_would_overlap_are_spread_apart()
    {
        var placed = YearOnYearChart.Spread([100, 101, 102, 200]);

        placed.Should().Equal(100, 115, 130, 200);
    }

    [Fact]
    public void With_one_area_and_several_ratios_the_lines_are_labelled_by_ratio()
    {
        var key = new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        RatioChange[] changes =
        [
            Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, key),
            Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.EvidentialDifficulties, key),
        ];

        var texts = SvgOf(new YearOnYearChart(changes).ToHtml()).Descendants(Svg + "tspan").Select(t => t.Value);

        texts.Should().Equal("withdrawal (outcome 16)", "evidential difficulties (outcome 15)");
    }

    [Fact]
    public void A_long_area_name_is_shortened_on_the_chart_but_kept_whole_in_the_tooltip_and_table()
    {
        // "England and Wales excluding West Mercia" (39 characters) is longer than the 35 that fit the label column.
        var rest = ForceRegistry.Default.EnglandAndWales.Excluding(ForceRegistry.Default.Get("West Mercia"));
        var ratio = new Ratio(1, 4, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfPublished(rest)) { Key = new FigureKey(rest, Year, CrimeScope.AllCrime) };

        var html = new RatioByForceChart([ratio]).ToHtml();
        var svg = SvgOf(html);

        svg.Elements(Svg + "text").Select(t => t.Value).Should().Contain("England and Wales excluding West M…");
        svg.Elements(Svg + "rect").Single().Element(Svg + "title")!.Value.Should().StartWith("England and Wales excluding West Mercia: ");
        ParseHtml(html).Descendants("tbody").Single().Element("tr")!.Element("th")!.Value.Should().Be("England and Wales excluding West Mercia");
    }

    [Fact]
    public void The_slope_chart_widens_to_fit_long_labels()
    {
        var rest = ForceRegistry.Default.EnglandAndWales.Excluding(ForceRegistry.Default.Get("West Mercia"));
        var key = new FigureKey(rest, Year, CrimeScope.AllCrime);
        var earlier = new Ratio(1, 4, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfPublished(rest)) { Key = key with { Period = FinancialYear.StartingIn(2016) } };
        var later = earlier with { Key = key };

        var svg = SvgOf(new YearOnYearChart([new RatioChange(earlier, later)]).ToHtml());

        // The right-hand label "25.0 % England and Wales excluding West Mercia (0.0 pp)" is 55 characters from x = 394.
        Attr(svg, "width").Should().BeGreaterThan(394 + (55 * 6.8));
    }

    private static OutcomeDataset Build(params (string Force, long Recorded, long Outcome16)[] rows)
    {
        var builder = new OutcomeDatasetBuilder();
        foreach (var (force, recorded, outcome16) in rows)
        {
            var key = new FigureKey(ForceRegistry.Default.Get(force), Year, CrimeScope.AllCrime);
            builder.AddRecordedCrimes(key, recorded).AddOutcomeCount(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, outcome16);
        }

        return builder.Build();
    }
}
