using System.Globalization;
using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>Claim verdicts: whether the wording fits, by how much, under which rule, and which wording would fit.</summary>
internal static class ClaimVerdictRenderer
{
    private const string RulesNote = "Tolerance rules: docs/statistics.md (Claim check). Values are compared exactly; rounding happens only in the wording.";

    public static string Html(ClaimVerdict verdict) => HtmlParts.Fragment("claim-verdict", html =>
    {
        HtmlParts.Heading(html, $"Claim: “{verdict.Claim.Phrase}”");
        if (verdict.Claim.Text.Trim() != verdict.Claim.Phrase)
        {
            HtmlParts.Note(html, $"In: “{verdict.Claim.Text.Trim()}”");
        }

        html.Element("div", Mark(verdict) + verdict.Explanation, ("class", verdict.Fits ? "co-fits" : "co-misfit"));
        using (HtmlParts.Table(html))
        using (html.Open("tbody"))
        {
            foreach (var (label, value) in Facts(verdict))
            {
                using (html.Open("tr"))
                {
                    HtmlParts.RowHeader(html, label);
                    HtmlParts.Cell(html, value);
                }
            }
        }

        HtmlParts.Note(html, RulesNote);
    });

    public static string Text(ClaimVerdict verdict)
    {
        var text = new StringBuilder().AppendLine($"Claim: “{verdict.Claim.Phrase}”");
        if (verdict.Claim.Text.Trim() != verdict.Claim.Phrase)
        {
            text.AppendLine($"In: “{verdict.Claim.Text.Trim()}”");
        }

        text.AppendLine(Mark(verdict) + verdict.Explanation);
        var width = Facts(verdict).Max(f => f.Label.Length);
        foreach (var (label, value) in Facts(verdict))
        {
            text.AppendLine($"{label.PadRight(width)}  {value}");
        }

        return text.ToString();
    }

    public static string Html(IReadOnlyList<ClaimVerdict> verdicts) => HtmlParts.Fragment("claim-verdicts", html =>
    {
        HtmlParts.Heading(html, "Claims checked");
        if (verdicts.Count == 0)
        {
            HtmlParts.Note(html, "No claims.");
            return;
        }

        var withNotes = verdicts.Any(v => v.Note is not null);
        string[] headers = withNotes
            ? ["Claim", "Figures", "Verdict", "Difference", "Rule", "Wording that fits", "Statistics"]
            : ["Claim", "Figures", "Verdict", "Difference", "Rule", "Wording that fits"];
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => headers[i] == "Difference");
            using (html.Open("tbody"))
            {
                foreach (var verdict in verdicts)
                {
                    using (html.Open("tr"))
                    {
                        html.Element("th", $"“{verdict.Claim.Phrase}”", ("scope", "row"), ("title", verdict.Claim.Text));
                        HtmlParts.Cell(html, verdict.Actual);
                        html.Element("td", Mark(verdict) + (verdict.Fits ? "fits" : "does not fit"), ("class", verdict.Fits ? "co-fits" : "co-misfit"), ("title", verdict.Explanation));
                        HtmlParts.Cell(html, Difference(verdict), numeric: true);
                        HtmlParts.Cell(html, verdict.Rule);
                        HtmlParts.Cell(html, Alternatives(verdict));
                        if (withNotes)
                        {
                            HtmlParts.Cell(html, verdict.Note ?? "–");
                        }
                    }
                }
            }
        }

        HtmlParts.Note(html, RulesNote);
    });

    public static string Text(IReadOnlyList<ClaimVerdict> verdicts)
    {
        var text = new StringBuilder().AppendLine("Claims checked");
        foreach (var verdict in verdicts)
        {
            text.AppendLine().Append(Text(verdict));
        }

        return text.ToString();
    }

    /// <summary>"+4.2 pp", "−0.15 (factor)", or "–" for direction claims.</summary>
    internal static string Difference(ClaimVerdict verdict)
    {
        if (verdict.Difference is not { } difference)
        {
            return "–";
        }

        var claim = verdict.Claim;
        return claim.Kind switch
        {
            ClaimKind.Multiple => RoundedText.Signed(difference, 2) + " (factor)",
            ClaimKind.ChangeBy when !claim.InPercentagePoints => RoundedText.Signed(difference) + " %",
            _ => RoundedText.Signed(difference) + " pp",
        };
    }


    private static string Mark(ClaimVerdict verdict) => verdict.Fits ? "✓ " : "✗ ";

    private static string Alternatives(ClaimVerdict verdict)
        => verdict.Alternatives.Count == 0 ? "–" : string.Join("; ", verdict.Alternatives.Select(a => $"“{a}”"));

    private static List<(string Label, string Value)> Facts(ClaimVerdict verdict)
    {
        var claim = verdict.Claim;
        var qualifier = claim.Qualifier == ClaimQualifier.None ? string.Empty : $", hedged “{ClaimCheck.Words(claim.Qualifier)}”";
        var facts = new List<(string, string)>
        {
            ("Read as", $"{claim.Kind.ToString().ToLowerInvariant()}: {claim.QuantityText}{qualifier}"),
            ("Figures", verdict.Actual),
            ("Difference", Difference(verdict)),
            ("Rule", verdict.Rule),
        };
        if (!verdict.Fits)
        {
            facts.Add(("Wording that fits", Alternatives(verdict)));
        }

        if (verdict.Note is { } note)
        {
            facts.Add(("Statistics", note));
        }

        return facts;
    }
}
