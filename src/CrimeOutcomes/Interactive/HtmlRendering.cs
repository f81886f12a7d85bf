namespace CrimeOutcomes.Interactive;

/// <summary>
/// Self-contained HTML for the results a notebook user looks at: tables, with no script and no external
/// resource, readable in light and dark themes. Charts are <see cref="RatioByForceChart"/> and <see cref="YearOnYearChart"/>.
/// </summary>
public static class HtmlRendering
{
    /// <summary>A table of the dataset: recorded crimes and one column per outcome type, one row per area, period, scope and basis (the first 200 rows).</summary>
    /// <param name="data">The dataset (use <see cref="OutcomeDatasetSlicing.Slice"/> for part of it).</param>
    public static string ToHtml(this OutcomeDataset data) => DatasetRenderer.Html(Checked(data));

    /// <summary>The ratio with its numerator, denominator, count basis and coverage.</summary>
    /// <param name="ratio">The ratio.</param>
    public static string ToHtml(this Ratio ratio) => RatioRenderer.Html(Checked(ratio));

    /// <summary>A table of ratios, one row each.</summary>
    /// <param name="ratios">The ratios.</param>
    public static string ToHtml(this IEnumerable<Ratio> ratios) => RatioRenderer.Html(Checked(ratios).ToArray());

    /// <summary>Both ratios of the change, their counts, and the change in percentage points and counts.</summary>
    /// <param name="change">The change.</param>
    public static string ToHtml(this RatioChange change) => RatioChangeRenderer.Html(Checked(change));

    /// <summary>A table of changes, one row each.</summary>
    /// <param name="changes">The changes.</param>
    public static string ToHtml(this IEnumerable<RatioChange> changes) => RatioChangeRenderer.Html(Checked(changes).ToArray());

    /// <summary>How many forces of which area, with the forces that contributed and those missing.</summary>
    /// <param name="coverage">The coverage.</param>
    public static string ToHtml(this Coverage coverage) => CoverageRenderer.Html(Checked(coverage));

    /// <summary>The area's recorded crimes and outcome counts, each with its coverage.</summary>
    /// <param name="aggregate">The aggregate.</param>
    public static string ToHtml(this AreaAggregate aggregate) => AreaAggregateRenderer.Html(Checked(aggregate));

    internal static T Checked<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
