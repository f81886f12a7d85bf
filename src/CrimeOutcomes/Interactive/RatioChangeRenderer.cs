using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>Changes of a ratio between two periods (or areas): both ratios, their counts, and the change.</summary>
internal static class RatioChangeRenderer
{
    private static readonly string[] ListHeaders = ["Area", "From", "Ratio", "To", "Ratio", "Change", "Relative", "Numerator", "Denominator"];
    private static readonly string[] ListHeadersWithMeasure = ["Measure", .. ListHeaders];

    public static string Html(RatioChange change) => HtmlParts.Fragment("ratio-change", html =>
    {
        HtmlParts.Heading(html, Title(change));
        using (HtmlParts.Table(html))
        {
            var (from, to) = Labels(change);
            HtmlParts.HeaderRow(html, ["", from, to, "Change"], i => i > 0);
            using (html.Open("tbody"))
            {
                Row(html, "Ratio", change.From.FormatPercent(), change.To.FormatPercent(), ChangeText(change));
                Row(html, Capitalise(change.From.NumeratorLabel), Describe.Count(change.From.Numerator), Describe.Count(change.To.Numerator), change.NumeratorChange.ToString());
                Row(html, Capitalise(change.From.DenominatorLabel), Describe.Count(change.From.Denominator), Describe.Count(change.To.Denominator), change.DenominatorChange.ToString());
                Row(html, "Coverage", change.From.Coverage.ToString(), change.To.Coverage.ToString(), string.Empty);
            }
        }

        HtmlParts.Note(html, Footnote(change));
    });

    public static string Html(IReadOnlyList<RatioChange> changes) => HtmlParts.Fragment("ratio-changes", html =>
    {
        HtmlParts.Heading(html, ListTitle(changes));
        if (changes.Count == 0)
        {
            HtmlParts.Note(html, "No changes.");
            return;
        }

        WriteTable(html, changes);
        HtmlParts.Note(html, "Change in percentage points (pp); relative change of the ratio itself; count changes as absolute (relative).");
    });

    /// <summary>Writes the table of several changes, one row each, into a larger rendering.</summary>
    public static void WriteTable(HtmlBuilder html, IReadOnlyList<RatioChange> changes)
    {
        var several = RatioRenderer.SeveralMeasures(changes.Select(c => c.To));
        var headers = several ? ListHeadersWithMeasure : ListHeaders;
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => headers[i] is not ("Area" or "From" or "To" or "Measure"));
            using (html.Open("tbody"))
            {
                foreach (var change in changes)
                {
                    using (html.Open("tr"))
                    {
                        if (several)
                        {
                            HtmlParts.RowHeader(html, Describe.Name(change.To));
                        }

                        HtmlParts.RowHeader(html, AreaOf(change));
                        HtmlParts.Cell(html, Describe.PeriodLabel(change.From));
                        HtmlParts.Cell(html, change.From.FormatPercent(), numeric: true, title: change.From.ToString());
                        HtmlParts.Cell(html, Describe.PeriodLabel(change.To));
                        HtmlParts.Cell(html, change.To.FormatPercent(), numeric: true, title: change.To.ToString());
                        HtmlParts.Cell(html, Describe.PercentagePoints(change), numeric: true);
                        HtmlParts.Cell(html, Describe.Relative(change) ?? "–", numeric: true);
                        HtmlParts.Cell(html, change.NumeratorChange.ToString(), numeric: true, title: change.From.NumeratorLabel);
                        HtmlParts.Cell(html, change.DenominatorChange.ToString(), numeric: true, title: change.From.DenominatorLabel);
                    }
                }
            }
        }
    }

    public static string Text(RatioChange change)
    {
        var text = new StringBuilder().AppendLine(Title(change));
        var (from, to) = Labels(change);
        var table = new TextTable(("", false), (from, true), (to, true), ("Change", true));
        table.Add("Ratio", change.From.FormatPercent(), change.To.FormatPercent(), ChangeText(change));
        table.Add(Capitalise(change.From.NumeratorLabel), Describe.Count(change.From.Numerator), Describe.Count(change.To.Numerator), change.NumeratorChange.ToString());
        table.Add(Capitalise(change.From.DenominatorLabel), Describe.Count(change.From.Denominator), Describe.Count(change.To.Denominator), change.DenominatorChange.ToString());
        table.Add("Coverage", change.From.Coverage.ToString(), change.To.Coverage.ToString(), string.Empty);
        table.WriteTo(text);
        return text.AppendLine(Footnote(change)).ToString();
    }

    public static string Text(IReadOnlyList<RatioChange> changes)
    {
        var text = new StringBuilder().AppendLine(ListTitle(changes));
        var several = RatioRenderer.SeveralMeasures(changes.Select(c => c.To));
        var table = new TextTable((several ? ListHeadersWithMeasure : ListHeaders).Select(h => (h, h is not ("Area" or "From" or "To" or "Measure"))).ToArray());
        foreach (var change in changes)
        {
            string[] cells = [AreaOf(change), Describe.PeriodLabel(change.From), change.From.FormatPercent(), Describe.PeriodLabel(change.To), change.To.FormatPercent(),
                Describe.PercentagePoints(change), Describe.Relative(change) ?? "–", change.NumeratorChange.ToString(), change.DenominatorChange.ToString()];
            table.Add(several ? [Describe.Name(change.To), .. cells] : cells);
        }

        table.WriteTo(text);
        return text.ToString();
    }

    /// <summary>"withdrawal (outcome 16): West Mercia, Domestic abuse-related".</summary>
    internal static string Title(RatioChange change)
    {
        var area = AreaOf(change);
        var scope = change.To.Key?.Scope.ToString();
        return scope is null ? $"{Describe.Name(change.To)}: {area}" : $"{Describe.Name(change.To)}: {area}, {scope}";
    }

    internal static string ListTitle(IReadOnlyList<RatioChange> changes)
    {
        var names = changes.Select(c => Describe.Name(c.To)).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "Changes" : $"Change of {string.Join("; ", names)}";
    }

    /// <summary>The area of the change: one name, or "A → B" when it compares two areas.</summary>
    internal static string AreaOf(RatioChange change)
    {
        var from = Describe.AreaLabel(change.From);
        var to = Describe.AreaLabel(change.To);
        return from == to ? to : $"{from} → {to}";
    }

    /// <summary>The column labels of the two sides: their periods, or their areas when the periods are the same.</summary>
    internal static (string From, string To) Labels(RatioChange change)
    {
        var from = Describe.PeriodLabel(change.From);
        var to = Describe.PeriodLabel(change.To);
        return from == to ? (Describe.AreaLabel(change.From), Describe.AreaLabel(change.To)) : (from, to);
    }

    private static string ChangeText(RatioChange change)
        => Describe.Relative(change) is { } relative ? $"{Describe.PercentagePoints(change)} ({relative} relative)" : Describe.PercentagePoints(change);

    private static string Footnote(RatioChange change)
        => $"Count basis: {Describe.Basis(change.To.Basis)}. Percentage points (pp) are the difference of the two percentages.";

    internal static string Capitalise(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    private static void Row(HtmlBuilder html, string header, string from, string to, string change)
    {
        using (html.Open("tr"))
        {
            HtmlParts.RowHeader(html, header);
            HtmlParts.Cell(html, from, numeric: true);
            HtmlParts.Cell(html, to, numeric: true);
            HtmlParts.Cell(html, change, numeric: true);
        }
    }
}
