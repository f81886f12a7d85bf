using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// A ratio in two periods for one or more areas, as a slope chart: each area is a line from its earlier ratio
/// (left) to its later ratio (right), labelled with the later value and the change in percentage points, with
/// whiskers at either end where intervals are given. Renders as inline SVG above a table of the figures.
/// </summary>
/// <example>
/// <code>
/// var change = calculator.YearOnYear(data, RatioDefinition.Withdrawal, new FigureKey(force, CalendarYear.Of(2016), scope));
/// new YearOnYearChart([change])   // shows as a chart in a notebook
/// </code>
/// </example>
public sealed class YearOnYearChart : IHtmlRenderable
{
    private const double MinWidth = 680;
    private const double CharWidth = 6.8;
    private const double Top = 44;
    private const double PlotHeight = 240;
    private const double Bottom = 16;
    private const double LeftX = 150;
    private const double RightX = 380;
    private const double LabelSpacing = 15;

    private readonly Interval?[] _fromIntervals;
    private readonly Interval?[] _toIntervals;
    private readonly string _intervalNote = "Whiskers: the intervals supplied with the ratios.";

    /// <summary>A chart of <paramref name="changes"/>, one line each.</summary>
    /// <param name="changes">Changes of a ratio, typically from <see cref="OutcomeRatioCalculator.YearOnYear"/>, one per area.</param>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null or holds null.</exception>
    public YearOnYearChart(IEnumerable<RatioChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Changes = changes.ToArray();
        if (Changes.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(changes), "The list of changes holds a null.");
        }

        _fromIntervals = new Interval?[Changes.Count];
        _toIntervals = new Interval?[Changes.Count];
    }

    private YearOnYearChart(YearOnYearChart chart, Interval?[] from, Interval?[] to, string? note = null)
    {
        _intervalNote = note ?? _intervalNote;
        Changes = chart.Changes;
        Title = chart.Title;
        _fromIntervals = from;
        _toIntervals = to;
    }

    /// <summary>The changes, in the order given.</summary>
    public IReadOnlyList<RatioChange> Changes { get; }

    /// <summary>The chart's title; by default the ratio's name and the two periods.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The same chart with an interval at each end of each line that <paramref name="interval"/> gives one for:
    /// lower and upper bounds as fractions (0.47 for 47 %).
    /// </summary>
    /// <param name="interval">The bounds for a ratio (either end of a change), or null for no whisker.</param>
    /// <exception cref="ArgumentException">A bound is not finite, or a lower bound exceeds its upper bound.</exception>
    public YearOnYearChart WithIntervals(Func<Ratio, (double Lower, double Upper)?> interval)
        => new(this, Interval.ForEach(Changes.Select(c => c.From).ToArray(), interval), Interval.ForEach(Changes.Select(c => c.To).ToArray(), interval));

    /// <summary>
    /// The same chart with a whisker at each end of each line for the confidence interval of that ratio's
    /// proportion (none for an undefined ratio or one above 100 %).
    /// </summary>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1) or the method is not for a single proportion.</exception>
    public YearOnYearChart WithConfidenceIntervals(double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
    {
        var from = Interval.Confidence(Changes.Select(c => c.From).ToArray(), level, method);
        var to = Interval.Confidence(Changes.Select(c => c.To).ToArray(), level, method);
        return new(this, from, to, Interval.ConfidenceNote(level, method, from.Concat(to).Any(i => i is null)));
    }

    /// <inheritdoc/>
    public string ToHtml() => HtmlParts.Fragment("year-on-year-chart", html =>
    {
        HtmlParts.Heading(html, ChartTitle);
        WriteSvg(html);
        HtmlParts.Note(html, Notes());
        using (HtmlParts.Details(html, "Figures"))
        {
            RatioChangeRenderer.WriteTable(html, Changes);
        }
    });

    /// <inheritdoc/>
    public string ToPlainText()
    {
        var text = new StringBuilder().AppendLine(ChartTitle);
        var labelWidth = Changes.Select(c => LineLabel(c).Length).DefaultIfEmpty(0).Max();
        for (var i = 0; i < Changes.Count; i++)
        {
            var change = Changes[i];
            var from = change.From.FormatPercent() + (_fromIntervals[i] is { } f ? " " + f : string.Empty);
            var to = change.To.FormatPercent() + (_toIntervals[i] is { } t ? " " + t : string.Empty);
            text.AppendLine($"{LineLabel(change).PadRight(labelWidth)}  {from} → {to}  ({Describe.PercentagePoints(change)})");
        }

        return text.AppendLine(Notes()).ToString();
    }

    /// <summary>The title.</summary>
    public override string ToString() => ChartTitle;

    private string ChartTitle => Title ?? DefaultTitle();

    private string DefaultTitle()
    {
        var (from, to) = Changes.Count > 0 ? RatioChangeRenderer.Labels(Changes[0]) : ("", "");
        var areas = Changes.Select(RatioChangeRenderer.AreaOf).Distinct(StringComparer.Ordinal).ToArray();
        var name = RatioRenderer.Title(Changes.Select(c => c.To).ToArray());
        if (areas.Length == 1 && Changes.Select(c => Describe.Name(c.To)).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            name = areas[0];
        }

        var samePeriods = Changes.All(c => RatioChangeRenderer.Labels(c) == (from, to));
        return Changes.Count > 0 && samePeriods ? $"{name}: {from} → {to}" : name;
    }

    private string Notes()
    {
        var text = new StringBuilder("Lines join each area's ratio in the earlier period (left) to the later (right); pp = percentage points. ");
        if (_fromIntervals.Concat(_toIntervals).Any(i => i is not null))
        {
            text.Append(_intervalNote).Append(' ');
        }

        var undefined = Changes.Where(c => !c.IsDefined).Select(LineLabel).ToArray();
        if (undefined.Length > 0)
        {
            text.Append($"Not drawn (a ratio is undefined): {string.Join(", ", undefined)}. ");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A line's label: its area, or its ratio's name when every line is about the same area.</summary>
    private string LineLabel(RatioChange change)
    {
        var oneArea = Changes.Select(RatioChangeRenderer.AreaOf).Distinct(StringComparer.Ordinal).Count() == 1;
        var severalRatios = Changes.Select(c => Describe.Name(c.To)).Distinct(StringComparer.Ordinal).Count() > 1;
        return oneArea && severalRatios ? Describe.Name(change.To) : RatioChangeRenderer.AreaOf(change);
    }

    private double Largest()
    {
        var values = Changes.SelectMany(c => new[] { c.From, c.To }).Where(r => r.IsDefined).Select(r => r.ToDouble())
            .Concat(_fromIntervals.Concat(_toIntervals).Where(i => i is not null).Select(i => i!.Value.Upper));
        return values.DefaultIfEmpty(0).Max();
    }

    private void WriteSvg(HtmlBuilder html)
    {
        var height = Top + PlotHeight + Bottom;
        var longestLabel = Changes.Where(c => c.IsDefined).Select(c => $"{c.To.FormatPercent()} {LineLabel(c)} ({Describe.PercentagePoints(c)})".Length).DefaultIfEmpty(0).Max();
        var width = Math.Max(MinWidth, RightX + 14 + (longestLabel * CharWidth) + 10);
        var scale = new PercentScale(Largest(), PlotHeight);
        double Y(double fraction) => Top + PlotHeight - scale.Position(fraction);
        string N(double v) => HtmlBuilder.Number(v);
        var drawn = Enumerable.Range(0, Changes.Count).Where(i => Changes[i].IsDefined).ToArray();
        var (fromLabel, toLabel) = Changes.Count > 0 ? RatioChangeRenderer.Labels(Changes[0]) : ("earlier", "later");

        using (html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", N(width)), ("height", N(height)),
            ("viewBox", $"0 0 {N(width)} {N(height)}"), ("role", "img"), ("aria-label", ChartTitle),
            ("font-family", "system-ui, sans-serif"), ("font-size", "12")))
        {
            html.Element("title", ChartTitle);
            foreach (var tick in scale.Ticks())
            {
                var y = Top + PlotHeight - scale.PositionOfPercent(tick);
                html.Empty("line", ("x1", N(LeftX - 60)), ("y1", N(y)), ("x2", N(RightX)), ("y2", N(y)), ("stroke", "currentColor"), ("stroke-opacity", "0.12"));
                html.Element("text", PercentScale.TickLabel(tick), ("x", N(LeftX - 104)), ("y", N(y + 4)), ("text-anchor", "end"), ("fill", "currentColor"), ("fill-opacity", "0.75"));
            }

            html.Element("text", fromLabel, ("x", N(LeftX)), ("y", N(Top - 18)), ("text-anchor", "middle"), ("fill", "currentColor"), ("font-weight", "600"));
            html.Element("text", toLabel, ("x", N(RightX)), ("y", N(Top - 18)), ("text-anchor", "middle"), ("fill", "currentColor"), ("font-weight", "600"));
            html.Empty("line", ("x1", N(LeftX)), ("y1", N(Top - 8)), ("x2", N(LeftX)), ("y2", N(Top + PlotHeight)), ("stroke", "currentColor"), ("stroke-opacity", "0.4"));
            html.Empty("line", ("x1", N(RightX)), ("y1", N(Top - 8)), ("x2", N(RightX)), ("y2", N(Top + PlotHeight)), ("stroke", "currentColor"), ("stroke-opacity", "0.4"));

            var leftLabels = Spread(drawn.Select(i => Y(Changes[i].From.ToDouble())).ToArray());
            var rightLabels = Spread(drawn.Select(i => Y(Changes[i].To.ToDouble())).ToArray());
            for (var n = 0; n < drawn.Length; n++)
            {
                var i = drawn[n];
                var change = Changes[i];
                var colour = HtmlParts.Palette[n % HtmlParts.Palette.Length];
                var y1 = Y(change.From.ToDouble());
                var y2 = Y(change.To.ToDouble());
                var area = LineLabel(change);
                using (html.Open("g", ("stroke", colour), ("fill", colour)))
                {
                    html.Element("title", $"{area}: {change}");
                    html.Empty("line", ("x1", N(LeftX)), ("y1", N(y1)), ("x2", N(RightX)), ("y2", N(y2)), ("stroke-width", "2.5"));
                    html.Empty("circle", ("cx", N(LeftX)), ("cy", N(y1)), ("r", "4"));
                    html.Empty("circle", ("cx", N(RightX)), ("cy", N(y2)), ("r", "4"));
                    Whisker(html, LeftX - 6, _fromIntervals[i], Y);
                    Whisker(html, RightX + 6, _toIntervals[i], Y);
                }

                html.Element("text", change.From.FormatPercent(), ("x", N(LeftX - 14)), ("y", N(leftLabels[n] + 4)), ("text-anchor", "end"), ("fill", "currentColor"));
                using (html.Open("text", ("x", N(RightX + 14)), ("y", N(rightLabels[n] + 4)), ("fill", "currentColor")))
                {
                    html.Text($"{change.To.FormatPercent()} ");
                    html.Element("tspan", area, ("fill", colour), ("font-weight", "600"));
                    html.Text($" ({Describe.PercentagePoints(change)})");
                }
            }
        }
    }

    private static void Whisker(HtmlBuilder html, double x, Interval? interval, Func<double, double> y)
    {
        if (interval is not { } bounds)
        {
            return;
        }

        string N(double v) => HtmlBuilder.Number(v);
        var top = y(bounds.Upper);
        var bottom = y(bounds.Lower);
        html.Empty("line", ("x1", N(x)), ("y1", N(top)), ("x2", N(x)), ("y2", N(bottom)), ("stroke-width", "1.5"));
        html.Empty("line", ("x1", N(x - 3)), ("y1", N(top)), ("x2", N(x + 3)), ("y2", N(top)), ("stroke-width", "1.5"));
        html.Empty("line", ("x1", N(x - 3)), ("y1", N(bottom)), ("x2", N(x + 3)), ("y2", N(bottom)), ("stroke-width", "1.5"));
    }

    /// <summary>Label positions near <paramref name="wanted"/> but at least <see cref="LabelSpacing"/> apart, kept inside the plot.</summary>
    internal static double[] Spread(double[] wanted) => LabelLayout.Spread(wanted, LabelSpacing, Top + PlotHeight + Bottom - 4);
}
