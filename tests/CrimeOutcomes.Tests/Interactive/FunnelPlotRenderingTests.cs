using System.Globalization;
using System.Xml.Linq;
using CrimeOutcomes.Interactive;
using CrimeOutcomes.Statistics;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public class FunnelPlotRenderingTests
{
    // Around a target of 3 / 10 = 30 %. Reference limits (Python mpmath, as in FunnelPlotTests): at n = 100, 95 % 20.69–38.69 %,
    // 99.8 % 16.03–44.16 %; at n = 1,000, 95 % 27.13–32.81 %, 99.8 % 25.53–34.48 %. So, made-up units:
    // Gwent 30 / 100 (within), North Wales 40 / 100 (above 95), South Wales 350 / 1,000 (above 99.8),
    // Dyfed-Powys 260 / 1,000 (below 95), Cheshire 15 / 100 (below 99.8), Cumbria 130 / 400 (within); Dorset 0 / 0 left out.
    private static readonly FunnelPlot Plot = FunnelPlot.Create(
        [Unit("Gwent", 30, 100), Unit("North Wales", 40, 100), Unit("South Wales", 350, 1_000), Unit("Dyfed-Powys", 260, 1_000), Unit("Cheshire", 15, 100), Unit("Cumbria", 130, 400), Unit("Dorset", 0, 0)],
        new Ratio(3, 10, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfPublished(ForceRegistry.Default.EnglandAndWales)));

    [Fact]
    public void Each_point_is_marked_by_its_position_against_the_limits()
    {
        var svg = SvgOf(Plot.ToHtml());

        var gwent = Mark(svg, "Gwent");
        gwent.Name.Should().Be(Svg + "circle");
        gwent.Attribute("fill")!.Value.Should().Be(HtmlParts.Accent);
        PointsUp(Mark(svg, "North Wales")).Should().BeTrue();
        Mark(svg, "North Wales").Attribute("fill")!.Value.Should().Be(HtmlParts.Warning);
        PointsUp(Mark(svg, "South Wales")).Should().BeTrue();
        Mark(svg, "South Wales").Attribute("fill")!.Value.Should().Be(HtmlParts.Bad);
        PointsUp(Mark(svg, "Dyfed-Powys")).Should().BeFalse();
        Mark(svg, "Dyfed-Powys").Attribute("fill")!.Value.Should().Be(HtmlParts.Warning);
        PointsUp(Mark(svg, "Cheshire")).Should().BeFalse();
        Mark(svg, "Cheshire").Attribute("fill")!.Value.Should().Be(HtmlParts.Bad);
        Mark(svg, "Cumbria").Name.Should().Be(Svg + "circle");
        svg.Descendants(Svg + "title").Should().NotContain(t => t.Value.StartsWith("Dorset", StringComparison.Ordinal));
    }

    [Fact]
    public void The_x_axis_is_logarithmic_in_the_denominator_and_the_y_axis_linear_in_the_proportion()
    {
        var svg = SvgOf(Plot.ToHtml());
        var (x100, y30) = Centre(Mark(svg, "Gwent"));
        var (x400, _) = Centre(Mark(svg, "Cumbria"));
        var (x1000, _) = Centre(Mark(svg, "South Wales"));
        var (_, y40) = Centre(Mark(svg, "North Wales"));
        var (_, y15) = Centre(Mark(svg, "Cheshire"));

        // log(400 / 100) / log(1,000 / 100) = 0.60206.
        ((x400 - x100) / (x1000 - x100)).Should().BeApproximately(0.60206, 0.001);
        // Higher proportions higher up; (40 % − 30 %) / (15 % − 30 %) = −2/3.
        ((y40 - y30) / (y15 - y30)).Should().BeApproximately(-2.0 / 3, 0.001);
        // The target line stands at 30 %, Gwent's proportion.
        var target = svg.Elements(Svg + "line").Single(l => l.Attribute("stroke")?.Value == HtmlParts.Reference && Attr(l, "x2") > Attr(l, "x1") + 100);
        Attr(target, "y1").Should().BeApproximately(y30, 0.01);
        svg.Elements(Svg + "text").Select(t => t.Value).Should().Contain(["100", "200", "500", "1,000", "30 %"]);
    }

    [Fact]
    public void The_limit_curves_narrow_with_the_denominator_and_agree_with_the_classification()
    {
        var svg = SvgOf(Plot.ToHtml());
        var curves = svg.Elements(Svg + "polyline").Select(p => (Dashed: p.Attribute("stroke-dasharray") is not null, Points: Vertices(p))).ToArray();
        var (x100, _) = Centre(Mark(svg, "Gwent"));
        var (_, y40) = Centre(Mark(svg, "North Wales"));

        curves.Should().HaveCount(4);
        curves.Count(c => c.Dashed).Should().Be(2, "the 95 % limits are dashed, the 99.8 % solid");
        var upper95 = curves.Where(c => c.Dashed).MinBy(c => c.Points[0].Y).Points;
        var upper998 = curves.Where(c => !c.Dashed).MinBy(c => c.Points[0].Y).Points;
        var lower998 = curves.Where(c => !c.Dashed).MaxBy(c => c.Points[0].Y).Points;
        // The funnel narrows: the upper limits come down (y grows) and the lower limits go up as the denominator grows.
        upper95.Select(p => p.Y).Should().BeInAscendingOrder();
        lower998.Select(p => p.Y).Should().BeInDescendingOrder();
        // North Wales (40 % of 100) lies between the 95 % and the 99.8 % upper limits at its denominator, as classified.
        At(upper998, x100).Should().BeLessThan(y40);
        At(upper95, x100).Should().BeGreaterThan(y40);
    }

    [Fact]
    public void The_legend_counts_each_position_and_names_both_limits()
    {
        var texts = SvgOf(Plot.ToHtml()).Elements(Svg + "text").Select(t => t.Value).ToArray();

        texts.Should().Contain(["within 95 % (2)", "above 95 % (1)", "above 99.8 % (1)", "below 95 % (1)", "below 99.8 % (1)", "target 30.0 %", "95 % limits", "99.8 % limits"]);
        // Every point outside the limits is named beside its mark.
        texts.Should().Contain(["North Wales", "South Wales", "Dyfed-Powys", "Cheshire"]).And.NotContain("Gwent");
    }

    [Fact]
    public void The_table_lists_every_point_with_its_limits_z_and_position()
    {
        var html = Plot.ToHtml();
        var rows = BodyRows(html);

        rows.Select(r => r[0]).Should().Equal("North Wales", "South Wales", "Cumbria", "Gwent", "Dyfed-Powys", "Cheshire");
        rows[3].Should().Equal("Gwent", "30.0 %", "30", "100", "20.7 % to 38.7 %", "16.0 % to 44.2 %", "0.00", "within the 95 % limits");
        rows[1][5].Should().Be("25.5 % to 34.5 %");
        rows.Select(r => r[7]).Should().Equal("above the 95 % limit", "above the 99.8 % limit", "within the 95 % limits", "within the 95 % limits", "below the 95 % limit", "below the 99.8 % limit");
        // z = (0.40 − 0.30) / √(0.21 / 100) = 2.18.
        rows[0][6].Should().Be("+2.18");
        ParseHtml(html).Value.Should().Contain("Left out, undefined ratio (1)").And.Contain("Dorset");
    }

    [Fact]
    public void The_dispersion_is_reported_with_a_warning_when_the_units_spread_more_than_chance()
    {
        // Σ z² = 0 + 4.762 + 11.905 + 7.619 + 10.714 + 1.190 = 36.19 over 6 units: φ = 6.03; χ²(5) tail at 36.19 ≈ 8.7e-7.
        var text = Plot.ToPlainText();

        text.Should().Contain("Dispersion: φ = 6.03 (p < 0.0001): the units spread more widely than chance alone predicts");
        text.Should().Contain("Units: 6 plotted: 2 within the 95 % limits; above: 1 beyond 95 % and 1 beyond 99.8 %; below: 1 beyond 95 % and 1 beyond 99.8 %.");
        text.Should().Contain("Gwent        30.0 %");
        NotebookFormatting.ToPlainText(Plot).Should().Be(text);
    }

    [Fact]
    public void A_plot_without_points_says_so_and_draws_nothing()
    {
        var empty = FunnelPlot.Create([Unit("Dorset", 0, 0)], new Ratio(3, 10, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfPublished(ForceRegistry.Default.EnglandAndWales)));

        var html = empty.ToHtml();

        ParseHtml(html).Descendants(Svg + "svg").Should().BeEmpty();
        ParseHtml(html).Value.Should().Contain("No unit has a defined ratio");
    }

    [Theory]
    [InlineData(80, 1_250, new double[] { 100, 200, 500, 1_000 })]
    [InlineData(4_000, 57_500, new double[] { 5_000, 10_000, 20_000, 50_000 })]
    [InlineData(250, 900, new double[] { 300, 400, 500, 600, 700, 800, 900 })]
    [InlineData(9_000, 12_500, new double[] { 9_000, 10_000, 11_000, 12_000 })]
    // Eight decades on 400 px: 1, 2, 5 and then every decade would crowd "10,000,000" into "100,000,000"; every second decade fits.
    [InlineData(8, 125_000_000, new double[] { 100, 10_000, 1_000_000, 100_000_000 })]
    public void Log_axis_ticks_are_round_numbers_inside_the_range(double low, double high, double[] expected)
    {
        new LogScale(low, high, 400).Ticks().Should().Equal(expected);
    }

    private static Ratio Unit(string force, long x, long n)
    {
        var area = ForceRegistry.Default.Get(force);
        return new Ratio(x, n, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(area))
        {
            Key = new FigureKey(area, FinancialYear.StartingIn(2017), CrimeScope.AllCrime),
        };
    }

    private static XElement Mark(XElement svg, string area)
        => svg.Elements().Single(e => e.Name.LocalName is "circle" or "polygon" && e.Element(Svg + "title")?.Value.StartsWith(area + ":", StringComparison.Ordinal) == true);

    private static (double X, double Y) Centre(XElement mark)
    {
        if (mark.Name == Svg + "circle")
        {
            return (Attr(mark, "cx"), Attr(mark, "cy"));
        }

        // A triangle's apex is 1 size from the point, its base 0.7 size on the other side.
        var corners = Vertices(mark);
        return (corners[0].X, corners[0].Y + ((corners[1].Y - corners[0].Y) / 1.7));
    }

    private static bool PointsUp(XElement triangle)
    {
        var corners = Vertices(triangle);
        return corners[0].Y < corners[1].Y;
    }

    private static (double X, double Y)[] Vertices(XElement shape)
        => shape.Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToArray();

    /// <summary>The y of a polyline at <paramref name="x"/>, interpolated between its vertices.</summary>
    private static double At((double X, double Y)[] line, double x)
    {
        var i = Array.FindIndex(line, p => p.X >= x);
        if (i <= 0)
        {
            return line[Math.Max(i, 0)].Y;
        }

        var (x0, y0) = line[i - 1];
        var (x1, y1) = line[i];
        return y0 + ((y1 - y0) * (x - x0) / (x1 - x0));
    }
}
