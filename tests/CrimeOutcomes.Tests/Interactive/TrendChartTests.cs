using System.Globalization;
using System.Xml.Linq;
using CrimeOutcomes.Interactive;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public class TrendChartTests
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly PoliceForce WestMercia = Registry.Get("West Mercia");
    private static readonly PoliceForce Kent = Registry.Get("Kent");
    private static readonly PoliceForce Manchester = Registry.Get("Greater Manchester");
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly RatioDefinition OutcomeTwentyTwo = RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.DiversionaryActivity);
    private static readonly ReportingPeriod[] Years = [.. new[] { "2018/19", "2019/20", "2020/21", "2021/22" }.Select(y => (ReportingPeriod)FinancialYear.Parse(y))];

    /// <summary>
    /// West Mercia: recorded crimes 1,000, 1,100, 1,200, 1,300; outcome 16 200, 242, 300, 390 (20 %, 22 %, 25 %, 30 %;
    /// Wilson 95 %: 17.64–22.59 %, 19.65–24.54 %, 22.63–27.53 %, 27.57–32.55 %); outcome 22 from 2019/20 only: 10, 20, 30.
    /// Kent: 2,000 and 400 (20 %) every year. Greater Manchester: 10,000 and 1,000 (10 %), no figures for 2020/21.
    /// </summary>
    private static OutcomeDataset Dataset()
    {
        var builder = new OutcomeDatasetBuilder();
        long[] recorded = [1_000, 1_100, 1_200, 1_300];
        long[] withdrawals = [200, 242, 300, 390];
        var withdrawal = OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport;
        for (var i = 0; i < Years.Length; i++)
        {
            builder.AddRecordedCrimes(WestMercia, Years[i], CrimeScope.AllCrime, recorded[i])
                .AddOutcomeCount(WestMercia, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, withdrawal, withdrawals[i])
                .AddRecordedCrimes(Kent, Years[i], CrimeScope.AllCrime, 2_000)
                .AddOutcomeCount(Kent, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, withdrawal, 400);
            if (i != 2)
            {
                builder.AddRecordedCrimes(Manchester, Years[i], CrimeScope.AllCrime, 10_000)
                    .AddOutcomeCount(Manchester, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, withdrawal, 1_000);
            }

            if (i > 0)
            {
                builder.AddOutcomeCount(WestMercia, Years[i], CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.DiversionaryActivity, i * 10);
            }
        }

        return builder.Build();
    }

    private static RatioSeries Series(Area area, RatioDefinition? definition = null, RatioSeriesOptions? options = null)
        => Calculator.Series(Dataset(), definition ?? RatioDefinition.Withdrawal, area, Years, CrimeScope.AllCrime, CountBasis.Recorded, options);

    /// <summary>Series options whose only known issue is one made up for a test, of one year (and of the forces given, or every force).</summary>
    private static RatioSeriesOptions Issue(string title, string description, string year, params PoliceForce[] forces)
    {
        var issue = new KnownDataIssue
        {
            Id = "test-issue",
            Kind = KnownIssueKind.UnmarkedFigures,
            Title = title,
            Description = description,
            Source = "this test",
            Forces = forces,
            FirstYear = FinancialYear.Parse(year),
            LastYear = FinancialYear.Parse(year),
        };
        return new RatioSeriesOptions { Issues = new KnownDataIssues([issue]) };
    }

    private static XElement[] Groups(XElement svg, string role)
        => [.. svg.Descendants(Svg + "g").Where(g => (g.Attribute("class")?.Value ?? string.Empty).Split(' ').Contains(role))];

    private static string Name(XElement group) => group.Element(Svg + "title")!.Value;

    private static double ZeroLine(XElement svg)
        => Attr(svg.Descendants(Svg + "text").Single(t => t.Attribute("class")?.Value == "co-tick" && t.Value == "0 %"), "y") - 4;

    /// <summary>The points of a path "M80 166 L184 153 …".</summary>
    private static (double X, double Y)[] PathPoints(XElement path)
        => [.. path.Attribute("d")!.Value.TrimEnd('Z', ' ').Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim().Split(' '))
            .Where(p => p.Length == 2)
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    [Fact]
    public void Points_stand_at_the_periods_evenly_spaced_and_at_heights_proportional_to_the_percentages()
    {
        var svg = SvgOf(new TrendChart([Series(WestMercia)]).ToHtml());

        var line = Groups(svg, "co-series").Single();
        Name(line).Should().Be("West Mercia");
        var path = PathPoints(line.Elements(Svg + "path").Single(p => p.Attribute("class")!.Value == "co-line"));
        path.Should().HaveCount(4);
        var zero = ZeroLine(svg);
        double[] percents = [20, 22, 25, 30];

        // Heights above the 0 % line in proportion to 20 %, 22 %, 25 %, 30 %: the same pixels per point.
        var perPoint = (zero - path[0].Y) / 20;
        perPoint.Should().BeGreaterThan(0);
        for (var i = 0; i < 4; i++)
        {
            (zero - path[i].Y).Should().BeApproximately(percents[i] * perPoint, 0.02);
        }

        // Evenly spaced, oldest on the left, under their period labels.
        var step = path[1].X - path[0].X;
        step.Should().BeGreaterThan(0);
        path.Select(p => p.X - path[0].X).Should().Equal([0, step, 2 * step, 3 * step], (a, b) => Math.Abs(a - b) < 0.02);
        svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "co-period")
            .Select(t => (t.Value, Attr(t, "x"))).Should().Equal(Years.Select((y, i) => (y.ToString(), path[i].X)));

        // The circles carry the figures and the interval: 390 / 1,300, Wilson 27.57 % to 32.55 %.
        var circles = line.Elements(Svg + "circle").ToArray();
        circles.Select(c => Attr(c, "cy")).Should().Equal(path.Select(p => p.Y));
        circles[3].Element(Svg + "title")!.Value.Should().Be("West Mercia, 2021/22: 390 / 1,300 = 30.0 %, 95 % CI 27.6 % to 32.5 % (Wilson)");

        // The band runs along the intervals: its top at 2018/19 is the upper bound 22.59 %.
        var band = PathPoints(line.Elements(Svg + "path").Single(p => p.Attribute("class")!.Value == "co-band"));
        band.Should().HaveCount(8);
        (zero - band[0].Y).Should().BeApproximately(22.5919 * perPoint, 0.02);
        (zero - band[^1].Y).Should().BeApproximately(17.6377 * perPoint, 0.02);
    }

    [Fact]
    public void A_period_without_figures_breaks_the_line_and_the_table_says_why_never_zero()
    {
        var html = new TrendChart([Series(Manchester)]).ToHtml();
        var svg = SvgOf(html);

        var line = Groups(svg, "co-series").Single();
        var segments = line.Elements(Svg + "path").Where(p => p.Attribute("class")!.Value == "co-line").Select(PathPoints).ToArray();
        var periodX = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "co-period").Select(t => Attr(t, "x")).ToArray();

        // 2018/19 → 2019/20 is a line; 2020/21 has no point; 2021/22 stands alone (a point, no line to it).
        segments.Should().ContainSingle().Which.Select(p => p.X).Should().Equal(periodX[0], periodX[1]);
        line.Elements(Svg + "circle").Select(c => Attr(c, "cx")).Should().Equal(periodX[0], periodX[1], periodX[3]);
        var zero = ZeroLine(svg);
        line.Elements(Svg + "circle").Should().OnlyContain(c => Attr(c, "cy") < zero - 1, "no point is drawn at zero");

        var row = BodyRows(html).Single();
        row[0].Should().Be("Greater Manchester");
        row[3].Should().StartWith("no figures").And.Contain("no figures for 2020/21");
        row[1].Should().StartWith("10.0 %1,000 / 10,000");
        html.Should().NotMatchRegex(@"(?<![\d.])0\.0 %", "no period is shown as 0.0 %");
        ParseHtml(html).Descendants("div").Single(d => d.Attribute("class")?.Value == "co-note" && d.Value.StartsWith("One line", StringComparison.Ordinal))
            .Value.Should().Contain("Gaps: Greater Manchester 2020/21 (no figures).");
    }

    [Fact]
    public void An_outcome_not_in_the_framework_leaves_a_gap_and_the_framework_changes_are_marked_on_the_time_axis()
    {
        var html = new TrendChart([Series(WestMercia, OutcomeTwentyTwo)]).ToHtml();
        var svg = SvgOf(html);

        var line = Groups(svg, "co-series").Single();
        var periodX = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "co-period").Select(t => Attr(t, "x")).ToArray();
        line.Elements(Svg + "circle").Select(c => Attr(c, "cx")).Should().Equal(periodX[1], periodX[2], periodX[3]);

        // Outcome 22 voluntary from 1 April 2019, compulsory from 1 April 2021: each at the start of its year,
        // halfway between that year's point and the year before's.
        var changes = Groups(svg, "co-framework-change");
        changes.Select(Name).Should().Equal(
            "F1: outcome 22 (voluntary) (2019-04-01: Outcome 22 introduced; recording voluntary)",
            "F2: outcome 22 compulsory (2021-04-01: Recording outcome 22 compulsory for every force)");
        var step = periodX[1] - periodX[0];
        Attr(changes[0].Element(Svg + "line")!, "x1").Should().BeApproximately(periodX[1] - (step / 2), 0.02);
        Attr(changes[1].Element(Svg + "line")!, "x1").Should().BeApproximately(periodX[3] - (step / 2), 0.02);
        changes.Select(g => g.Element(Svg + "text")!.Value).Should().Equal("F1", "F2");

        var footnotes = ParseHtml(html).Descendants("div").Single(d => d.Attribute("class")?.Value == "co-footnotes").Elements().Select(e => e.Value);
        footnotes.Should().Equal(
            "F1: 2019-04-01, outcome 22 (voluntary): Outcome 22 introduced; recording voluntary.",
            "F2: 2021-04-01, outcome 22 compulsory: Recording outcome 22 compulsory for every force.");
        ParseHtml(html).Descendants("thead").Single().Descendants("th").Select(t => t.Value).Should().Equal("Area", "2018/19", "2019/20 F1", "2020/21", "2021/22 F2");
        var row = BodyRows(html).Single();
        row[1].Should().StartWith("not in the framework").And.Contain("outcome 22 was not in the framework in 2018/19");
        row[2].Should().Be("0.9 %10 / 1,1000.5 % to 1.7 %recording voluntary");
        new TrendChart([Series(WestMercia, OutcomeTwentyTwo)]).ToPlainText().Should().Contain("West Mercia  not in the framework    0.9 %    1.7 %    2.3 %");
    }

    [Fact]
    public void Known_issues_are_marked_under_the_periods_they_touch_with_a_footnote_and_in_the_table()
    {
        var options = Issue("figures made up for the test", "Nothing to see.", "2019/20", WestMercia);

        var chart = new TrendChart([Series(WestMercia, options: options), Series(Kent, options: options)]);
        var html = chart.ToHtml();
        var svg = SvgOf(html);

        var mark = svg.Descendants(Svg + "text").Single(t => t.Attribute("class")?.Value == "co-warning");
        mark.Nodes().OfType<XText>().Single().Value.Should().Be("W1");
        mark.Element(Svg + "title")!.Value.Should().Be("W1: West Mercia, 2019/20: figures made up for the test. Nothing to see.");
        var periodX = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "co-period").Select(t => Attr(t, "x")).ToArray();
        Attr(mark, "x").Should().Be(periodX[1]);

        // After the framework changes of these years (outcome 22 voluntary, then compulsory), the warning.
        ParseHtml(html).Descendants("div").Single(d => d.Attribute("class")?.Value == "co-footnotes").Elements().Select(e => e.Value)
            .Should().HaveCount(3).And.EndWith("W1: West Mercia, 2019/20: figures made up for the test. Nothing to see.");
        var rows = BodyRows(html);
        rows.Single(r => r[0] == "West Mercia")[2].Should().EndWith("W1");
        rows.Single(r => r[0] == "Kent").Should().NotContain(c => c.Contains("W1", StringComparison.Ordinal));
        chart.ToPlainText().Should().Contain("22.0 % W1");
    }

    [Fact]
    public void The_national_line_is_thick_the_highlighted_force_coloured_and_the_rest_grey()
    {
        var national = Series(Registry.EnglandAndWales);
        var chart = new TrendChart([Series(Kent), national, Series(WestMercia), Series(Manchester)], [WestMercia]);
        var html = chart.ToHtml();
        var svg = SvgOf(html);

        var emphasised = Groups(svg, "co-emphasised").Single();
        Name(emphasised).Should().Be("England and Wales");
        emphasised.Attribute("stroke")!.Value.Should().Be("currentColor");
        Attr(emphasised.Elements(Svg + "path").Single(p => p.Attribute("class")!.Value == "co-line"), "stroke-width").Should().Be(3);

        var highlighted = Groups(svg, "co-highlighted").Single();
        Name(highlighted).Should().Be("West Mercia");
        highlighted.Attribute("stroke")!.Value.Should().Be("#4e8fd8");
        highlighted.Elements(Svg + "path").Select(p => p.Attribute("class")!.Value).Should().Contain("co-band");

        var muted = Groups(svg, "co-muted");
        muted.Select(Name).Should().Equal("Kent", "Greater Manchester");
        muted.Should().OnlyContain(g => g.Attribute("stroke")!.Value == "currentColor" && Attr(g, "opacity") == 0.3);
        muted.SelectMany(g => g.Elements(Svg + "path")).Should().OnlyContain(p => p.Attribute("class")!.Value == "co-line", "grey lines carry no bands");

        // Grey lines first, so the national and highlighted lines are drawn over them; only those two are labelled.
        Groups(svg, "co-series").Select(Name).Should().Equal("Kent", "Greater Manchester", "England and Wales", "West Mercia");
        svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "co-end-label").Select(t => t.Value)
            .Should().BeEquivalentTo("England and Wales 13.5 %", "West Mercia 30.0 %");

        // England and Wales 2020/21 lacks Greater Manchester: 700 / 3,200, 2 of 43 forces.
        national.Points[2].Ratio!.Format().Should().Be("700 / 3,200 = 21.9 %");
        BodyRows(html).Select(r => r[0]).Should().Equal("England and Wales", "West Mercia", "Kent", "Greater Manchester");
        ParseHtml(html).Descendants("div").First(d => d.Attribute("class")?.Value == "co-note").Value
            .Should().Contain("Thick line: England and Wales. In colour: West Mercia. Grey: the other 2 areas.");
    }

    [Fact]
    public void Without_highlighted_areas_a_few_forces_each_get_a_colour_and_an_unknown_highlight_is_refused()
    {
        var svg = SvgOf(new TrendChart([Series(Kent), Series(WestMercia)]).ToHtml());

        Groups(svg, "co-highlighted").Select(g => g.Attribute("stroke")!.Value).Should().Equal(HtmlParts.Palette[0], HtmlParts.Palette[1]);
        Groups(svg, "co-muted").Should().BeEmpty();

        var act = () => new TrendChart([Series(Kent)], [WestMercia]);
        act.Should().Throw<ArgumentException>().WithMessage("No series is of the highlighted area West Mercia; the series are of Kent.*");
    }

    [Fact]
    public void Two_national_lines_are_told_apart_by_their_ratio_and_a_dash()
    {
        var html = new TrendChart([Series(Registry.EnglandAndWales), Series(Registry.EnglandAndWales, OutcomeTwentyTwo)]).ToHtml();
        var svg = SvgOf(html);

        var lines = Groups(svg, "co-emphasised");
        lines.Select(Name).Should().Equal("England and Wales, withdrawal (outcome 16)", "England and Wales, outcome 22");
        lines.Select(g => g.Elements(Svg + "path").First(p => p.Attribute("class")!.Value == "co-line").Attribute("stroke-dasharray")?.Value).Should().Equal(null, "7 4");
        BodyRows(html).Select(r => r[0]).Should().Equal("England and Wales, withdrawal (outcome 16)", "England and Wales, outcome 22");
        svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "co-end-label").Select(t => t.Value)
            .Should().BeEquivalentTo("England and Wales, withdrawal (outcome 16) 13.5 %", "England and Wales, outcome 22 2.3 %");

        // Only West Mercia has outcome 22 figures, so the national outcome 22 of 2021/22 is 30 / 1,300 over 1 of 43 forces.
        BodyRows(html)[1][4].Should().Contain("30 / 1,300").And.Contain("1 of 43 forces");
    }

    [Fact]
    public void Whiskers_replace_the_bands_when_asked()
    {
        var svg = SvgOf(new TrendChart([Series(WestMercia)]) { Intervals = TrendIntervals.Whiskers }.ToHtml());

        var line = Groups(svg, "co-series").Single();
        line.Elements(Svg + "path").Should().NotContain(p => p.Attribute("class")!.Value == "co-band");
        var whiskers = line.Elements(Svg + "line").Where(l => l.Attribute("class")?.Value == "co-whisker").ToArray();
        whiskers.Should().HaveCount(4);
        var zero = ZeroLine(svg);
        var perPoint = (zero - Attr(line.Elements(Svg + "circle").First(), "cy")) / 20;

        // 2021/22: Wilson 27.57 % to 32.55 %.
        (zero - Attr(whiskers[3], "y1")).Should().BeApproximately(32.5470 * perPoint, 0.02);
        (zero - Attr(whiskers[3], "y2")).Should().BeApproximately(27.5708 * perPoint, 0.02);
    }

    [Fact]
    public void Colours_read_on_light_and_dark_themes_text_and_grey_take_the_theme_colour()
    {
        var national = Series(Registry.EnglandAndWales);
        var svg = SvgOf(new TrendChart([national, Series(WestMercia), Series(Kent), Series(Manchester)], [WestMercia]).ToHtml());

        // No black, white or dark grey is written: text, axes and grey lines use currentColor (the notebook's text
        // colour, dark on light themes and light on dark ones), accents are the mid-tones shared by every chart.
        var allowed = new HashSet<string>(HtmlParts.Palette, StringComparer.Ordinal) { "currentColor", "none", HtmlParts.Warning };
        var colours = svg.DescendantsAndSelf().Attributes().Where(a => a.Name.LocalName is "fill" or "stroke").Select(a => a.Value).Distinct();
        colours.Should().OnlyContain(c => allowed.Contains(c));
        svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value is "co-tick" or "co-period")
            .Should().OnlyContain(t => t.Attribute("fill")!.Value == "currentColor");
    }

    [Fact]
    public void Names_and_messages_are_escaped_and_the_output_is_deterministic()
    {
        var options = Issue("<script>alert('x')</script> & \"quotes\"", "<b>bold?</b>", "2018/19");
        TrendChart Chart() => new([Series(WestMercia, options: options)]) { Title = "Trend <of> \"West Mercia\" & co" };

        var html = Chart().ToHtml();
        var root = ParseHtml(html);

        root.Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "b"]);
        SvgOf(html).Element(Svg + "title")!.Value.Should().Be("Trend <of> \"West Mercia\" & co");
        root.Descendants("div").Single(d => d.Attribute("class")?.Value == "co-footnotes").Elements().Select(e => e.Value)
            .Should().EndWith("W1: West Mercia, 2018/19: <script>alert('x')</script> & \"quotes\". <b>bold?</b>");
        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
        Chart().ToHtml().Should().Be(html);
        Chart().ToPlainText().Should().Be(Chart().ToPlainText());
    }

    [Fact]
    public void Series_render_as_trend_charts_in_notebooks_and_through_ToHtml()
    {
        var series = Series(WestMercia);
        IEnumerable<RatioSeries> several = [Series(Kent), series];

        series.ToHtml().Should().Be(new TrendChart([series]).ToHtml());
        several.ToHtml().Should().Be(new TrendChart(several).ToHtml());
        NotebookFormatting.ToHtml(series).Should().Be(series.ToHtml());
        NotebookFormatting.ToHtml(several.ToList()).Should().Be(several.ToHtml());
        NotebookFormatting.ToPlainText(series).Should().Be(series.ToPlainText());
        NotebookFormatting.FormattedTypes.Should().Contain([typeof(RatioSeries), typeof(IEnumerable<RatioSeries>)]);
        NotebookFormatting.ToHtml(new TrendSmallMultiples(several)).Should().StartWith("<div class=\"crime-outcomes trend-small-multiples\">");
        series.ToPlainText().Should().Be(
            "withdrawal (outcome 16), All crime, 2018/19 to 2021/22\n".ReplaceLineEndings()
            + "Area         2018/19  2019/20  2020/21  2021/22\n".ReplaceLineEndings()
            + "-----------  -------  -------  -------  -------\n".ReplaceLineEndings()
            + "West Mercia   20.0 %   22.0 %   25.0 %   30.0 %\n".ReplaceLineEndings()
            + "F1: 2019-04-01, outcome 22 (voluntary): Outcome 22 introduced; recording voluntary.\n".ReplaceLineEndings()
            + "F2: 2021-04-01, outcome 22 compulsory: Recording outcome 22 compulsory for every force.\n".ReplaceLineEndings()
            + "One line per area; a period without a ratio leaves a gap in its line (never a zero), and the table gives the reason. "
            + "In colour: West Mercia. Bands: 95 % CI: Wilson score intervals of each proportion; they measure chance (binomial) variation only. "
            + "Dashed lines: changes of the outcomes framework (F1, F2, on the date they took effect). "
            + "Count basis: recorded basis: outcomes of crimes recorded in the period.\n".ReplaceLineEndings());
    }

    [Fact]
    public void Series_of_different_kinds_of_period_cannot_share_a_chart_and_no_series_make_a_note()
    {
        var calendar = Calculator.Series(SeedStory.Dataset, RatioDefinition.Withdrawal, SeedStory.WestMercia, [CalendarYear.Of(2015), CalendarYear.Of(2016)], SeedStory.Scope);

        var act = () => new TrendChart([Series(WestMercia), calendar]);

        act.Should().Throw<ArgumentException>().WithMessage("The series of a trend chart must have periods of one kind*");

        // An empty list (SeriesByForce of an area without figures, say) renders as a note rather than throwing in a notebook.
        ParseHtml(Array.Empty<RatioSeries>().ToHtml()).Value.Should().EndWith("No seriesNo series to draw.");
        ParseHtml(new TrendSmallMultiples([]).ToHtml()).Descendants("svg").Should().BeEmpty();
    }
}
