using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>A ranking as a table: rank (with ties), area, proportion, its interval and the plausible ranks.</summary>
internal static class ProportionRankingRenderer
{
    private const double Width = 680;
    private const double RowHeight = 16;
    private const double Top = 8;
    private const double AxisHeight = 24;
    private const double ValueWidth = 56;
    private const double CharWidth = 7;
    private const double MaxLabelWidth = 220;

    public static string Html(ProportionRanking ranking) => HtmlParts.Fragment("proportion-ranking", html =>
    {
        HtmlParts.Heading(html, Title(ranking));
        if (ranking.Entries.Count > 0)
        {
            WriteSvg(html, ranking);
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

    /// <summary>
    /// An interval plot in rank order: each entry's proportion as a dot with its interval as a line, on an axis zoomed
    /// to the intervals, so that overlapping intervals (ranks that mean little) show at a glance.
    /// </summary>
    private static void WriteSvg(HtmlBuilder html, ProportionRanking ranking)
    {
        string N(double v) => HtmlBuilder.Number(v);
        var entries = ranking.Entries;
        var labels = entries.Select(e => $"{Cells(e)[0]}  {Describe.AreaLabel(e.Ratio)}").ToArray();
        var labelWidth = Math.Min(MaxLabelWidth, (labels.Max(l => l.Length) * CharWidth) + 12);
        var left = labelWidth;
        var right = Width - ValueWidth;
        var bottom = Top + (entries.Count * RowHeight);
        var height = bottom + AxisHeight;
        var (low, high, step) = PercentScale.RoundRange(entries.Min(e => e.Interval.Lower), entries.Max(e => e.Interval.Upper));
        double X(double fraction) => left + ((fraction - low) / (high - low) * (right - left));
        var title = Title(ranking);

        using (html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", N(Width)), ("height", N(height)),
            ("viewBox", $"0 0 {N(Width)} {N(height)}"), ("role", "img"), ("aria-label", title),
            ("font-family", "system-ui, sans-serif"), ("font-size", "12")))
        {
            html.Element("title", title);
            for (var tick = low; tick <= high + (step / 1000); tick += step)
            {
                html.Empty("line", ("x1", N(X(tick))), ("y1", N(Top)), ("x2", N(X(tick))), ("y2", N(bottom)), ("stroke", "currentColor"), ("stroke-opacity", "0.15"));
                html.Element("text", PercentScale.TickLabel(Math.Round(tick * 100, 6)), ("x", N(X(tick))), ("y", N(bottom + 16)), ("text-anchor", "middle"),
                    ("fill", "currentColor"), ("fill-opacity", "0.8"));
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var middle = Top + (i * RowHeight) + (RowHeight / 2);
                html.Element("text", RatioByForceChart.Shorten(labels[i], (int)((MaxLabelWidth - 12) / CharWidth)), ("x", N(left - 8)), ("y", N(middle + 4)),
                    ("text-anchor", "end"), ("fill", "currentColor"));
                html.Empty("line", ("x1", N(X(entry.Interval.Lower))), ("y1", N(middle)), ("x2", N(X(entry.Interval.Upper))), ("y2", N(middle)),
                    ("stroke", "currentColor"), ("stroke-width", "1.5"));
                using (html.Open("circle", ("cx", N(X(entry.Ratio.ToDouble()))), ("cy", N(middle)), ("r", "3.5"), ("fill", HtmlParts.Accent)))
                {
                    html.Element("title", entry.ToString());
                }

                html.Element("text", entry.Ratio.FormatPercent(), ("x", N(right + 6)), ("y", N(middle + 4)), ("fill", "currentColor"));
            }
        }
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
        Describe.Numerator(entry.Ratio),
        Describe.Denominator(entry.Ratio),
    ];

    private static string Legend(ProportionRanking ranking)
        => $"Rank 1 is the {(ranking.Order == RankOrder.HighestFirst ? "highest" : "lowest")} proportion; = marks a tie (equal proportions share the best rank). "
            + $"Plausible ranks: from 1 + the entries whose whole interval lies on the better side to the count less those wholly on the worse side; "
            + $"a conservative reading of overlapping {ConfidenceLevels.Format(ranking.Level)} {IntervalText.Method(ranking.Method)}s, not a simultaneous interval for the rank.";
}
