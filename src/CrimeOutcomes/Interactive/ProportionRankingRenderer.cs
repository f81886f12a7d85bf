using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>A ranking as a table: rank (with ties), area, proportion, its interval and the plausible ranks.</summary>
internal static class ProportionRankingRenderer
{
    public static string Html(ProportionRanking ranking) => HtmlParts.Fragment("proportion-ranking", html =>
    {
        HtmlParts.Heading(html, Title(ranking));
        if (ranking.Entries.Count > 0)
        {
            var headers = Headers(ranking);
            using (HtmlParts.Table(html))
            {
                HtmlParts.HeaderRow(html, headers, i => headers[i] != "Area");
                using (html.Open("tbody"))
                {
                    foreach (var entry in ranking.Entries)
                    {
                        using (html.Open("tr"))
                        {
                            var cells = Cells(entry);
                            HtmlParts.Cell(html, cells[0], numeric: true, title: entry.IsTied ? "tied" : null);
                            HtmlParts.RowHeader(html, cells[1]);
                            HtmlParts.Cell(html, cells[2], numeric: true, title: entry.Ratio.ToString());
                            HtmlParts.Cell(html, cells[3], numeric: true, title: entry.Interval.Format(2));
                            for (var i = 4; i < cells.Length; i++)
                            {
                                HtmlParts.Cell(html, cells[i], numeric: true);
                            }
                        }
                    }
                }
            }
        }
        else
        {
            HtmlParts.Note(html, "Nothing to rank.");
        }

        if (ranking.Unranked.Count > 0)
        {
            HtmlParts.NameList(html, $"Unranked, undefined ratio ({ranking.Unranked.Count})", ranking.Unranked.Select(Describe.AreaLabel));
        }

        HtmlParts.Note(html, Legend(ranking));
    });

    public static string Text(ProportionRanking ranking)
    {
        var text = new StringBuilder().AppendLine(Title(ranking));
        var table = new TextTable(Headers(ranking).Select(h => (h, h != "Area")).ToArray());
        foreach (var entry in ranking.Entries)
        {
            table.Add(Cells(entry));
        }

        table.WriteTo(text);
        if (ranking.Unranked.Count > 0)
        {
            text.AppendLine($"Unranked, undefined ratio ({ranking.Unranked.Count}): {string.Join(", ", ranking.Unranked.Select(Describe.AreaLabel))}");
        }

        return text.AppendLine(Legend(ranking)).ToString();
    }

    private static string Title(ProportionRanking ranking)
    {
        var ratios = ranking.Entries.Select(e => e.Ratio).Concat(ranking.Unranked).ToArray();
        var periods = ratios.Select(Describe.PeriodLabel).Distinct(StringComparer.Ordinal).ToArray();
        var period = periods.Length == 1 && periods[0] != "–" ? $", {periods[0]}" : string.Empty;
        return $"{RatioRenderer.Title(ratios)}{period}, ranked {(ranking.Order == RankOrder.HighestFirst ? "highest" : "lowest")} first";
    }

    private static string[] Headers(ProportionRanking ranking)
        => ["Rank", "Area", "Ratio", ConfidenceLevels.Format(ranking.Level) + " CI", "Plausible ranks", "Numerator", "Denominator"];

    private static string[] Cells(RankedRatio entry) =>
    [
        entry.Rank + (entry.IsTied ? "=" : string.Empty),
        Describe.AreaLabel(entry.Ratio),
        entry.Ratio.FormatPercent(),
        entry.Interval.FormatBounds(),
        entry.BestPlausibleRank == entry.WorstPlausibleRank ? $"{entry.BestPlausibleRank}" : $"{entry.BestPlausibleRank}–{entry.WorstPlausibleRank}",
        Describe.Count(entry.Ratio.Numerator),
        Describe.Count(entry.Ratio.Denominator),
    ];

    private static string Legend(ProportionRanking ranking)
        => $"Rank 1 is the {(ranking.Order == RankOrder.HighestFirst ? "highest" : "lowest")} proportion; = marks a tie (equal proportions share the best rank). "
            + $"Plausible ranks: from 1 + the entries whose whole interval lies on the better side to the count less those wholly on the worse side; "
            + $"a conservative reading of overlapping {ConfidenceLevels.Format(ranking.Level)} {IntervalText.Method(ranking.Method)}s, not a simultaneous interval for the rank.";
}
