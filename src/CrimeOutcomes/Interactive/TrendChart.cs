using System.Globalization;
using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// A ratio over a run of periods, one line per area: the national line (any series of a group of forces, such as
/// England and Wales) thick in the text colour, the highlighted forces in colour with their confidence intervals as
/// bands (or whiskers), the other forces thin and grey. A period without a ratio (an outcome not in the framework
/// that year, a year without figures) leaves a gap in its line, never a zero, and the table under the chart says
/// why. Framework changes are dashed lines on the time axis at the date they took effect (F1, F2 … with
/// footnotes), and the known issues of the data are marked under the periods they touch (W1, W2 …). Renders as
/// inline SVG above the footnotes and a table of every area × period with its counts, interval and warnings.
/// </summary>
/// <example>
/// <code>
/// var national = calculator.Series(data, RatioDefinition.Withdrawal, registry.EnglandAndWales, years, CrimeScope.AllCrime);
/// var forces = calculator.SeriesByForce(data, RatioDefinition.Withdrawal, registry.EnglandAndWales, years, CrimeScope.AllCrime);
/// new TrendChart([national, .. forces], [registry.Get("West Mercia")])   // shows as a chart in a notebook
/// </code>
/// </example>
public sealed class TrendChart : IHtmlRenderable
{
    private const double Left = 56;
    private const double Pad = 24;
    private const double Top = 36;
    private const double PlotHeight = 260;
    private const double Bottom = 48;
    private const double CharWidth = 7.6;
    private const double LabelSpacing = 14;
    private const int ColouredByDefault = 8;

    private readonly TrendFrame _frame;

    /// <summary>A chart of <paramref name="series"/>, one line each.</summary>
    /// <param name="series">The series, typically a national one from <see cref="OutcomeRatioCalculator.Series"/> and the forces' from <see cref="OutcomeRatioCalculator.SeriesByForce"/>; all of periods of one kind.</param>
    /// <param name="highlighted">
    /// The areas whose lines are drawn in colour, with their intervals; the other forces' lines are grey. When none
    /// are given and there are at most eight forces, every force has a colour of its own.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">Periods of different kinds, or a highlighted area without a series. (No series at all makes a chart that says so.)</exception>
    public TrendChart(IEnumerable<RatioSeries> series, IEnumerable<Area>? highlighted = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = [.. series];
        _frame = new TrendFrame(Series, nameof(series));
        Highlighted = [.. (highlighted ?? []).Distinct()];
        if (Highlighted.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(highlighted), "The list of highlighted areas holds a null.");
        }

        if (Highlighted.FirstOrDefault(a => !Series.Any(s => s.Area.Equals(a))) is { } missing)
        {
            throw new ArgumentException($"No series is of the highlighted area {missing.Name}; the series are of {string.Join(", ", Series.Select(s => s.Area.Name))}.", nameof(highlighted));
        }
    }

    /// <summary>The series, in the order given.</summary>
    public IReadOnlyList<RatioSeries> Series { get; }

    /// <summary>The areas drawn in colour, as given.</summary>
    public IReadOnlyList<Area> Highlighted { get; }

    /// <summary>The chart's title; by default the ratio's name, scope and first and last periods.</summary>
    public string? Title { get; init; }

    /// <summary>How the intervals of the national and highlighted lines are drawn; bands by default. Grey lines never carry intervals.</summary>
    public TrendIntervals Intervals { get; init; } = TrendIntervals.Bands;

    /// <inheritdoc/>
    public string ToHtml() => HtmlParts.Fragment("trend-chart", html =>
    {
        HtmlParts.Heading(html, ChartTitle);
        if (Series.Count == 0)
        {
            HtmlParts.Note(html, "No series to draw.");
            return;
        }

        WriteSvg(html);
        HtmlParts.Note(html, Notes());
        _frame.WriteFootnotes(html);
        using (HtmlParts.Details(html, "Figures"))
        {
            _frame.WriteTable(html, Ordered());
        }
    });

    /// <inheritdoc/>
    public string ToPlainText()
    {
        var text = new StringBuilder().AppendLine(ChartTitle);
        _frame.WriteText(text, Ordered());
        return text.AppendLine(Notes()).ToString();
    }

    /// <summary>The title.</summary>
    public override string ToString() => ChartTitle;

    private string ChartTitle => Title ?? _frame.Title();

    private enum Role
    {
        Emphasised,
        Highlighted,
        Muted,
    }

    private Role RoleOf(RatioSeries series)
    {
        if (series.Area is not PoliceForce)
        {
            return Role.Emphasised;
        }

        if (Highlighted.Count == 0)
        {
            return Series.Count(s => s.Area is PoliceForce) <= ColouredByDefault ? Role.Highlighted : Role.Muted;
        }

        return Highlighted.Contains(series.Area) ? Role.Highlighted : Role.Muted;
    }

    /// <summary>National lines, then highlighted, then the rest, each in the order given.</summary>
    private RatioSeries[] Ordered() => [.. Series.OrderBy(RoleOf)];

    /// <summary>Dash patterns for the second and later national lines (all in the text colour).</summary>
    private static readonly string[] Dashes = ["7 4", "2 3", "9 3 2 3"];

    private TrendStyle StyleOf(RatioSeries series, int colourIndex)
    {
        var label = _frame.Label(series);
        var emphasised = Series.Where(s => RoleOf(s) == Role.Emphasised).ToList().IndexOf(series);
        return RoleOf(series) switch
        {
            Role.Emphasised => new TrendStyle("co-emphasised", "currentColor", 3, 0.9, 3.5, Intervals, label, emphasised > 0 ? Dashes[(emphasised - 1) % Dashes.Length] : null),
            Role.Highlighted => new TrendStyle("co-highlighted", HtmlParts.Palette[colourIndex % HtmlParts.Palette.Length], 2.5, 1, 3.5, Intervals, label),
            _ => new TrendStyle("co-muted", "currentColor", 1.2, 0.3, 2, TrendIntervals.None, label),
        };
    }

    private double Largest()
    {
        var values = Series.SelectMany(s => s.Points).Where(p => p.HasValue).Select(p => p.Ratio!.ToDouble());
        if (Intervals != TrendIntervals.None)
        {
            values = values.Concat(Series.Where(s => RoleOf(s) != Role.Muted).SelectMany(s => s.Points).Where(p => p is { HasValue: true, Interval: not null }).Select(p => p.Interval!.Value.Upper));
        }

        return values.DefaultIfEmpty(0).Max();
    }

    private string EndLabel(RatioSeries series)
        => series.Points.LastOrDefault(p => p.HasValue) is { Ratio: { } last } ? $"{_frame.Label(series)} {last.FormatPercent()}" : _frame.Label(series);

    private void WriteSvg(HtmlBuilder html)
    {
        var periods = _frame.Periods;
        var plotWidth = Math.Clamp(72.0 * periods.Count, 360, 900);
        var labelled = Ordered().Where(s => RoleOf(s) != Role.Muted && s.Points.Any(p => p.HasValue)).ToArray();
        var labelX = Left + plotWidth + 8;
        var width = Math.Max(680, labelX + (labelled.Select(s => EndLabel(s).Length).DefaultIfEmpty(0).Max() * CharWidth) + 10);
        var height = Top + PlotHeight + Bottom;
        var axis = new PeriodAxis(periods, Left, plotWidth, Pad);
        var scale = new PercentScale(Largest(), PlotHeight);
        double Y(double fraction) => Top + PlotHeight - scale.Position(fraction);
        string N(double v) => HtmlBuilder.Number(v);

        using (html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", N(width)), ("height", N(height)),
            ("viewBox", $"0 0 {N(width)} {N(height)}"), ("role", "img"), ("aria-label", ChartTitle),
            ("font-family", "system-ui, sans-serif"), ("font-size", "12")))
        {
            html.Element("title", ChartTitle);

            // Grid, axes and labels in the text colour at low opacity: readable on light and dark themes.
            TrendDrawing.Grid(html, scale, Left, Left + plotWidth, Top + PlotHeight, labelEvery: 1);
            var every = Math.Max(1, (int)Math.Ceiling(periods.Count * 64 / plotWidth));
            for (var i = 0; i < periods.Count; i += every)
            {
                html.Element("text", periods[i].ToString(), ("class", "co-period"), ("x", N(axis.X(i))), ("y", N(Top + PlotHeight + 16)), ("text-anchor", "middle"), ("fill", "currentColor"));
            }

            TrendDrawing.FrameworkChanges(html, _frame, axis, Top - 4, Top + PlotHeight, Top - 12);
            TrendDrawing.WarningMarks(html, _frame.Warnings, axis, Top + PlotHeight + 34, 22, 11);

            var colours = new Dictionary<RatioSeries, int>(ReferenceEqualityComparer.Instance);
            foreach (var series in Series.Where(s => RoleOf(s) == Role.Highlighted))
            {
                colours[series] = colours.Count;
            }

            // Grey lines first, then the national ones, the highlighted on top.
            foreach (var series in Series.OrderBy(s => RoleOf(s) switch { Role.Muted => 0, Role.Emphasised => 1, _ => 2 }))
            {
                TrendDrawing.Series(html, series, periods, axis, Y, StyleOf(series, colours.GetValueOrDefault(series)));
            }

            var wanted = labelled.Select(s => Y(s.Points.Last(p => p.HasValue).Ratio!.ToDouble()) + 4).ToArray();
            var placed = LabelLayout.Spread(wanted, LabelSpacing, Top + PlotHeight + 4);
            for (var i = 0; i < labelled.Length; i++)
            {
                var style = StyleOf(labelled[i], colours.GetValueOrDefault(labelled[i]));
                html.Element("text", EndLabel(labelled[i]), ("class", "co-end-label"), ("x", N(labelX)), ("y", N(placed[i])), ("fill", style.Colour), ("font-weight", "600"));
            }
        }
    }

    private string Notes()
    {
        var text = new StringBuilder("One line per area; a period without a ratio leaves a gap in its line (never a zero), and the table gives the reason. ");
        var byRole = Series.GroupBy(RoleOf).ToDictionary(g => g.Key, g => g.Select(_frame.Label).ToArray());
        if (byRole.TryGetValue(Role.Emphasised, out var emphasised))
        {
            text.Append(CultureInfo.InvariantCulture, $"Thick line{(emphasised.Length > 1 ? "s (solid, then dashed, in this order)" : string.Empty)}: {string.Join(", ", emphasised)}. ");
        }

        if (byRole.TryGetValue(Role.Highlighted, out var highlighted))
        {
            text.Append(CultureInfo.InvariantCulture, $"In colour: {string.Join(", ", highlighted)}. ");
        }

        if (byRole.TryGetValue(Role.Muted, out var muted))
        {
            text.Append(CultureInfo.InvariantCulture, $"Grey: {(muted.Length == 1 ? muted[0] : $"the other {muted.Length} areas")}. ");
        }

        if (Intervals != TrendIntervals.None && _frame.IntervalLegend(Series.Where(s => RoleOf(s) != Role.Muted)) is { } legend)
        {
            text.Append(Intervals == TrendIntervals.Bands ? "Bands: " : "Whiskers: ").Append(legend).Append(' ');
        }

        if (Series.Any(s => s.Points.Any(p => p.HasValue && p.Coverage is { IsPartial: true })))
        {
            text.Append("Hollow points: figures that lack quarters. ");
        }

        var gaps = Ordered().Where(s => RoleOf(s) != Role.Muted)
            .SelectMany(s => _frame.Periods.Select(p => (Series: s, Period: p, Point: TrendFrame.PointOf(s, p))))
            .Where(g => g.Point is not { HasValue: true })
            .Select(g => $"{_frame.Label(g.Series)} {g.Period} ({(g.Point is { } point ? TrendFrame.Value(point) : "not in its series")})")
            .ToArray();
        if (gaps.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Gaps: {string.Join(", ", gaps)}. ");
        }

        text.Append(_frame.AnnotationNote(string.Empty)).Append(_frame.BasisNote());
        return text.ToString().TrimEnd();
    }
}
