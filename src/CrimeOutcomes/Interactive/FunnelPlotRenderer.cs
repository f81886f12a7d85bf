using System.Globalization;
using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// A funnel plot as inline SVG: each unit's proportion (y) against its denominator (x, log scale), the target line,
/// the 95 % and 99.8 % control limits as curves, points marked by where they fall, a legend; then a table of the points.
/// </summary>
internal static class FunnelPlotRenderer
{
    private const double Width = 680;
    private const double Height = 420;
    private const double Left = 58;
    private const double Right = Width - 178;
    private const double Top = 36;
    private const double Bottom = Height - 44;
    private const double Marker = 4.5;
    private const int MaxLabels = 20;
    private const double LabelCharWidth = 6.2;

    private static readonly string[] TableHeaders = ["Area", "Ratio", "Numerator", "Denominator", "95 % limits", "99.8 % limits", "z", "Position"];

    private static readonly FunnelClassification[] Classes =
        [FunnelClassification.Within, FunnelClassification.Above95, FunnelClassification.Above998, FunnelClassification.Below95, FunnelClassification.Below998];

    public static string Html(FunnelPlot plot) => HtmlParts.Fragment("funnel-plot", html =>
    {
        HtmlParts.Heading(html, Title(plot));
        if (plot.Points.Count > 0)
        {
            WriteSvg(html, plot);
        }
        else
        {
            HtmlParts.Note(html, "No unit has a defined ratio: nothing to plot.");
        }

        HtmlParts.Labelled(html, "Target: ", TargetText(plot));
        HtmlParts.Labelled(html, "Units: ", Counts(plot));
        HtmlParts.Labelled(html, "Dispersion: ", DispersionText(plot));
        if (plot.Excluded.Count > 0)
        {
            HtmlParts.NameList(html, $"Left out, undefined ratio ({plot.Excluded.Count})", plot.Excluded.Select(Describe.AreaLabel));
        }

        if (plot.Points.Count > 0)
        {
            using (HtmlParts.Details(html, $"Figures ({plot.Points.Count} units)"))
            using (HtmlParts.Table(html))
            {
                HtmlParts.HeaderRow(html, TableHeaders, i => TableHeaders[i] is not ("Area" or "Position"));
                using (html.Open("tbody"))
                {
                    foreach (var point in Ordered(plot))
                    {
                        var cells = Cells(point);
                        using (html.Open("tr"))
                        {
                            HtmlParts.RowHeader(html, cells[0]);
                            for (var i = 1; i < cells.Length; i++)
                            {
                                HtmlParts.Cell(html, cells[i], numeric: TableHeaders[i] != "Position");
                            }
                        }
                    }
                }
            }
        }

        HtmlParts.Note(html, MethodText(plot));
    });

    public static string Text(FunnelPlot plot)
    {
        var text = new StringBuilder()
            .AppendLine(Title(plot))
            .AppendLine("Target: " + TargetText(plot))
            .AppendLine("Units: " + Counts(plot))
            .AppendLine("Dispersion: " + DispersionText(plot));
        if (plot.Excluded.Count > 0)
        {
            text.AppendLine($"Left out, undefined ratio ({plot.Excluded.Count}): {string.Join(", ", plot.Excluded.Select(Describe.AreaLabel))}");
        }

        var table = new TextTable(TableHeaders.Select(h => (h, h is not ("Area" or "Position"))).ToArray());
        foreach (var point in Ordered(plot))
        {
            table.Add(Cells(point));
        }

        table.WriteTo(text);
        return text.AppendLine(MethodText(plot)).ToString();
    }

    /// <summary>"within the 95 % limits", "above the 99.8 % limit".</summary>
    internal static string Position(FunnelClassification classification) => classification switch
    {
        FunnelClassification.Above998 => "above the 99.8 % limit",
        FunnelClassification.Above95 => "above the 95 % limit",
        FunnelClassification.Below95 => "below the 95 % limit",
        FunnelClassification.Below998 => "below the 99.8 % limit",
        _ => "within the 95 % limits",
    };

    private static string ShortPosition(FunnelClassification classification) => classification switch
    {
        FunnelClassification.Above998 => "above 99.8 %",
        FunnelClassification.Above95 => "above 95 %",
        FunnelClassification.Below95 => "below 95 %",
        FunnelClassification.Below998 => "below 99.8 %",
        _ => "within 95 %",
    };

    private static string Title(FunnelPlot plot)
    {
        var period = plot.Target.Key is { } key ? $", {key.Period}" : string.Empty;
        return $"Funnel plot: {Describe.Name(plot.Target)}{period}, around {Describe.AreaLabel(plot.Target)} {plot.Target.FormatPercent()}";
    }

    private static string TargetText(FunnelPlot plot)
        => $"{Describe.AreaLabel(plot.Target)}, {plot.Target} ({plot.Target.Coverage})";

    private static string Counts(FunnelPlot plot)
        => $"{plot.Points.Count} plotted: {plot.Count(FunnelClassification.Within)} within the 95 % limits; "
            + $"above: {plot.Count(FunnelClassification.Above95)} beyond 95 % and {plot.Count(FunnelClassification.Above998)} beyond 99.8 %; "
            + $"below: {plot.Count(FunnelClassification.Below95)} beyond 95 % and {plot.Count(FunnelClassification.Below998)} beyond 99.8 %.";

    private static string DispersionText(FunnelPlot plot)
    {
        var phi = plot.Dispersion.ToString("0.00", CultureInfo.InvariantCulture);
        if (plot.DispersionPValue is not { } p)
        {
            return $"φ = {phi} (one unit: no test of the spread).";
        }

        var pText = ProportionDifference.FormatPValue(p);
        return p < 0.05
            ? $"φ = {phi} ({pText}): the units spread more widely than chance alone predicts, so read “outside the limits” as “different from the target”, not as “a problem” (docs/statistics.md)."
            : $"φ = {phi} ({pText}): the spread is consistent with chance variation alone.";
    }

    private static string MethodText(FunnelPlot plot)
    {
        var method = plot.Method == FunnelLimitMethod.ExactBinomial
            ? "exact binomial limits (Spiegelhalter 2005)"
            : "normal approximation θ ± z √(θ(1 − θ)/n)";
        return $"x: {plot.Target.DenominatorLabel} (the denominator, log scale); y: the proportion. Control limits: {method} at 95 % (dashed) and 99.8 % (solid) "
            + "around the target; they describe chance (binomial) variation only.";
    }

    private static IEnumerable<FunnelPoint> Ordered(FunnelPlot plot)
        => plot.Points.OrderByDescending(p => p.Proportion).ThenBy(p => Describe.AreaLabel(p.Ratio), StringComparer.Ordinal);

    private static string[] Cells(FunnelPoint point) =>
    [
        Describe.AreaLabel(point.Ratio),
        point.Ratio.FormatPercent(),
        Describe.Count(point.Ratio.Numerator),
        Describe.Count(point.Ratio.Denominator),
        $"{Describe.Percent(point.Limits.Lower95)} to {Describe.Percent(point.Limits.Upper95)}",
        $"{Describe.Percent(point.Limits.Lower998)} to {Describe.Percent(point.Limits.Upper998)}",
        point.ZScore.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
        Position(point.Classification),
    ];

    private static void WriteSvg(HtmlBuilder html, FunnelPlot plot)
    {
        string N(double v) => HtmlBuilder.Number(v);
        var title = Title(plot);
        var x = LogScale.Around(plot.Points.Min(p => p.Ratio.Denominator), plot.Points.Max(p => p.Ratio.Denominator), Right - Left);
        var curve = plot.Curve(120, (long)x.Low, (long)x.High);
        var (yLow, yHigh, yStep) = ProportionRange(plot, curve);
        double X(double n) => Left + x.Position(n);
        double Y(double proportion) => Bottom - ((Math.Clamp(proportion, yLow, yHigh) - yLow) / (yHigh - yLow) * (Bottom - Top));

        using (html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", N(Width)), ("height", N(Height)),
            ("viewBox", $"0 0 {N(Width)} {N(Height)}"), ("role", "img"), ("aria-label", title),
            ("font-family", "system-ui, sans-serif"), ("font-size", "12")))
        {
            html.Element("title", title);

            // Grid, axes and tick labels in the text colour at low opacity: readable on light and dark themes.
            for (var tick = yLow; tick <= yHigh + (yStep / 1000); tick += yStep)
            {
                html.Empty("line", ("x1", N(Left)), ("y1", N(Y(tick))), ("x2", N(Right)), ("y2", N(Y(tick))), ("stroke", "currentColor"), ("stroke-opacity", "0.12"));
                html.Element("text", PercentScale.TickLabel(Math.Round(tick * 100, 6)), ("x", N(Left - 6)), ("y", N(Y(tick) + 4)), ("text-anchor", "end"),
                    ("fill", "currentColor"), ("fill-opacity", "0.8"));
            }

            foreach (var tick in x.Ticks())
            {
                html.Empty("line", ("x1", N(X(tick))), ("y1", N(Top)), ("x2", N(X(tick))), ("y2", N(Bottom)), ("stroke", "currentColor"), ("stroke-opacity", "0.12"));
                html.Element("text", LogScale.Label(tick), ("x", N(X(tick))), ("y", N(Bottom + 16)), ("text-anchor", "middle"),
                    ("fill", "currentColor"), ("fill-opacity", "0.8"));
            }

            html.Empty("rect", ("x", N(Left)), ("y", N(Top)), ("width", N(Right - Left)), ("height", N(Bottom - Top)), ("fill", "none"),
                ("stroke", "currentColor"), ("stroke-opacity", "0.4"));
            html.Element("text", $"{plot.Target.DenominatorLabel} (log scale)", ("x", N((Left + Right) / 2)), ("y", N(Bottom + 34)), ("text-anchor", "middle"), ("fill", "currentColor"));
            html.Element("text", Describe.Name(plot.Target), ("x", N(Left)), ("y", N(Top - 10)), ("fill", "currentColor"));

            // The limits, then the target, then the points on top.
            Polyline(html, curve.Select(l => (X(l.Denominator), Y(l.Upper998))), dashed: false);
            Polyline(html, curve.Select(l => (X(l.Denominator), Y(l.Lower998))), dashed: false);
            Polyline(html, curve.Select(l => (X(l.Denominator), Y(l.Upper95))), dashed: true);
            Polyline(html, curve.Select(l => (X(l.Denominator), Y(l.Lower95))), dashed: true);
            html.Empty("line", ("x1", N(Left)), ("y1", N(Y(plot.TargetProportion))), ("x2", N(Right)), ("y2", N(Y(plot.TargetProportion))),
                ("stroke", HtmlParts.Reference), ("stroke-width", "2"));

            var outside = plot.Points.Where(p => p.Classification != FunnelClassification.Within).ToArray();
            foreach (var point in plot.Points)
            {
                var label = Describe.AreaLabel(point.Ratio);
                using (PointMark(html, point.Classification, X(point.Ratio.Denominator), Y(point.Proportion)))
                {
                    html.Element("title", $"{label}: {point.Ratio}, {Position(point.Classification)} "
                        + $"(95 %: {Describe.Percent(point.Limits.Lower95)} to {Describe.Percent(point.Limits.Upper95)})");
                }
            }

            WriteLabels(
                html,
                outside.OrderByDescending(p => Math.Abs(p.ZScore)).Take(MaxLabels).Select(p => (Describe.AreaLabel(p.Ratio), X(p.Ratio.Denominator), Y(p.Proportion))),
                plot.Points.Select(p => (X(p.Ratio.Denominator), Y(p.Proportion))));
            WriteLegend(html, plot);
        }
    }

    /// <summary>
    /// Names the points outside the limits, the most extreme first, each beside its mark where it overlaps no other
    /// label or mark and stays inside the plot; a name that finds no such place is left to the tooltip and the table.
    /// </summary>
    private static void WriteLabels(HtmlBuilder html, IEnumerable<(string Label, double X, double Y)> points, IEnumerable<(double X, double Y)> marks)
    {
        var size = Marker + 2;
        var placed = marks.Select(m => (X1: m.X - size, Y1: m.Y - size, X2: m.X + size, Y2: m.Y + size)).ToList();
        foreach (var (label, x, y) in points)
        {
            var text = RatioByForceChart.Shorten(label, 18);
            var width = text.Length * LabelCharWidth;
            (double X, double Y, string Anchor)[] candidates =
            [
                (x + 8, y + 4, "start"), (x - 8, y + 4, "end"), (x, y - 9, "middle"), (x, y + 18, "middle"),
                (x + 6, y - 8, "start"), (x + 6, y + 16, "start"), (x - 6, y - 8, "end"), (x - 6, y + 16, "end"),
            ];
            foreach (var (cx, cy, anchor) in candidates)
            {
                var x1 = anchor switch { "end" => cx - width, "middle" => cx - (width / 2), _ => cx };
                var box = (X1: x1, Y1: cy - 10, X2: x1 + width, Y2: cy + 2);
                var fits = box.X1 >= Left && box.X2 <= Right && box.Y1 >= Top && box.Y2 <= Bottom
                    && !placed.Any(p => box.X1 < p.X2 && p.X1 < box.X2 && box.Y1 < p.Y2 && p.Y1 < box.Y2);
                if (fits)
                {
                    placed.Add(box);
                    html.Element("text", text, ("x", HtmlBuilder.Number(cx)), ("y", HtmlBuilder.Number(cy)), ("text-anchor", anchor),
                        ("fill", "currentColor"), ("font-size", "11"));
                    break;
                }
            }
        }
    }

    /// <summary>The y range: every point, the target and every limit drawn, padded, in round steps, within 0 to 100 %.</summary>
    private static (double Low, double High, double Step) ProportionRange(FunnelPlot plot, IReadOnlyList<FunnelLimits> curve)
    {
        var values = plot.Points.Select(p => p.Proportion).Append(plot.TargetProportion)
            .Concat(curve.SelectMany(l => new[] { l.Lower998, l.Upper998 })).ToArray();
        return PercentScale.RoundRange(values.Min(), values.Max());
    }

    private static void Polyline(HtmlBuilder html, IEnumerable<(double X, double Y)> points, bool dashed)
        => html.Empty("polyline", ("points", string.Join(" ", points.Select(p => $"{HtmlBuilder.Number(p.X)},{HtmlBuilder.Number(p.Y)}"))),
            ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.6"), ("stroke-width", "1.3"), ("stroke-dasharray", dashed ? "5 3" : null));

    /// <summary>Opens the mark of a point (its title goes inside): a circle within the limits, a triangle pointing up or down outside them.</summary>
    private static HtmlBuilder.Scope PointMark(HtmlBuilder html, FunnelClassification classification, double x, double y)
    {
        string N(double v) => HtmlBuilder.Number(v);
        var fill = Colour(classification);
        if (classification == FunnelClassification.Within)
        {
            return html.Open("circle", ("cx", N(x)), ("cy", N(y)), ("r", N(Marker)), ("fill", fill), ("fill-opacity", "0.9"),
                ("stroke", "currentColor"), ("stroke-opacity", "0.5"), ("stroke-width", "0.8"));
        }

        var up = classification is FunnelClassification.Above95 or FunnelClassification.Above998;
        var size = Marker + 1.5;
        var corners = up
            ? $"{N(x)},{N(y - size)} {N(x - size)},{N(y + (size * 0.7))} {N(x + size)},{N(y + (size * 0.7))}"
            : $"{N(x)},{N(y + size)} {N(x - size)},{N(y - (size * 0.7))} {N(x + size)},{N(y - (size * 0.7))}";
        return html.Open("polygon", ("points", corners), ("fill", fill), ("fill-opacity", "0.95"), ("stroke", "currentColor"), ("stroke-opacity", "0.5"), ("stroke-width", "0.8"));
    }

    private static string Colour(FunnelClassification classification) => classification switch
    {
        FunnelClassification.Above998 or FunnelClassification.Below998 => HtmlParts.Bad,
        FunnelClassification.Above95 or FunnelClassification.Below95 => HtmlParts.Warning,
        _ => HtmlParts.Accent,
    };

    private static void WriteLegend(HtmlBuilder html, FunnelPlot plot)
    {
        string N(double v) => HtmlBuilder.Number(v);
        var x = Right + 18;
        var y = Top + 6;
        foreach (var classification in Classes)
        {
            using (PointMark(html, classification, x, y))
            {
            }

            html.Element("text", $"{ShortPosition(classification)} ({plot.Count(classification)})", ("x", N(x + 12)), ("y", N(y + 4)), ("fill", "currentColor"), ("font-size", "11"));
            y += 20;
        }

        y += 6;
        html.Empty("line", ("x1", N(x - 7)), ("y1", N(y)), ("x2", N(x + 7)), ("y2", N(y)), ("stroke", HtmlParts.Reference), ("stroke-width", "2"));
        html.Element("text", $"target {plot.Target.FormatPercent()}", ("x", N(x + 12)), ("y", N(y + 4)), ("fill", "currentColor"), ("font-size", "11"));
        y += 20;
        html.Empty("line", ("x1", N(x - 7)), ("y1", N(y)), ("x2", N(x + 7)), ("y2", N(y)), ("stroke", "currentColor"), ("stroke-opacity", "0.6"), ("stroke-width", "1.3"), ("stroke-dasharray", "5 3"));
        html.Element("text", "95 % limits", ("x", N(x + 12)), ("y", N(y + 4)), ("fill", "currentColor"), ("font-size", "11"));
        y += 20;
        html.Empty("line", ("x1", N(x - 7)), ("y1", N(y)), ("x2", N(x + 7)), ("y2", N(y)), ("stroke", "currentColor"), ("stroke-opacity", "0.6"), ("stroke-width", "1.3"));
        html.Element("text", "99.8 % limits", ("x", N(x + 12)), ("y", N(y + 4)), ("fill", "currentColor"), ("font-size", "11"));
    }
}
