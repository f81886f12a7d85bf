using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>Ratios as a table: one row per ratio with its counts, basis and coverage, and its confidence interval when it has one.</summary>
internal static class RatioRenderer
{
    public static string Html(Ratio ratio) => Html([ratio]);

    public static string Html(IReadOnlyList<Ratio> ratios) => Html(ratios, null);

    public static string Html(RatioWithInterval estimate) => Html([estimate]);

    public static string Html(IReadOnlyList<RatioWithInterval> estimates)
        => Html(estimates.Select(e => e.Ratio).ToArray(), estimates.Select(e => e.Interval).ToArray());

    public static string Text(Ratio ratio) => Text([ratio]);

    public static string Text(IReadOnlyList<Ratio> ratios) => Text(ratios, null);

    public static string Text(RatioWithInterval estimate) => Text([estimate]);

    public static string Text(IReadOnlyList<RatioWithInterval> estimates)
        => Text(estimates.Select(e => e.Ratio).ToArray(), estimates.Select(e => e.Interval).ToArray());

    /// <summary>The ratio names, once each: "withdrawal (outcome 16)".</summary>
    internal static string Title(IReadOnlyList<Ratio> ratios)
    {
        var names = ratios.Select(Describe.Name).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "Ratios" : string.Join("; ", names);
    }

    /// <summary>Whether the ratios are of more than one measure, so each row must name its own.</summary>
    internal static bool SeveralMeasures(IEnumerable<Ratio> ratios) => ratios.Select(Describe.Name).Distinct(StringComparer.Ordinal).Skip(1).Any();

    private static string Html(IReadOnlyList<Ratio> ratios, ConfidenceInterval[]? intervals) => HtmlParts.Fragment(intervals is null ? "ratios" : "ratios-with-intervals", html =>
    {
        HtmlParts.Heading(html, Title(ratios));
        if (ratios.Count == 0)
        {
            HtmlParts.Note(html, "No ratios.");
            return;
        }

        var headers = Headers(ratios, intervals);
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => IsNumeric(headers[i]));
            using (html.Open("tbody"))
            {
                for (var i = 0; i < ratios.Count; i++)
                {
                    var ratio = ratios[i];
                    using (html.Open("tr"))
                    {
                        if (headers[0] == "Measure")
                        {
                            HtmlParts.RowHeader(html, Describe.Name(ratio));
                        }

                        HtmlParts.RowHeader(html, Describe.AreaLabel(ratio));
                        HtmlParts.Cell(html, Describe.PeriodLabel(ratio));
                        HtmlParts.Cell(html, ratio.Key?.Scope.ToString() ?? "–");
                        HtmlParts.Cell(html, ratio.FormatPercent(), numeric: true, title: ratio.ToString());
                        if (intervals is not null)
                        {
                            HtmlParts.Cell(html, intervals[i].FormatBounds(), numeric: true, title: intervals[i].Format(2));
                        }

                        HtmlParts.Cell(html, Describe.Numerator(ratio), numeric: true, title: ratio.NumeratorLabel);
                        HtmlParts.Cell(html, Describe.Denominator(ratio), numeric: true, title: ratio.DenominatorLabel);
                        HtmlParts.Cell(html, Describe.ShortBasis(ratio.Basis), title: Describe.Basis(ratio.Basis));
                        HtmlParts.Cell(html, ratio.Coverage.ToString());
                    }
                }
            }
        }

        HtmlParts.Note(html, Legend(ratios, intervals));
    });

    private static string Text(IReadOnlyList<Ratio> ratios, ConfidenceInterval[]? intervals)
    {
        var text = new StringBuilder().AppendLine(Title(ratios));
        var headers = Headers(ratios, intervals);
        var table = new TextTable(headers.Select(h => (h, IsNumeric(h))).ToArray());
        for (var i = 0; i < ratios.Count; i++)
        {
            var ratio = ratios[i];
            var cells = new List<string>(headers.Length);
            if (headers[0] == "Measure")
            {
                cells.Add(Describe.Name(ratio));
            }

            cells.AddRange([Describe.AreaLabel(ratio), Describe.PeriodLabel(ratio), ratio.Key?.Scope.ToString() ?? "–", ratio.FormatPercent()]);
            if (intervals is not null)
            {
                cells.Add(intervals[i].FormatBounds());
            }

            cells.AddRange([Describe.Numerator(ratio), Describe.Denominator(ratio), Describe.ShortBasis(ratio.Basis), ratio.Coverage.ToString()]);
            table.Add([.. cells]);
        }

        table.WriteTo(text);
        return text.AppendLine(Legend(ratios, intervals)).ToString();
    }

    private static string[] Headers(IReadOnlyList<Ratio> ratios, ConfidenceInterval[]? intervals)
    {
        var headers = new List<string>();
        if (SeveralMeasures(ratios))
        {
            headers.Add("Measure");
        }

        headers.AddRange(["Area", "Period", "Scope", "Ratio"]);
        if (intervals is not null)
        {
            headers.Add(IntervalText.Header(intervals));
        }

        headers.AddRange(["Numerator", "Denominator", "Count basis", "Coverage"]);
        return [.. headers];
    }

    private static bool IsNumeric(string header) => header is not ("Measure" or "Area" or "Period" or "Scope" or "Count basis" or "Coverage");

    private static string Legend(IReadOnlyList<Ratio> ratios, ConfidenceInterval[]? intervals)
    {
        var parts = ratios.Select(r => $"{r.NumeratorLabel} over {r.DenominatorLabel}").Distinct(StringComparer.Ordinal);
        var undefined = (ratios.Any(r => r.HasCounts && !r.IsDefined) ? " A ratio is undefined where its denominator is zero." : string.Empty)
            + (ratios.Any(r => !r.HasCounts) ? " \"no figure\": a figure the ratio needs is missing from the source (never read as zero)." : string.Empty);
        var legend = $"Numerator and denominator: {string.Join("; ", parts)}.{undefined}";
        return intervals is null ? legend : $"{legend} {IntervalText.Legend(intervals)}";
    }
}
