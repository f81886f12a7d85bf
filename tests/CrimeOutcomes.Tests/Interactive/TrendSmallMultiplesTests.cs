using System.Xml.Linq;
using CrimeOutcomes.Interactive;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public class TrendSmallMultiplesTests
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly ReportingPeriod[] Years = [.. new[] { "2018/19", "2019/20", "2020/21", "2021/22" }.Select(y => (ReportingPeriod)FinancialYear.Parse(y))];
    private static readonly PoliceForce[] Forces = [.. Registry.EnglandAndWales.Forces.OrderBy(f => f.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Each of the 43 forces, i-th in name order (Avon and Somerset 0, Bedfordshire 1 …): 1,000 recorded crimes a year and
    /// 100 + 2i + 10y withdrawals in year y (Avon and Somerset 10 %, 11 %, 12 %, 13 %); Kent has no figures for 2019/20.
    /// </summary>
    private static OutcomeDataset Dataset()
    {
        var builder = new OutcomeDatasetBuilder();
        for (var i = 0; i < Forces.Length; i++)
        {
            for (var y = 0; y < Years.Length; y++)
            {
                if (Forces[i].Name == "Kent" && y == 1)
                {
                    continue;
                }

                builder.AddRecordedCrimes(Forces[i], Years[y], CrimeScope.AllCrime, 1_000)
                    .AddOutcomeCount(Forces[i], Years[y], CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 100 + (2 * i) + (10 * y));
            }
        }

        return builder.Build();
    }

    private static TrendSmallMultiples Chart()
    {
        var data = Dataset();
        var national = Calculator.Series(data, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Years, CrimeScope.AllCrime);
        var forces = Calculator.SeriesByForce(data, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Years, CrimeScope.AllCrime);
        return new TrendSmallMultiples(forces, national);
    }

    private static XElement[] Panels(XElement svg) => [.. svg.Elements(Svg + "g").Where(g => g.Attribute("class")?.Value == "co-panel")];

    private static XElement Own(XElement panel) => panel.Elements(Svg + "g").Single(g => g.Attribute("class")!.Value.Contains("co-highlighted", StringComparison.Ordinal));

    private static (double X, double Y) Offset(XElement panel)
    {
        var parts = panel.Attribute("transform")!.Value["translate(".Length..^1].Split(' ');
        return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void One_panel_per_force_in_a_grid_of_six_columns_each_with_the_national_line_behind()
    {
        var svg = SvgOf(Chart().ToHtml());
        var panels = Panels(svg);

        panels.Should().HaveCount(43);
        panels.Select(p => p.Elements(Svg + "text").First().Value).Take(3).Should().Equal("Avon and Somerset", "Bedfordshire", "Cambridgeshire");
        var offsets = panels.Select(Offset).ToArray();
        offsets.Select(o => o.X).Distinct().Should().HaveCount(6);
        offsets.Select(o => o.Y).Distinct().Should().HaveCount(8, "43 panels fill 7 rows of 6 and one more");
        offsets[6].X.Should().Be(offsets[0].X);
        offsets[6].Y.Should().BeGreaterThan(offsets[0].Y);

        // Behind each force's own line (drawn last, on top), England and Wales in grey.
        foreach (var panel in panels)
        {
            var lines = panel.Elements(Svg + "g").Where(g => g.Attribute("class")!.Value.StartsWith("co-series", StringComparison.Ordinal)).ToArray();
            lines.Select(g => g.Attribute("class")!.Value).Should().Equal("co-series co-reference", "co-series co-highlighted");
            lines[0].Element(Svg + "title")!.Value.Should().Be("England and Wales");
            lines[0].Attribute("stroke")!.Value.Should().Be("currentColor");
        }
    }

    [Fact]
    public void Every_panel_shares_the_same_axes()
    {
        var svg = SvgOf(Chart().ToHtml());
        var panels = Panels(svg);

        // The same grid lines (ticks of the one scale) in every panel, labelled in the first column only; the
        // framework changes of these years (outcome 22) as dashed lines at the same places in every panel.
        var grids = panels.Select(p => string.Join(";", p.Elements(Svg + "line").Select(l => l.Attribute("y1")!.Value))).Distinct();
        var changes = panels.Select(p => string.Join(";", p.Elements(Svg + "g").Where(g => g.Attribute("class")!.Value == "co-framework-change").Select(g => g.Element(Svg + "line")!.Attribute("x1")!.Value))).Distinct();
        changes.Should().ContainSingle().Which.Split(';').Should().HaveCount(2);
        grids.Should().ContainSingle();
        panels.Select((p, i) => (i % 6 == 0) == p.Elements(Svg + "text").Any(t => t.Attribute("class")?.Value == "co-tick")).Should().OnlyContain(b => b);

        // Avon and Somerset 10 %, 11 %, 12 %, 13 %; Bedfordshire 10.2 %, 11.2 %, 12.2 %, 13.2 %: the same x for each year, and heights
        // above the 0 % grid line in proportion to the percentages, on one scale for both panels.
        var zero = panels[0].Elements(Svg + "line").Select(l => Attr(l, "y1")).Max();
        var avon = Own(panels[0]).Elements(Svg + "circle").ToArray();
        var bedfordshire = Own(panels[1]).Elements(Svg + "circle").ToArray();
        avon.Select(c => Attr(c, "cx")).Should().Equal(bedfordshire.Select(c => Attr(c, "cx")));
        var perPoint = (zero - Attr(avon[0], "cy")) / 10;
        double[] avonPercents = [10, 11, 12, 13];
        double[] bedfordshirePercents = [10.2, 11.2, 12.2, 13.2];
        for (var y = 0; y < 4; y++)
        {
            (zero - Attr(avon[y], "cy")).Should().BeApproximately(avonPercents[y] * perPoint, 0.02);
            (zero - Attr(bedfordshire[y], "cy")).Should().BeApproximately(bedfordshirePercents[y] * perPoint, 0.02);
        }
    }

    [Fact]
    public void A_panel_with_a_missing_year_has_a_gap_and_the_summary_gives_each_forces_change_with_its_test()
    {
        var chart = Chart();
        var html = chart.ToHtml();
        var svg = SvgOf(html);

        var kent = Panels(svg).Single(p => p.Elements(Svg + "text").First().Value == "Kent");
        Own(kent).Elements(Svg + "circle").Should().HaveCount(3);
        Own(kent).Elements(Svg + "path").Where(p => p.Attribute("class")!.Value == "co-line").Should().ContainSingle("2018/19 stands alone, 2020/21 → 2021/22 is a line");

        var rows = BodyRows(html);
        rows.Should().HaveCount(44);
        rows[0][0].Should().Be("England and Wales");

        // Avon and Somerset 100 / 1,000 → 130 / 1,000: +3.0 pp; Newcombe 95 % +0.2 to +5.8 pp; pooled z = 2.10, p = 0.035.
        rows[1].Should().Equal("Avon and Somerset", "2018/19: 10.0 %", "2021/22: 13.0 %", "+3.0 pp", "+0.2 to +5.8 pp", "0.035", "–", "–");
        rows.Single(r => r[0] == "Kent")[6].Should().Be("2019/20 (no figures)");
        chart.ToPlainText().Should().Contain("Avon and Somerset").And.Contain("+0.2 to +5.8 pp");
        ParseHtml(html).Descendants("div").First(d => d.Attribute("class")?.Value == "co-note").Value
            .Should().StartWith("One panel per area, all on the same axes; a period without a ratio leaves a gap (never a zero). Grey line in each panel: England and Wales.");
    }

    [Fact]
    public void The_number_of_columns_can_be_chosen_and_must_be_positive()
    {
        var data = Dataset();
        var forces = Calculator.SeriesByForce(data, RatioDefinition.Withdrawal, Registry.Wales, Years, CrimeScope.AllCrime);

        var svg = SvgOf(new TrendSmallMultiples(forces) { Columns = 2 }.ToHtml());

        Panels(svg).Select(Offset).Select(o => o.Y).Distinct().Should().HaveCount(2, "4 Welsh forces in 2 columns");
        Panels(svg).Should().OnlyContain(p => p.Elements(Svg + "g").Count(g => g.Attribute("class")!.Value.StartsWith("co-series", StringComparison.Ordinal)) == 1, "without a reference there is no grey line");
        var act = () => new TrendSmallMultiples(forces) { Columns = 0 };
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
