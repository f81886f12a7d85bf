using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// A dataset as a table: one row per area, period, scope and count basis, with recorded crimes and one column
/// per outcome type present. Long datasets show their first <see cref="MaxRows"/> rows and say so.
/// </summary>
internal static class DatasetRenderer
{
    public const int MaxRows = 200;

    private static readonly string[] FixedHeaders = ["Area", "Period", "Scope", "Count basis", "Recorded crimes"];

    public static string Html(OutcomeDataset data) => HtmlParts.Fragment("dataset", html =>
    {
        var (outcomes, rows) = Layout(data);
        HtmlParts.Heading(html, Summary(data));
        if (rows.Count == 0)
        {
            return;
        }

        var headers = FixedHeaders.Concat(outcomes.Select(o => o.Code)).ToArray();
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => i >= 4, i => i >= 5 ? $"Outcome {outcomes[i - 5].Code}: {outcomes[i - 5].Meaning}" : null);
            using (html.Open("tbody"))
            {
                foreach (var row in rows.Take(MaxRows))
                {
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, AreaText(row.Key));
                        HtmlParts.Cell(html, row.Key.Period.ToString());
                        HtmlParts.Cell(html, row.Key.Scope.ToString());
                        HtmlParts.Cell(html, row.Basis is { } basis ? Describe.ShortBasis(basis) : "–");
                        HtmlParts.Cell(html, Describe.Count(data.RecordedCrimesFor(row.Key)), numeric: true);
                        foreach (var outcome in outcomes)
                        {
                            HtmlParts.Cell(html, row.Basis is { } b ? Describe.Count(data.OutcomeCountFor(row.Key, b, outcome)) : "–", numeric: true);
                        }
                    }
                }
            }
        }

        HtmlParts.Note(html, Footnote(rows.Count));
    });

    public static string Text(OutcomeDataset data)
    {
        var (outcomes, rows) = Layout(data);
        var text = new StringBuilder().AppendLine(Summary(data));
        if (rows.Count == 0)
        {
            return text.ToString();
        }

        var columns = new[] { ("Area", false), ("Period", false), ("Scope", false), ("Count basis", false), ("Recorded", true) }
            .Concat(outcomes.Select(o => ("O" + o.Code, true))).ToArray();
        var table = new TextTable(columns);
        foreach (var row in rows.Take(MaxRows))
        {
            var cells = new List<string>
            {
                AreaText(row.Key), row.Key.Period.ToString(), row.Key.Scope.ToString(),
                row.Basis is { } basis ? Describe.ShortBasis(basis) : "–", Describe.Count(data.RecordedCrimesFor(row.Key)),
            };
            cells.AddRange(outcomes.Select(o => row.Basis is { } b ? Describe.Count(data.OutcomeCountFor(row.Key, b, o)) : "–"));
            table.Add([.. cells]);
        }

        table.WriteTo(text);
        return text.AppendLine(Footnote(rows.Count)).ToString();
    }

    private static (OutcomeType[] Outcomes, List<(FigureKey Key, CountBasis? Basis)> Rows) Layout(OutcomeDataset data)
    {
        var outcomes = data.OutcomeCounts.Select(f => f.Outcome).Distinct().Order().ToArray();
        var rows = new List<(FigureKey, CountBasis?)>();
        foreach (var key in data.Keys)
        {
            var bases = data.BasesFor(key);
            if (bases.Count == 0)
            {
                rows.Add((key, null));
            }

            rows.AddRange(bases.Select(b => (key, (CountBasis?)b)));
        }

        return (outcomes, rows);
    }

    private static string AreaText(FigureKey key) => OutcomeDataset.IsPublishedAggregate(key) ? key.Area.Name + " (published)" : key.Area.Name;

    private static string Summary(OutcomeDataset data)
    {
        var areas = data.Areas.Count();
        var periods = data.Periods.Count();
        return $"Outcome dataset: {Describe.Count(data.RecordedCrimes.Count)} recorded-crime figures and {Describe.Count(data.OutcomeCounts.Count)} outcome counts, "
            + $"for {Describe.Count(areas)} {(areas == 1 ? "area" : "areas")} and {Describe.Count(periods)} {(periods == 1 ? "period" : "periods")}";
    }

    private static string Footnote(int rows)
    {
        var shown = rows > MaxRows ? $"Showing the first {Describe.Count(MaxRows)} of {Describe.Count(rows)} rows. " : string.Empty;
        return shown + "Outcome columns are outcome codes; – means not reported. \"(published)\" marks a figure published for a group of forces, not summed by us.";
    }
}
