using System.Globalization;
using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// A ratio over a run of periods as small multiples: one panel per area (the 43 forces in a grid, say), all on the
/// same axes (the same periods, the same 0 to n % scale), each with the reference line (the national series) in grey
/// behind the area's own line and its interval band. Periods without a ratio leave gaps, never zeros; framework
/// changes are dashed lines in every panel and the known issues are marked under the periods they touch, with
/// footnotes. Under the grid, a summary table (each area's first and last ratio, the change with its interval and
/// z-test, the periods without a ratio, the warnings) and the full table of figures.
/// </summary>
/// <example>
/// <code>
/// var forces = calculator.SeriesByForce(data, RatioDefinition.Withdrawal, registry.EnglandAndWales, years, CrimeScope.AllCrime);
/// new TrendSmallMultiples(forces, national)   // shows as a grid of panels in a notebook
/// </code>
/// </example>
public sealed class TrendSmallMultiples : IHtmlRenderable
{
    private const double MarginLeft = 46;
    private const double MarginTop = 6;
    private const double PanelWidth = 150;
    private const double PanelHeight = 122;
    private const double Gap = 10;
    private const double PlotTop = 18;
    private const double PlotHeight = 72;
    private const double Pad = 10;

    private readonly TrendFrame _frame;
    private readonly int _columns = 6;

    /// <summary>A grid of <paramref name="panels"/>, one panel each, with <paramref name="reference"/> drawn behind every panel.</summary>
    /// <param name="panels">The series, typically from <see cref="OutcomeRatioCalculator.SeriesByForce"/>; all of periods of one kind.</param>
    /// <param name="reference">The series drawn in grey in every panel (the national one), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="panels"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">Periods of different kinds. (No panels at all make a chart that says so.)</exception>
    public TrendSmallMultiples(IEnumerable<RatioSeries> panels, RatioSeries? reference = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        Panels = [.. panels];
        Reference = reference;
        _frame = new TrendFrame(reference is null ? Panels : [reference, .. Panels], nameof(panels));
    }

    /// <summary>The panels' series, in the order given.</summary>
    public IReadOnlyList<RatioSeries> Panels { get; }

    /// <summary>The series drawn behind every panel, or null.</summary>
    public RatioSeries? Reference { get; }

    /// <summary>The chart's title; by default the ratio's name, scope and first and last periods.</summary>
    public string? Title { get; init; }

    /// <summary>How each panel's intervals are drawn; bands by default.</summary>
    public TrendIntervals Intervals { get; init; } = TrendIntervals.Bands;

    /// <summary>Panels per row, 1 or more; 6 by default (43 forces in 8 rows).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int Columns
    {
        get => _columns;
        init => _columns = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A grid needs at least one column.");
    }

    /// <inheritdoc/>
    public string ToHtml() => HtmlParts.Fragment("trend-small-multiples", html =>
    {
        HtmlParts.Heading(html, ChartTitle);
        if (Panels.Count == 0)
        {
            HtmlParts.Note(html, "No series to draw.");
            return;
        }

        WriteSvg(html);
        HtmlParts.Note(html, Notes());
        _frame.WriteFootnotes(html);
        WriteSummary(html);
        using (HtmlParts.Details(html, "Figures"))
        {
            _frame.WriteTable(html, _frame.Series);
        }
    });

    /// <inheritdoc/>
    public string ToPlainText()
    {
        var text = new StringBuilder().AppendLine(ChartTitle);
        var table = new TextTable([.. SummaryHeaders.Select((h, i) => (h, i is >= 1 and <= 5))]);
        foreach (var series in _frame.Series)
        {
            table.Add(SummaryRow(series));
        }

        table.WriteTo(text);
        foreach (var note in _frame.Footnotes())
        {
            text.AppendLine(note);
        }

        return text.AppendLine(Notes()).ToString();
    }

    /// <summary>The title.</summary>
    public override string ToString() => ChartTitle;

    private string ChartTitle => Title ?? _frame.Title() + ", by area";

    private static readonly string[] SummaryHeaders = ["Area", "First", "Last", "Change", "Interval", "p", "No ratio", "Warnings"];

    private int Rows => (Panels.Count + Columns - 1) / Columns;

    private double Largest()
    {
        var values = _frame.Series.SelectMany(s => s.Points).Where(p => p.HasValue).Select(p => p.Ratio!.ToDouble());
        if (Intervals != TrendIntervals.None)
        {
            values = values.Concat(Panels.SelectMany(s => s.Points).Where(p => p is { HasValue: true, Interval: not null }).Select(p => p.Interval!.Value.Upper));
        }

        return values.DefaultIfEmpty(0).Max();
    }

    private void WriteSvg(HtmlBuilder html)
    {
        var periods = _frame.Periods;
        var width = MarginLeft + (Columns * (PanelWidth + Gap));
        var height = MarginTop + (Rows * (PanelHeight + Gap));
        var scale = new PercentScale(Largest(), PlotHeight);
        var axis = new PeriodAxis(periods, 0, PanelWidth, Pad);
        double Y(double fraction) => PlotTop + PlotHeight - scale.Position(fraction);
        string N(double v) => HtmlBuilder.Number(v);
        var reference = new TrendStyle("co-reference", "currentColor", 1.2, 0.4, 1.5, TrendIntervals.None);
        var own = new TrendStyle("co-highlighted", HtmlParts.Accent, 1.8, 1, 2.2, Intervals);

        using (html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", N(width)), ("height", N(height)),
            ("viewBox", $"0 0 {N(width)} {N(height)}"), ("role", "img"), ("aria-label", ChartTitle),
            ("font-family", "system-ui, sans-serif"), ("font-size", "10")))
        {
            html.Element("title", ChartTitle);
            for (var i = 0; i < Panels.Count; i++)
            {
                var series = Panels[i];
                var (row, column) = Math.DivRem(i, Columns);
                var x = MarginLeft + (column * (PanelWidth + Gap));
                var y = MarginTop + (row * (PanelHeight + Gap));
                using (html.Open("g", ("class", "co-panel"), ("transform", $"translate({N(x)} {N(y)})")))
                {
                    html.Element("text", RatioByForceChart.Shorten(series.Area.Name, 26), ("class", "co-panel-title"), ("x", "0"), ("y", "11"), ("fill", "currentColor"), ("font-size", "11"), ("font-weight", "600"));
                    TrendDrawing.Grid(html, scale, 0, PanelWidth, PlotTop + PlotHeight, column == 0 ? 2 : 0, 9);
                    TrendDrawing.FrameworkChanges(html, _frame, axis, PlotTop, PlotTop + PlotHeight, null);
                    if (Reference is not null)
                    {
                        TrendDrawing.Series(html, Reference, periods, axis, Y, reference);
                    }

                    TrendDrawing.Series(html, series, periods, axis, Y, own);
                    html.Element("text", periods[0].ToString(), ("class", "co-period"), ("x", N(axis.X(0))), ("y", N(PlotTop + PlotHeight + 12)), ("text-anchor", "start"), ("fill", "currentColor"), ("fill-opacity", "0.75"), ("font-size", "9"));
                    if (periods.Count > 1)
                    {
                        html.Element("text", periods[^1].ToString(), ("class", "co-period"), ("x", N(axis.X(periods.Count - 1))), ("y", N(PlotTop + PlotHeight + 12)), ("text-anchor", "end"), ("fill", "currentColor"), ("fill-opacity", "0.75"), ("font-size", "9"));
                    }

                    TrendDrawing.WarningMarks(html, _frame.GroupsOf(series), axis, PlotTop + PlotHeight + 25, 14, 8);
                }
            }
        }
    }

    private string Notes()
    {
        var text = new StringBuilder("One panel per area, all on the same axes; a period without a ratio leaves a gap (never a zero). ");
        if (Reference is { } reference)
        {
            text.Append(CultureInfo.InvariantCulture, $"Grey line in each panel: {reference.Area.Name}. ");
        }

        if (Intervals != TrendIntervals.None && _frame.IntervalLegend(Panels) is { } legend)
        {
            text.Append(Intervals == TrendIntervals.Bands ? "Bands: " : "Whiskers: ").Append(legend).Append(' ');
        }

        if (Panels.Any(s => s.Points.Any(p => p.HasValue && p.Coverage is { IsPartial: true })))
        {
            text.Append("Hollow points: figures that lack quarters. ");
        }

        text.Append("Change: the first period with a ratio against the last, with the interval of the difference and the z-test. ");
        text.Append(_frame.AnnotationNote(" in each panel")).Append(_frame.BasisNote());
        return text.ToString().TrimEnd();
    }

    private void WriteSummary(HtmlBuilder html)
    {
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, SummaryHeaders, i => i is >= 1 and <= 5);
            using (html.Open("tbody"))
            {
                foreach (var series in _frame.Series)
                {
                    var cells = SummaryRow(series);
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, cells[0]);
                        for (var i = 1; i < cells.Length; i++)
                        {
                            HtmlParts.Cell(html, cells[i], numeric: i <= 5, title: i == 3 ? series.Overall?.ToString() : null);
                        }
                    }
                }
            }
        }
    }

    private string[] SummaryRow(RatioSeries series)
    {
        var defined = series.Points.Where(p => p.HasValue).ToArray();
        string First(RatioSeriesPoint? p) => p is { Ratio: { } r } ? $"{p.Period}: {r.FormatPercent()}" : "–";
        var gaps = string.Join(", ", series.Points.Where(p => !p.HasValue).Select(p => $"{p.Period} ({TrendFrame.Value(p)})"));
        var warnings = string.Join(" ", _frame.GroupsOf(series).Select(g => g.Mark));
        string[] change = series.Overall switch
        {
            null => ["fewer than two periods with a ratio", "–", "–"],
            { Difference: { } d } => [Describe.PercentagePoints(d.Change), d.Interval.FormatPointBounds(), ProportionDifference.FormatPValue(d.PValue)[2..].TrimStart('=', ' ')],
            { Comparison: NotComparable n } => [$"not comparable: {n.Explanation}", "–", "–"],
            { } other => [other.Absence ?? "–", "–", "–"],
        };
        return [series.Area.Name, First(defined.FirstOrDefault()), First(defined.LastOrDefault()), .. change, gaps.Length == 0 ? "–" : gaps, warnings.Length == 0 ? "–" : warnings];
    }
}
