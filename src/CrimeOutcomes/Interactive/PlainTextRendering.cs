namespace CrimeOutcomes.Interactive;

/// <summary>The same content as <see cref="HtmlRendering"/>, as plain-text tables for consoles and text-only front ends.</summary>
public static class PlainTextRendering
{
    /// <summary>The dataset as a text table (the first 200 rows).</summary>
    /// <param name="data">The dataset.</param>
    public static string ToPlainText(this OutcomeDataset data) => DatasetRenderer.Text(HtmlRendering.Checked(data));

    /// <summary>The ratio with its counts, basis and coverage.</summary>
    /// <param name="ratio">The ratio.</param>
    public static string ToPlainText(this Ratio ratio) => RatioRenderer.Text(HtmlRendering.Checked(ratio));

    /// <summary>A text table of ratios.</summary>
    /// <param name="ratios">The ratios.</param>
    public static string ToPlainText(this IEnumerable<Ratio> ratios) => RatioRenderer.Text(HtmlRendering.Checked(ratios).ToArray());

    /// <summary>Both ratios of the change and the change.</summary>
    /// <param name="change">The change.</param>
    public static string ToPlainText(this RatioChange change) => RatioChangeRenderer.Text(HtmlRendering.Checked(change));

    /// <summary>A text table of changes.</summary>
    /// <param name="changes">The changes.</param>
    public static string ToPlainText(this IEnumerable<RatioChange> changes) => RatioChangeRenderer.Text(HtmlRendering.Checked(changes).ToArray());

    /// <summary>The coverage with the forces that contributed and those missing.</summary>
    /// <param name="coverage">The coverage.</param>
    public static string ToPlainText(this Coverage coverage) => CoverageRenderer.Text(HtmlRendering.Checked(coverage));

    /// <summary>The area's figures with their coverage.</summary>
    /// <param name="aggregate">The aggregate.</param>
    public static string ToPlainText(this AreaAggregate aggregate) => AreaAggregateRenderer.Text(HtmlRendering.Checked(aggregate));
}
