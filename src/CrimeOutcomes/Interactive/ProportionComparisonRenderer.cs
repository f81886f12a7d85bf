using System.Globalization;
using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// Comparisons of two proportions: both ratios with their intervals, the difference in percentage points with its
/// interval, the z-test and the relative change; or, for ratios that cannot be compared, the reason.
/// </summary>
internal static class ProportionComparisonRenderer
{
    private const string Method = "Difference: To − From, with Newcombe's hybrid score interval; test: two-proportion z-test "
        + "(pooled, no continuity correction, as R's prop.test(correct = FALSE)). Both measure chance (binomial) variation only.";

    private static readonly string[] ListHeaders = ["Area", "From", "Ratio", "To", "Ratio", "Difference", "CI", "z", "p", "Relative"];

    public static string Html(ProportionComparison comparison) => HtmlParts.Fragment("proportion-comparison", html =>
    {
        var change = new RatioChange(comparison.From, comparison.To);
        HtmlParts.Heading(html, RatioChangeRenderer.Title(change));
        HtmlParts.Labelled(html, comparison is ProportionDifference ? "Difference: " : "Not comparable: ", Summary(comparison));
        var rows = SideBySide(comparison);
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, rows.Headers, i => i > 0);
            using (html.Open("tbody"))
            {
                foreach (var row in rows.Cells)
                {
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, row[0]);
                        for (var i = 1; i < row.Length; i++)
                        {
                            HtmlParts.Cell(html, row[i], numeric: true);
                        }
                    }
                }
            }
        }

        HtmlParts.Note(html, Footnote(comparison));
    });

    public static string Text(ProportionComparison comparison)
    {
        var change = new RatioChange(comparison.From, comparison.To);
        var text = new StringBuilder()
            .AppendLine(RatioChangeRenderer.Title(change))
            .AppendLine((comparison is ProportionDifference ? "Difference: " : "Not comparable: ") + Summary(comparison));
        var rows = SideBySide(comparison);
        var table = new TextTable(rows.Headers.Select((h, i) => (h, i > 0)).ToArray());
        foreach (var row in rows.Cells)
        {
            table.Add(row);
        }

        table.WriteTo(text);
        return text.AppendLine(Footnote(comparison)).ToString();
    }

    public static string Html(IReadOnlyList<ProportionComparison> comparisons) => HtmlParts.Fragment("proportion-comparisons", html =>
    {
        HtmlParts.Heading(html, ListTitle(comparisons));
        if (comparisons.Count == 0)
        {
            HtmlParts.Note(html, "No comparisons.");
            return;
        }

        var headers = Headers(comparisons);
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => headers[i] is not ("Measure" or "Area" or "From" or "To"));
            using (html.Open("tbody"))
            {
                foreach (var comparison in comparisons)
                {
                    using (html.Open("tr"))
                    {
                        var cells = ListCells(comparison, headers[0] == "Measure");
                        var first = headers[0] == "Measure" ? 2 : 1;
                        for (var i = 0; i < first; i++)
                        {
                            HtmlParts.RowHeader(html, cells[i]);
                        }

                        for (var i = first; i < cells.Length; i++)
                        {
                            if (comparison is NotComparable && i == cells.Length - 5)
                            {
                                html.Element("td", cells[i], ("colspan", "5"));
                                break;
                            }

                            HtmlParts.Cell(html, cells[i], numeric: headers[i] is not ("From" or "To"));
                        }
                    }
                }
            }
        }

        HtmlParts.Note(html, Method);
    });

    public static string Text(IReadOnlyList<ProportionComparison> comparisons)
    {
        var text = new StringBuilder().AppendLine(ListTitle(comparisons));
        var headers = Headers(comparisons);
        var table = new TextTable(headers.Select(h => (h, h is not ("Measure" or "Area" or "From" or "To"))).ToArray());
        foreach (var comparison in comparisons)
        {
            table.Add(ListCells(comparison, headers[0] == "Measure"));
        }

        table.WriteTo(text);
        return text.AppendLine(Method).ToString();
    }

    /// <summary>"+4.8 pp (95 % CI +3.4 to +6.1 pp), significant at 95 %: z = 6.83, p &lt; 0.0001; relative +10.3 %", or the reason.</summary>
    internal static string Summary(ProportionComparison comparison) => comparison switch
    {
        ProportionDifference d => $"{Describe.PercentagePoints(d.Change)} ({d.Interval.LevelText} {d.Interval.FormatPointBounds()}), "
            + $"{Significance(d)}: z = {Z(d)}, {ProportionDifference.FormatPValue(d.PValue)}; relative {Describe.Relative(d.Change) ?? "undefined (from zero)"}",
        NotComparable n => n.Explanation,
        _ => comparison.ToString() ?? string.Empty,
    };

    /// <summary>"significant at 95 %" or "not significant at 95 %".</summary>
    internal static string Significance(ProportionDifference difference)
        => $"{(difference.IsSignificantAt(difference.Interval.Level) ? string.Empty : "not ")}significant at {ConfidenceLevels.Format(difference.Interval.Level)}";

    /// <summary>The method, with a warning when two areas might share forces unseen; or the reason, as a value.</summary>
    private static string Footnote(ProportionComparison comparison)
    {
        if (comparison is NotComparable notComparable)
        {
            return $"Reason: {notComparable.Reason}. See docs/statistics.md for when two ratios can be compared.";
        }

        var unlisted = comparison.From.Key is { } from && comparison.To.Key is { } to && from.Area != to.Area && from.Period == to.Period
            ? new[] { from.Area, to.Area }.FirstOrDefault(a => !a.IsMembershipListed)
            : null;
        return unlisted is null
            ? Method
            : $"{Method} The test assumes independent samples: {unlisted.Name} did not list its forces, so whether the two areas share forces cannot be checked, and the test is only approximate.";
    }

    private static string Z(ProportionDifference difference) => difference.ZStatistic.ToString("0.00", CultureInfo.InvariantCulture);

    private static (string[] Headers, List<string[]> Cells) SideBySide(ProportionComparison comparison)
    {
        var change = new RatioChange(comparison.From, comparison.To);
        var (fromLabel, toLabel) = RatioChangeRenderer.Labels(change);
        var from = comparison.From;
        var to = comparison.To;
        var cells = new List<string[]>();
        if (comparison is ProportionDifference d)
        {
            var level = d.Interval.Level;
            var fromInterval = from.ConfidenceInterval(level);
            var toInterval = to.ConfidenceInterval(level);
            cells.Add(["Ratio", from.FormatPercent(), to.FormatPercent(), Describe.PercentagePoints(d.Change)]);
            cells.Add([d.Interval.LevelText, fromInterval.FormatBounds(), toInterval.FormatBounds(), d.Interval.FormatPointBounds()]);
            // Between two areas in one period, the change of a count from one area to the other means nothing: left blank.
            var overTime = Describe.PeriodLabel(from) != Describe.PeriodLabel(to);
            cells.Add([RatioChangeRenderer.Capitalise(from.NumeratorLabel), Describe.Count(from.Numerator), Describe.Count(to.Numerator), overTime ? d.Change.NumeratorChange.ToString() : string.Empty]);
            cells.Add([RatioChangeRenderer.Capitalise(from.DenominatorLabel), Describe.Count(from.Denominator), Describe.Count(to.Denominator), overTime ? d.Change.DenominatorChange.ToString() : string.Empty]);
            cells.Add(["Coverage", from.Coverage.ToString(), to.Coverage.ToString(), string.Empty]);
            return (["", fromLabel, toLabel, "Difference"], cells);
        }

        cells.Add(["Ratio", from.FormatPercent(), to.FormatPercent()]);
        cells.Add(["Numerator", $"{Describe.Count(from.Numerator)} ({from.NumeratorLabel})", $"{Describe.Count(to.Numerator)} ({to.NumeratorLabel})"]);
        cells.Add(["Denominator", $"{Describe.Count(from.Denominator)} ({from.DenominatorLabel})", $"{Describe.Count(to.Denominator)} ({to.DenominatorLabel})"]);
        cells.Add(["Count basis", Describe.ShortBasis(from.Basis), Describe.ShortBasis(to.Basis)]);
        cells.Add(["Scope", from.Key?.Scope.ToString() ?? "–", to.Key?.Scope.ToString() ?? "–"]);
        cells.Add(["Coverage", from.Coverage.ToString(), to.Coverage.ToString()]);
        return (["", fromLabel, toLabel], cells);
    }

    private static string[] Headers(IReadOnlyList<ProportionComparison> comparisons)
    {
        var intervals = comparisons.OfType<ProportionDifference>().Select(d => d.Interval).ToArray();
        var headers = ListHeaders.Select(h => h == "CI" ? (intervals.Length > 0 ? IntervalText.Header(intervals) : "Interval") : h);
        return RatioRenderer.SeveralMeasures(comparisons.Select(c => c.To)) ? ["Measure", .. headers] : [.. headers];
    }

    private static string[] ListCells(ProportionComparison comparison, bool withMeasure)
    {
        var change = new RatioChange(comparison.From, comparison.To);
        string[] common = [RatioChangeRenderer.AreaOf(change), Describe.PeriodLabel(comparison.From), comparison.From.FormatPercent(), Describe.PeriodLabel(comparison.To), comparison.To.FormatPercent()];
        string[] rest = comparison is ProportionDifference d
            ? [Describe.PercentagePoints(d.Change), d.Interval.FormatPointBounds(), Z(d), ProportionDifference.FormatPValue(d.PValue)[2..].TrimStart('=', ' '), Describe.Relative(d.Change) ?? "–"]
            : ["not comparable: " + ((NotComparable)comparison).Explanation, string.Empty, string.Empty, string.Empty, string.Empty];
        return withMeasure ? [Describe.Name(comparison.To), .. common, .. rest] : [.. common, .. rest];
    }

    private static string ListTitle(IReadOnlyList<ProportionComparison> comparisons)
    {
        var names = comparisons.Select(c => Describe.Name(c.To)).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "Comparisons" : $"Comparison of {string.Join("; ", names)}";
    }
}
