using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>Coverage: how many forces of which area, and which forces contributed or are missing.</summary>
internal static class CoverageRenderer
{
    public static string Html(Coverage coverage) => HtmlParts.Fragment("coverage", html => Write(html, coverage, "Coverage"));

    /// <summary>Writes the coverage into a larger rendering.</summary>
    public static void Write(HtmlBuilder html, Coverage coverage, string label)
    {
        HtmlParts.Labelled(html, label + ": ", $"{Summary(coverage)} ({coverage.Area.Name})");

        if (!coverage.IsListed)
        {
            HtmlParts.Note(html, "The source published the figure for the group without naming its forces.");
            return;
        }

        if (coverage.Area is PoliceForce)
        {
            return;
        }

        if (coverage.Missing.Count > 0)
        {
            HtmlParts.NameList(html, $"Missing ({coverage.Missing.Count})", coverage.Missing.Select(f => f.Name));
        }

        HtmlParts.NameList(html, $"Contributing ({coverage.Contributing.Count})", coverage.Contributing.Select(f => f.Name));
    }

    public static string Text(Coverage coverage)
    {
        var text = new StringBuilder().AppendLine($"Coverage: {Summary(coverage)} ({coverage.Area.Name})");
        if (!coverage.IsListed)
        {
            return text.AppendLine("The source published the figure for the group without naming its forces.").ToString();
        }

        if (coverage.Area is not PoliceForce)
        {
            if (coverage.Missing.Count > 0)
            {
                text.AppendLine($"Missing ({coverage.Missing.Count}): {string.Join(", ", coverage.Missing.Select(f => f.Name))}");
            }

            text.AppendLine($"Contributing ({coverage.Contributing.Count}): {string.Join(", ", coverage.Contributing.Select(f => f.Name))}");
        }

        return text.ToString();
    }

    /// <summary>"36 of 43 forces", "1 force", with "complete" or "partial".</summary>
    private static string Summary(Coverage coverage) => coverage.Area is PoliceForce
        ? "1 force"
        : $"{coverage.ForcesCovered} of {coverage.ForcesInArea} forces, {(coverage.IsComplete ? "complete" : "partial")}";
}
