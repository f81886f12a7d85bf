using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>An area's figures: recorded crimes and outcome counts, each with the forces they cover.</summary>
internal static class AreaAggregateRenderer
{
    public static string Html(AreaAggregate aggregate) => HtmlParts.Fragment("area-aggregate", html =>
    {
        HtmlParts.Heading(html, aggregate.Key.ToString());
        HtmlParts.Note(html, $"{Source(aggregate)}; count basis of the outcomes: {Describe.Basis(aggregate.Basis)}.");
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, ["Figure", "Outcome group", "Count"], i => i == 2);
            using (html.Open("tbody"))
            {
                using (html.Open("tr"))
                {
                    HtmlParts.RowHeader(html, "Recorded crimes");
                    HtmlParts.Cell(html, string.Empty);
                    HtmlParts.Cell(html, Describe.Count(aggregate.RecordedCrimes), numeric: true);
                }

                foreach (var (outcome, count) in aggregate.OutcomeCounts.OrderBy(p => p.Key))
                {
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, Capitalised(outcome));
                        HtmlParts.Cell(html, outcome.Group.ShortName, title: outcome.Group.Name);
                        HtmlParts.Cell(html, Describe.Count(count), numeric: true, title: outcome.Meaning);
                    }
                }
            }
        }

        CoverageRenderer.Write(html, aggregate.RecordedCrimesCoverage, "Recorded crimes cover");
        CoverageRenderer.Write(html, aggregate.OutcomeCountsCoverage, "Outcome counts cover");
    });

    public static string Text(AreaAggregate aggregate)
    {
        var text = new StringBuilder().AppendLine(aggregate.Key.ToString());
        text.AppendLine($"{Source(aggregate)}; count basis of the outcomes: {Describe.Basis(aggregate.Basis)}.");
        var table = new TextTable(("Figure", false), ("Outcome group", false), ("Count", true));
        table.Add("Recorded crimes", string.Empty, Describe.Count(aggregate.RecordedCrimes));
        foreach (var (outcome, count) in aggregate.OutcomeCounts.OrderBy(p => p.Key))
        {
            table.Add(Capitalised(outcome), outcome.Group.ShortName, Describe.Count(count));
        }

        table.WriteTo(text);
        text.Append("Recorded crimes cover: ").Append(CoverageRenderer.Text(aggregate.RecordedCrimesCoverage)["Coverage: ".Length..]);
        text.Append("Outcome counts cover: ").Append(CoverageRenderer.Text(aggregate.OutcomeCountsCoverage)["Coverage: ".Length..]);
        return text.ToString();
    }

    private static string Source(AreaAggregate aggregate) => aggregate.IsComputed
        ? "Sums over the forces that have figures"
        : aggregate.Key.Area is PoliceForce ? "The force's own figures" : "The figures published for the area";

    private static string Capitalised(OutcomeType outcome) => "Outcome " + outcome.Code;
}
