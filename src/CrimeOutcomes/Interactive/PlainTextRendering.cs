using CrimeOutcomes.Import;
using CrimeOutcomes.Statistics;

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

    /// <summary>The ratio with its confidence interval.</summary>
    /// <param name="estimate">The ratio with its interval.</param>
    public static string ToPlainText(this RatioWithInterval estimate) => RatioRenderer.Text(HtmlRendering.Checked(estimate));

    /// <summary>A text table of ratios with their confidence intervals.</summary>
    /// <param name="estimates">The ratios with their intervals.</param>
    public static string ToPlainText(this IEnumerable<RatioWithInterval> estimates) => RatioRenderer.Text(HtmlRendering.Checked(estimates).ToArray());

    /// <summary>The comparison: both ratios, the difference with its interval, z and p; or the reason it cannot be made.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string ToPlainText(this ProportionComparison comparison) => ProportionComparisonRenderer.Text(HtmlRendering.Checked(comparison));

    /// <summary>A text table of comparisons.</summary>
    /// <param name="comparisons">The comparisons.</param>
    public static string ToPlainText(this IEnumerable<ProportionComparison> comparisons) => ProportionComparisonRenderer.Text(HtmlRendering.Checked(comparisons).ToArray());

    /// <summary>The funnel plot's target, counts, dispersion and a table of its points with their limits.</summary>
    /// <param name="plot">The funnel plot.</param>
    public static string ToPlainText(this FunnelPlot plot) => FunnelPlotRenderer.Text(HtmlRendering.Checked(plot));

    /// <summary>The ranking as a text table.</summary>
    /// <param name="ranking">The ranking.</param>
    public static string ToPlainText(this ProportionRanking ranking) => ProportionRankingRenderer.Text(HtmlRendering.Checked(ranking));

    /// <summary>The verdict with its figures, difference, rule and the wording that fits.</summary>
    /// <param name="verdict">The verdict.</param>
    public static string ToPlainText(this ClaimVerdict verdict) => ClaimVerdictRenderer.Text(HtmlRendering.Checked(verdict));

    /// <summary>Each verdict in turn.</summary>
    /// <param name="verdicts">The verdicts.</param>
    public static string ToPlainText(this IEnumerable<ClaimVerdict> verdicts) => ClaimVerdictRenderer.Text(HtmlRendering.Checked(verdicts).ToArray());

    /// <summary>The import report's own text, as the command line prints it.</summary>
    /// <param name="report">The report.</param>
    public static string ToPlainText(this ImportReport report) => ImportReportRenderer.Text(HtmlRendering.Checked(report));

    /// <summary>The series' trend chart as text: the percentage of each period (or why there is none), with the footnotes.</summary>
    /// <param name="series">The series.</param>
    public static string ToPlainText(this RatioSeries series) => new TrendChart([HtmlRendering.Checked(series)]).ToPlainText();

    /// <summary>The series' trend chart as text: one row per area, one column per period, with the footnotes.</summary>
    /// <param name="series">The series.</param>
    public static string ToPlainText(this IEnumerable<RatioSeries> series) => new TrendChart(HtmlRendering.Checked(series)).ToPlainText();
}
