using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>Ratios as a table: one row per ratio with its counts, basis and coverage.</summary>
internal static class RatioRenderer
{
    private static readonly string[] Headers = ["Area", "Period", "Scope", "Ratio", "Numerator", "Denominator", "Count basis", "Coverage"];
    private static readonly string[] HeadersWithMeasure = ["Measure", .. Headers];

    public static string Html(Ratio ratio) => Html([ratio]);

    public static string Html(IReadOnlyList<Ratio> ratios) => HtmlParts.Fragment("ratios", html =>
    {
        HtmlParts.Heading(html, Title(ratios));
        if (ratios.Count == 0)
        {
            HtmlParts.Note(html, "No ratios.");
            return;
        }

        var several = SeveralMeasures(ratios);
        using (HtmlParts.Table(html))
        {
            var headers = several ? HeadersWithMeasure : Headers;
            HtmlParts.HeaderRow(html, headers, i => headers[i] is "Ratio" or "Numerator" or "Denominator");
            using (html.Open("tbody"))
            {
                foreach (var ratio in ratios)
                {
                    using (html.Open("tr"))
                    {
                        if (several)
                        {
                            HtmlParts.RowHeader(html, Describe.Name(ratio));
                        }

                        HtmlParts.RowHeader(html, Describe.AreaLabel(ratio));
                        HtmlParts.Cell(html, Describe.PeriodLabel(ratio));
                        HtmlParts.Cell(html, ratio.Key?.Scope.ToString() ?? "–");
                        HtmlParts.Cell(html, ratio.FormatPercent(), numeric: true, title: ratio.ToString());
                        HtmlParts.Cell(html, Describe.Count(ratio.Numerator), numeric: true, title: ratio.NumeratorLabel);
                        HtmlParts.Cell(html, Describe.Count(ratio.Denominator), numeric: true, title: ratio.DenominatorLabel);
                        HtmlParts.Cell(html, Describe.ShortBasis(ratio.Basis), title: Describe.Basis(ratio.Basis));
                        HtmlParts.Cell(html, ratio.Coverage.ToString());
                    }
                }
            }
        }

        HtmlParts.Note(html, Legend(ratios));
    });

    public static string Text(Ratio ratio) => Text([ratio]);

    public static string Text(IReadOnlyList<Ratio> ratios)
    {
        var text = new StringBuilder().AppendLine(Title(ratios));
        var several = SeveralMeasures(ratios);
        var table = new TextTable((several ? HeadersWithMeasure : Headers).Select(h => (h, h is "Ratio" or "Numerator" or "Denominator")).ToArray());
        foreach (var ratio in ratios)
        {
            string[] cells = [Describe.AreaLabel(ratio), Describe.PeriodLabel(ratio), ratio.Key?.Scope.ToString() ?? "–", ratio.FormatPercent(),
                Describe.Count(ratio.Numerator), Describe.Count(ratio.Denominator), Describe.ShortBasis(ratio.Basis), ratio.Coverage.ToString()];
            table.Add(several ? [Describe.Name(ratio), .. cells] : cells);
        }

        table.WriteTo(text);
        return text.AppendLine(Legend(ratios)).ToString();
    }

    /// <summary>The ratio names, once each: "withdrawal (outcome 16)".</summary>
    internal static string Title(IReadOnlyList<Ratio> ratios)
    {
        var names = ratios.Select(Describe.Name).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "Ratios" : string.Join("; ", names);
    }

    /// <summary>Whether the ratios are of more than one measure, so each row must name its own.</summary>
    internal static bool SeveralMeasures(IEnumerable<Ratio> ratios) => ratios.Select(Describe.Name).Distinct(StringComparer.Ordinal).Skip(1).Any();

    private static string Legend(IReadOnlyList<Ratio> ratios)
    {
        var parts = ratios.Select(r => $"{r.NumeratorLabel} over {r.DenominatorLabel}").Distinct(StringComparer.Ordinal);
        var undefined = ratios.Any(r => !r.IsDefined) ? " A ratio is undefined where its denominator is zero." : string.Empty;
        return $"Numerator and denominator: {string.Join("; ", parts)}.{undefined}";
    }
}
