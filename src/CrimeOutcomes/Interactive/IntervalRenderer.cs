using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>A confidence interval on its own: "95 % CI 50.1 % to 51.9 % (Wilson)".</summary>
internal static class IntervalRenderer
{
    public static string Html(ConfidenceInterval interval) => HtmlParts.Fragment("confidence-interval", html =>
    {
        var label = interval.Method == IntervalMethod.NewcombeHybridScore ? interval.FormatPointBounds() : interval.FormatBounds();
        HtmlParts.Labelled(html, interval.LevelText + " ", $"{label} ({IntervalText.Method(interval.Method)})");
    });

    public static string Text(ConfidenceInterval interval)
        => (interval.Method == IntervalMethod.NewcombeHybridScore ? interval.FormatPoints() : interval.Format()) + Environment.NewLine;
}
