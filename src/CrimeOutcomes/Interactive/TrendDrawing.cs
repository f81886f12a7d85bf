namespace CrimeOutcomes.Interactive;

/// <summary>A time axis of evenly spaced periods: each period's point at its middle, a date at its place within its period.</summary>
internal sealed class PeriodAxis
{
    private readonly IReadOnlyList<ReportingPeriod> _periods;

    /// <summary>Periods spread over <paramref name="width"/> pixels from <paramref name="left"/>, the first and last <paramref name="pad"/> inside the ends.</summary>
    public PeriodAxis(IReadOnlyList<ReportingPeriod> periods, double left, double width, double pad)
    {
        _periods = periods;
        Left = left;
        Right = left + width;
        Step = periods.Count > 1 ? (width - (2 * pad)) / (periods.Count - 1) : width - (2 * pad);
        First = periods.Count > 1 ? left + pad : left + (width / 2);
    }

    public double Left { get; }

    public double Right { get; }

    /// <summary>The distance between two periods' points.</summary>
    public double Step { get; }

    private double First { get; }

    public double X(int index) => First + (index * Step);

    /// <summary>The point of <paramref name="period"/>, or null when the axis lacks it.</summary>
    public double? X(ReportingPeriod period)
    {
        for (var i = 0; i < _periods.Count; i++)
        {
            if (_periods[i] == period)
            {
                return X(i);
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="date"/> falls: its period's point moved by the share of the period gone (1 April of a financial year sits halfway to the year before), within the axis.</summary>
    public double? XOf(DateOnly date)
    {
        for (var i = 0; i < _periods.Count; i++)
        {
            var period = _periods[i];
            if (date >= period.Start && date <= period.End)
            {
                var share = (date.DayNumber - period.Start.DayNumber) / (double)(period.End.DayNumber - period.Start.DayNumber + 1);
                return Math.Clamp(X(i) + ((share - 0.5) * Step), Left, Right);
            }
        }

        return null;
    }
}

/// <summary>How one line of a trend chart is drawn.</summary>
/// <param name="Role">Its class: co-emphasised, co-highlighted, co-muted, co-reference.</param>
/// <param name="Colour">The stroke and fill (a mid-tone, or currentColor so that it takes the theme's text colour).</param>
/// <param name="Width">The stroke width.</param>
/// <param name="Opacity">The opacity of line and points (low for grey lines drawn in the text colour).</param>
/// <param name="Dot">The radius of the points.</param>
/// <param name="Intervals">How the intervals are drawn.</param>
/// <param name="Label">The series' name, for its tooltip.</param>
/// <param name="Dash">A dash pattern for the line, to tell apart lines of one colour; null for a solid line.</param>
internal readonly record struct TrendStyle(string Role, string Colour, double Width, double Opacity, double Dot, TrendIntervals Intervals, string? Label = null, string? Dash = null);

/// <summary>The SVG pieces the trend charts share: grid, lines with their gaps, bands, whiskers, framework-change lines and warning marks.</summary>
internal static class TrendDrawing
{
    private static string N(double value) => HtmlBuilder.Number(value);

    /// <summary>Horizontal grid lines at the scale's ticks, with their labels left of <paramref name="left"/> when asked.</summary>
    /// <param name="html">The output.</param>
    /// <param name="scale">The y scale.</param>
    /// <param name="left">The left end of the lines.</param>
    /// <param name="right">The right end.</param>
    /// <param name="bottom">Where 0 % is.</param>
    /// <param name="labelEvery">Label every n-th tick from 0 %; 0 for none.</param>
    /// <param name="fontSize">The labels' size.</param>
    public static void Grid(HtmlBuilder html, PercentScale scale, double left, double right, double bottom, int labelEvery, double fontSize = 12)
    {
        var index = 0;
        foreach (var tick in scale.Ticks())
        {
            var y = bottom - scale.PositionOfPercent(tick);
            html.Empty("line", ("x1", N(left)), ("y1", N(y)), ("x2", N(right)), ("y2", N(y)), ("stroke", "currentColor"), ("stroke-opacity", tick == 0 ? "0.45" : "0.12"));
            if (labelEvery > 0 && index++ % labelEvery == 0)
            {
                html.Element("text", PercentScale.TickLabel(tick), ("x", N(left - 6)), ("y", N(y + 4)), ("text-anchor", "end"), ("fill", "currentColor"), ("fill-opacity", "0.75"), ("font-size", N(fontSize)), ("class", "co-tick"));
            }
        }
    }

    /// <summary>
    /// One series: a path per run of periods with a ratio (a period without one breaks the line, never drops it to
    /// zero), a band or whiskers for the intervals, and a point per period with its figures as tooltip; points of
    /// figures that lack quarters are hollow.
    /// </summary>
    public static void Series(HtmlBuilder html, RatioSeries series, IReadOnlyList<ReportingPeriod> periods, PeriodAxis axis, Func<double, double> y, TrendStyle style)
    {
        var points = periods.Select((p, i) => (X: axis.X(i), Point: TrendFrame.PointOf(series, p))).ToArray();
        using (html.Open("g", ("class", "co-series " + style.Role), ("stroke", style.Colour), ("fill", style.Colour), ("opacity", style.Opacity < 1 ? N(style.Opacity) : null)))
        {
            html.Element("title", style.Label ?? series.Area.Name);
            var runs = Runs(points, p => p.Point is { HasValue: true });
            if (style.Intervals == TrendIntervals.Bands)
            {
                foreach (var band in Runs(points, p => p.Point is { HasValue: true, Interval: not null }).Where(r => r.Length > 1))
                {
                    var upper = band.Select(p => $"{N(p.X)} {N(y(p.Point!.Interval!.Value.Upper))}");
                    var lower = band.Reverse().Select(p => $"{N(p.X)} {N(y(p.Point!.Interval!.Value.Lower))}");
                    html.Empty("path", ("class", "co-band"), ("d", "M" + string.Join(" L", upper.Concat(lower)) + " Z"), ("stroke", "none"), ("fill-opacity", "0.18"));
                }
            }

            foreach (var run in runs.Where(r => r.Length > 1))
            {
                html.Empty("path", ("class", "co-line"), ("d", "M" + string.Join(" L", run.Select(p => $"{N(p.X)} {N(y(p.Point!.Ratio!.ToDouble()))}"))),
                    ("fill", "none"), ("stroke-width", N(style.Width)), ("stroke-linejoin", "round"), ("stroke-dasharray", style.Dash));
            }

            foreach (var (x, point) in points)
            {
                if (point is not { HasValue: true, Ratio: { } ratio })
                {
                    continue;
                }

                if (style.Intervals == TrendIntervals.Whiskers && point.Interval is { } interval)
                {
                    Whisker(html, x, y(interval.Lower), y(interval.Upper));
                }

                var hollow = point.Coverage is { IsPartial: true };
                using (html.Open("circle", ("class", "co-point"), ("cx", N(x)), ("cy", N(y(ratio.ToDouble()))), ("r", N(style.Dot)),
                    ("fill", hollow ? "none" : null), ("stroke-width", hollow ? "1.5" : "0")))
                {
                    html.Element("title", Tooltip(series, point));
                }
            }
        }
    }

    /// <summary>"West Mercia, 2017/18: 19,379 / 84,350 = 23.0 %, 95 % CI 22.7 % to 23.3 % (Wilson)".</summary>
    public static string Tooltip(RatioSeries series, RatioSeriesPoint point)
        => $"{series.Area.Name}, {point}{(point.Interval is { } interval ? ", " + interval.Format() : string.Empty)}{(point.Coverage is { IsPartial: true } coverage ? $" ({coverage})" : string.Empty)}";

    /// <summary>A dashed vertical line at each framework change, with its mark above the plot when <paramref name="markY"/> is given.</summary>
    public static void FrameworkChanges(HtmlBuilder html, TrendFrame frame, PeriodAxis axis, double top, double bottom, double? markY)
    {
        var placed = frame.Changes.Select(c => (Change: c, X: axis.XOf(c.Date))).Where(c => c.X is not null).ToArray();
        var marks = LabelLayout.Spread([.. placed.Select(c => c.X!.Value)], 18, double.PositiveInfinity);
        for (var i = 0; i < placed.Length; i++)
        {
            var (change, x) = placed[i];
            using (html.Open("g", ("class", "co-framework-change")))
            {
                html.Element("title", $"{frame.MarkOf(change)}: {change.Label} ({change})");
                html.Empty("line", ("x1", N(x!.Value)), ("y1", N(top)), ("x2", N(x.Value)), ("y2", N(bottom)), ("stroke", "currentColor"), ("stroke-opacity", "0.45"), ("stroke-dasharray", "3 3"));
                if (markY is { } at)
                {
                    html.Element("text", frame.MarkOf(change), ("x", N(marks[i])), ("y", N(at)), ("text-anchor", "middle"), ("fill", "currentColor"), ("font-size", "10"), ("font-weight", "600"));
                }
            }
        }
    }

    /// <summary>The marks of <paramref name="groups"/> under the periods they touch, side by side where a period has several.</summary>
    public static void WarningMarks(HtmlBuilder html, IEnumerable<WarningGroup> groups, PeriodAxis axis, double y, double spacing, double fontSize)
    {
        foreach (var inPeriod in groups.GroupBy(g => g.Period))
        {
            var marks = inPeriod.ToArray();
            if (axis.X(inPeriod.Key) is not { } x)
            {
                continue;
            }

            for (var i = 0; i < marks.Length; i++)
            {
                var at = x + ((i - ((marks.Length - 1) / 2.0)) * spacing);
                using (html.Open("text", ("class", "co-warning"), ("x", N(at)), ("y", N(y)), ("text-anchor", "middle"), ("fill", HtmlParts.Warning), ("font-size", N(fontSize)), ("font-weight", "700")))
                {
                    html.Element("title", marks[i].Tooltip());
                    html.Text(marks[i].Mark);
                }
            }
        }
    }

    private static void Whisker(HtmlBuilder html, double x, double bottom, double top)
    {
        html.Empty("line", ("class", "co-whisker"), ("x1", N(x)), ("y1", N(top)), ("x2", N(x)), ("y2", N(bottom)), ("stroke-width", "1.2"));
        html.Empty("line", ("x1", N(x - 3)), ("y1", N(top)), ("x2", N(x + 3)), ("y2", N(top)), ("stroke-width", "1.2"));
        html.Empty("line", ("x1", N(x - 3)), ("y1", N(bottom)), ("x2", N(x + 3)), ("y2", N(bottom)), ("stroke-width", "1.2"));
    }

    /// <summary>The runs of consecutive items that <paramref name="keep"/> holds for.</summary>
    private static List<T[]> Runs<T>(IEnumerable<T> items, Func<T, bool> keep)
    {
        var runs = new List<T[]>();
        var current = new List<T>();
        foreach (var item in items)
        {
            if (keep(item))
            {
                current.Add(item);
                continue;
            }

            if (current.Count > 0)
            {
                runs.Add([.. current]);
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            runs.Add([.. current]);
        }

        return runs;
    }
}
