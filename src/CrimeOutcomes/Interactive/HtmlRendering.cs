using CrimeOutcomes.Import;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// Self-contained HTML for the results a notebook user looks at: tables, with no script and no external
/// resource, readable in light and dark themes. Charts are <see cref="RatioByForceChart"/>, <see cref="YearOnYearChart"/>, <see cref="TrendChart"/> and <see cref="TrendSmallMultiples"/>.
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

    /// <summary>The ratio with its confidence interval, its counts, basis and coverage.</summary>
    /// <param name="estimate">The ratio with its interval (<c>ratio.WithConfidenceInterval()</c>).</param>
    public static string ToHtml(this RatioWithInterval estimate) => RatioRenderer.Html(Checked(estimate));

    /// <summary>A table of ratios with their confidence intervals, one row each.</summary>
    /// <param name="estimates">The ratios with their intervals (<c>ratios.WithConfidenceIntervals()</c>).</param>
    public static string ToHtml(this IEnumerable<RatioWithInterval> estimates) => RatioRenderer.Html(Checked(estimates).ToArray());

    /// <summary>Both ratios with their intervals and the difference with its interval, z and p; or why they cannot be compared.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string ToHtml(this ProportionComparison comparison) => ProportionComparisonRenderer.Html(Checked(comparison));

    /// <summary>A table of comparisons, one row each.</summary>
    /// <param name="comparisons">The comparisons.</param>
    public static string ToHtml(this IEnumerable<ProportionComparison> comparisons) => ProportionComparisonRenderer.Html(Checked(comparisons).ToArray());

    /// <summary>The funnel plot as an inline SVG chart (log denominator axis, target line, 95 % and 99.8 % limits, points by position, legend) above a table of the points.</summary>
    /// <param name="plot">The funnel plot.</param>
    public static string ToHtml(this FunnelPlot plot) => FunnelPlotRenderer.Html(Checked(plot));

    /// <summary>The ranking: rank (with ties), proportion, interval and plausible ranks of each entry.</summary>
    /// <param name="ranking">The ranking.</param>
    public static string ToHtml(this ProportionRanking ranking) => ProportionRankingRenderer.Html(Checked(ranking));

    /// <summary>The verdict: fits or not, the figures, the difference, the rule and the wording that fits.</summary>
    /// <param name="verdict">The verdict.</param>
    public static string ToHtml(this ClaimVerdict verdict) => ClaimVerdictRenderer.Html(Checked(verdict));

    /// <summary>A table of verdicts, one row each.</summary>
    /// <param name="verdicts">The verdicts.</param>
    public static string ToHtml(this IEnumerable<ClaimVerdict> verdicts) => ClaimVerdictRenderer.Html(Checked(verdicts).ToArray());

    /// <summary>What an import did with every row: read, kept, filtered, rejected and set aside per file, whether they reconcile, with the names set aside, unknown names and rejected rows.</summary>
    /// <param name="report">The report.</param>
    public static string ToHtml(this ImportReport report) => ImportReportRenderer.Html(Checked(report));

    /// <summary>The series as a <see cref="TrendChart"/>: its line over the periods (gaps where there is no ratio), the framework changes and known issues on the time axis, and a table of the figures.</summary>
    /// <param name="series">The series.</param>
    public static string ToHtml(this RatioSeries series) => new TrendChart([Checked(series)]).ToHtml();

    /// <summary>The series as one <see cref="TrendChart"/>: a line each (any series of a group of forces thick, up to eight forces in colour, more in grey), and a table of the figures.</summary>
    /// <param name="series">The series.</param>
    public static string ToHtml(this IEnumerable<RatioSeries> series) => new TrendChart(Checked(series)).ToHtml();

    internal static T Checked<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
