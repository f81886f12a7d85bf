using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// A ratio compared across forces: a horizontal bar per force, a vertical line at the reference (national)
/// ratio, and a whisker per force where an interval is given. Renders as a table of the figures under an
/// inline SVG chart.
/// </summary>
/// <example>
/// <code>
/// var byForce = calculator.ByForce(data, RatioDefinition.Withdrawal, registry.EnglandAndWales, year, scope);
/// var national = calculator.Calculate(data, RatioDefinition.Withdrawal, registry.EnglandAndWales, year, scope);
/// new RatioByForceChart(byForce, national)   // shows as a chart in a notebook
/// </code>
/// </example>
public sealed class RatioByForceChart : IHtmlRenderable
{
    private const double Width = 680;
    private const double BarHeight = 16;
    private const double RowGap = 6;
    private const double Top = 34;
    private const double AxisHeight = 30;
    private const double ValueWidth = 64;
    private const double CharWidth = 7;
    private const double MaxLabelWidth = 260;

    private readonly Interval?[] _intervals;
    private readonly string _intervalNote = "Whiskers: the intervals supplied with the ratios.";

    /// <summary>A chart of <paramref name="ratios"/>, one bar each, with an optional reference line.</summary>
    /// <param name="ratios">The ratios, typically one per force from <see cref="OutcomeRatioCalculator.ByForce"/>.</param>
    /// <param name="reference">The ratio to draw as a line across the bars (the national figure), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ratios"/> is null or holds null.</exception>
    public RatioByForceChart(IEnumerable<Ratio> ratios, Ratio? reference = null)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        Ratios = ratios.ToArray();
        if (Ratios.Any(r => r is null))
        {
            throw new ArgumentNullException(nameof(ratios), "The list of ratios holds a null.");
        }

        Reference = reference;
        _intervals = new Interval?[Ratios.Count];
    }

    private RatioByForceChart(RatioByForceChart chart, Interval?[] intervals, string? note = null)
    {
        _intervalNote = note ?? _intervalNote;
        Ratios = chart.Ratios;
        Reference = chart.Reference;
        Title = chart.Title;
        OrderByValue = chart.OrderByValue;
        _intervals = intervals;
    }

    /// <summary>The ratios, in the order given.</summary>
    public IReadOnlyList<Ratio> Ratios { get; }

    /// <summary>The reference ratio drawn as a line, or null.</summary>
    public Ratio? Reference { get; }

    /// <summary>The chart's title; by default the ratio's name and period.</summary>
    public string? Title { get; init; }

    /// <summary>Whether bars are sorted from the highest ratio down (the default) rather than kept in the order given.</summary>
    public bool OrderByValue { get; init; } = true;

    /// <summary>
    /// The same chart with an interval for each ratio that <paramref name="interval"/> gives one for: lower and upper
    /// bounds as fractions (0.47 for 47 %), as any interval method computes them.
    /// </summary>
    /// <param name="interval">The bounds for a ratio, or null to draw no whisker for it.</param>
    /// <exception cref="ArgumentException">A bound is not finite, or a lower bound exceeds its upper bound.</exception>
    public RatioByForceChart WithIntervals(Func<Ratio, (double Lower, double Upper)?> interval)
        => new(this, Interval.ForEach(Ratios, interval));

    /// <summary>
    /// The same chart with a whisker for the confidence interval of each ratio's proportion (none for an undefined
    /// ratio or one above 100 %).
    /// </summary>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1) or the method is not for a single proportion.</exception>
    public RatioByForceChart WithConfidenceIntervals(double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
    {
        var intervals = Interval.Confidence(Ratios, level, method);
        return new(this, intervals, Interval.ConfidenceNote(level, method, intervals.Any(i => i is null)));
    }

    /// <summary>The interval given for the ratio at <paramref name="index"/> of <see cref="Ratios"/>, or null.</summary>
    /// <param name="index">The index in <see cref="Ratios"/>.</param>
    public (double Lower, double Upper)? IntervalAt(int index) => _intervals[index] is { } i ? (i.Lower, i.Upper) : null;

    /// <inheritdoc/>
    public string ToHtml() => HtmlParts.Fragment("ratio-by-force-chart", html =>
    {
        HtmlParts.Heading(html, ChartTitle);
        WriteSvg(html);
        HtmlParts.Note(html, Notes());
        using (HtmlParts.Details(html, "Figures"))
        {
            WriteTable(html);
        }
    });

    /// <inheritdoc/>
    public string ToPlainText()
    {
        var rows = Rows();
        var text = new StringBuilder().AppendLine(ChartTitle);
        var scale = new PercentScale(Largest(rows), 40);
        var labelWidth = rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max();
        int? line = Reference is { IsDefined: true } reference ? Math.Min(39, (int)Math.Round(scale.Position(reference.ToDouble()))) : null;
        foreach (var row in rows)
        {
            var bar = new string(' ', 40).ToCharArray();
            var length = row.Ratio.IsDefined ? (int)Math.Round(scale.Position(row.Ratio.ToDouble())) : 0;
            Array.Fill(bar, '#', 0, Math.Min(length, bar.Length));
            if (line is { } at)
            {
                bar[at] = '|';
            }

            var interval = row.Interval is { } i ? " " + i : string.Empty;
            text.AppendLine($"{row.Label.PadRight(labelWidth)}  {new string(bar)}  {row.Ratio.FormatPercent()}{interval}");
        }

        return text.AppendLine(Notes()).ToString();
    }

    /// <summary>The title.</summary>
    public override string ToString() => ChartTitle;

    private string ChartTitle => Title ?? DefaultTitle();

    private string DefaultTitle()
    {
        var all = Reference is null ? Ratios : Ratios.Append(Reference).ToArray();
        var periods = all.Select(Describe.PeriodLabel).Distinct(StringComparer.Ordinal).ToArray();
        var name = RatioRenderer.Title(all);
        return periods.Length == 1 && periods[0] != "–" ? $"{name}, {periods[0]}, by force" : $"{name}, by force";
    }

    private List<(string Label, Ratio Ratio, Interval? Interval)> Rows()
    {
        var rows = Ratios.Select((r, i) => (Label: Describe.AreaLabel(r), Ratio: r, Interval: _intervals[i])).ToList();
        return OrderByValue
            ? [.. rows.OrderByDescending(r => r.Ratio.IsDefined).ThenByDescending(r => r.Ratio.IsDefined ? r.Ratio.Value : 0).ThenBy(r => r.Label, StringComparer.Ordinal)]
            : rows;
    }

    private double Largest(List<(string Label, Ratio Ratio, Interval? Interval)> rows)
    {
        var values = rows.Where(r => r.Ratio.IsDefined).Select(r => r.Ratio.ToDouble())
            .Concat(rows.Where(r => r.Interval is not null).Select(r => r.Interval!.Value.Upper));
        if (Reference is { IsDefined: true })
        {
            values = values.Append(Reference.ToDouble());
        }

        return values.DefaultIfEmpty(0).Max();
    }

    private void WriteSvg(HtmlBuilder html)
    {
        var rows = Rows();
        var labelWidth = Math.Min(MaxLabelWidth, (rows.Select(r => r.Label.Length).DefaultIfEmpty(4).Max() * CharWidth) + 12);
        var plotWidth = Width - labelWidth - ValueWidth;
        var plotHeight = Math.Max(1, rows.Count) * (BarHeight + RowGap);
        var height = Top + plotHeight + AxisHeight;
        var scale = new PercentScale(Largest(rows), plotWidth);
        var left = labelWidth;
        string N(double v) => HtmlBuilder.Number(v);

        using (html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", N(Width)), ("height", N(height)),
            ("viewBox", $"0 0 {N(Width)} {N(height)}"), ("role", "img"), ("aria-label", ChartTitle),
            ("font-family", "system-ui, sans-serif"), ("font-size", "12")))
        {
            html.Element("title", ChartTitle);

            // Grid and axis, in the text colour at low opacity so they read on light and dark themes.
            foreach (var tick in scale.Ticks())
            {
                var x = left + scale.PositionOfPercent(tick);
                html.Empty("line", ("x1", N(x)), ("y1", N(Top - 4)), ("x2", N(x)), ("y2", N(Top + plotHeight)),
                    ("stroke", "currentColor"), ("stroke-opacity", "0.15"));
                html.Element("text", PercentScale.TickLabel(tick), ("x", N(x)), ("y", N(Top + plotHeight + 16)), ("text-anchor", "middle"),
                    ("fill", "currentColor"), ("fill-opacity", "0.8"));
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var (label, ratio, interval) = rows[i];
                var y = Top + (i * (BarHeight + RowGap));
                var middle = y + (BarHeight / 2);
                html.Element("text", Shorten(label, (int)((MaxLabelWidth - 12) / CharWidth)), ("x", N(left - 8)), ("y", N(middle + 4)), ("text-anchor", "end"), ("fill", "currentColor"));
                if (!ratio.IsDefined)
                {
                    html.Element("text", "undefined (zero denominator)", ("x", N(left + 4)), ("y", N(middle + 4)), ("fill", "currentColor"), ("fill-opacity", "0.7"));
                    continue;
                }

                var width = scale.Position(ratio.ToDouble());
                using (html.Open("rect", ("x", N(left)), ("y", N(y)), ("width", N(width)), ("height", N(BarHeight)),
                    ("fill", HtmlParts.Accent), ("fill-opacity", "0.85")))
                {
                    html.Element("title", $"{label}: {ratio}{(interval is { } t ? " " + t : string.Empty)}");
                }

                if (interval is { } whisker)
                {
                    var x1 = left + scale.Position(whisker.Lower);
                    var x2 = left + scale.Position(whisker.Upper);
                    html.Empty("line", ("x1", N(x1)), ("y1", N(middle)), ("x2", N(x2)), ("y2", N(middle)), ("stroke", "currentColor"), ("stroke-width", "1.5"));
                    html.Empty("line", ("x1", N(x1)), ("y1", N(middle - 5)), ("x2", N(x1)), ("y2", N(middle + 5)), ("stroke", "currentColor"), ("stroke-width", "1.5"));
                    html.Empty("line", ("x1", N(x2)), ("y1", N(middle - 5)), ("x2", N(x2)), ("y2", N(middle + 5)), ("stroke", "currentColor"), ("stroke-width", "1.5"));
                }

                var valueX = left + Math.Max(width, interval is { } w ? scale.Position(w.Upper) : 0) + 4;
                html.Element("text", ratio.FormatPercent(), ("x", N(Math.Min(valueX, Width - ValueWidth + 4))), ("y", N(middle + 4)), ("fill", "currentColor"));
            }

            if (Reference is { IsDefined: true } reference)
            {
                var x = left + scale.Position(reference.ToDouble());
                html.Empty("line", ("x1", N(x)), ("y1", N(Top - 6)), ("x2", N(x)), ("y2", N(Top + plotHeight)),
                    ("stroke", HtmlParts.Reference), ("stroke-width", "2"), ("stroke-dasharray", "5 3"));
                html.Element("text", $"{Describe.AreaLabel(reference)} {reference.FormatPercent()}", ("x", N(x)), ("y", N(Top - 12)),
                    ("text-anchor", x > left + (plotWidth * 0.7) ? "end" : "middle"), ("fill", HtmlParts.Reference), ("font-weight", "600"));
            }
        }
    }

    /// <summary>A label cut to <paramref name="length"/> characters with an ellipsis (the full name stays in the tooltip and the table).</summary>
    internal static string Shorten(string label, int length) => label.Length <= length ? label : string.Concat(label.AsSpan(0, length - 1), "…");

    private string Notes()
    {
        var text = new StringBuilder();
        if (Reference is { } reference)
        {
            text.Append($"Line: {Describe.AreaLabel(reference)}, {reference} ({reference.Coverage}). ");
        }

        if (_intervals.Any(i => i is not null))
        {
            text.Append(_intervalNote).Append(' ');
        }

        var bases = Ratios.Select(r => r.Basis).Distinct().ToArray();
        text.Append(bases.Length switch
        {
            0 => string.Empty,
            1 => $"Count basis: {Describe.Basis(bases[0])}.",
            _ => "Count bases differ between ratios.",
        });
        return text.ToString().TrimEnd();
    }

    private void WriteTable(HtmlBuilder html)
    {
        var rows = Rows();
        var withIntervals = rows.Any(r => r.Interval is not null);
        string[] headers = withIntervals ? ["Area", "Ratio", "Interval", "Numerator", "Denominator", "Coverage"] : ["Area", "Ratio", "Numerator", "Denominator", "Coverage"];
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => headers[i] is "Ratio" or "Interval" or "Numerator" or "Denominator");
            using (html.Open("tbody"))
            {
                foreach (var (label, ratio, interval) in rows)
                {
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, label);
                        HtmlParts.Cell(html, ratio.FormatPercent(), numeric: true);
                        if (withIntervals)
                        {
                            HtmlParts.Cell(html, interval?.ToString() ?? "–", numeric: true);
                        }

                        HtmlParts.Cell(html, Describe.Numerator(ratio), numeric: true, title: ratio.NumeratorLabel);
                        HtmlParts.Cell(html, Describe.Denominator(ratio), numeric: true, title: ratio.DenominatorLabel);
                        HtmlParts.Cell(html, ratio.Coverage.ToString());
                    }
                }
            }
        }
    }
}
