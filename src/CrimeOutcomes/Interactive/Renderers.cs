using CrimeOutcomes.Import;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// Every renderer, most specific first. The notebook extension registers a formatter for each type listed here,
/// so a type added here shows itself in notebooks with no change to the extension.
/// </summary>
internal static class Renderers
{
    public static IReadOnlyList<Renderer> All { get; } =
    [
        Renderer.For<IHtmlRenderable>(r => r.ToHtml(), r => r.ToPlainText()),
        Renderer.For<Ratio>(RatioRenderer.Html, RatioRenderer.Text),
        Renderer.For<RatioChange>(RatioChangeRenderer.Html, RatioChangeRenderer.Text),
        Renderer.For<Coverage>(CoverageRenderer.Html, CoverageRenderer.Text),
        Renderer.For<AreaAggregate>(AreaAggregateRenderer.Html, AreaAggregateRenderer.Text),
        Renderer.For<OutcomeDataset>(DatasetRenderer.Html, DatasetRenderer.Text),
        Renderer.For<ConfidenceInterval>(IntervalRenderer.Html, IntervalRenderer.Text),
        Renderer.For<RatioWithInterval>(RatioRenderer.Html, RatioRenderer.Text),
        Renderer.For<ProportionComparison>(ProportionComparisonRenderer.Html, ProportionComparisonRenderer.Text),
        Renderer.For<FunnelPlot>(FunnelPlotRenderer.Html, FunnelPlotRenderer.Text),
        Renderer.For<ProportionRanking>(ProportionRankingRenderer.Html, ProportionRankingRenderer.Text),
        Renderer.For<ClaimVerdict>(ClaimVerdictRenderer.Html, ClaimVerdictRenderer.Text),
        Renderer.For<ImportReport>(ImportReportRenderer.Html, ImportReportRenderer.Text),
        Renderer.For<RatioSeries>(s => s.ToHtml(), s => s.ToPlainText()),
        Renderer.For<IEnumerable<Ratio>>(r => RatioRenderer.Html(r.ToArray()), r => RatioRenderer.Text(r.ToArray())),
        Renderer.For<IEnumerable<RatioChange>>(c => RatioChangeRenderer.Html(c.ToArray()), c => RatioChangeRenderer.Text(c.ToArray())),
        Renderer.For<IEnumerable<RatioWithInterval>>(r => RatioRenderer.Html(r.ToArray()), r => RatioRenderer.Text(r.ToArray())),
        Renderer.For<IEnumerable<ProportionComparison>>(c => ProportionComparisonRenderer.Html(c.ToArray()), c => ProportionComparisonRenderer.Text(c.ToArray())),
        Renderer.For<IEnumerable<ClaimVerdict>>(v => ClaimVerdictRenderer.Html(v.ToArray()), v => ClaimVerdictRenderer.Text(v.ToArray())),
        Renderer.For<IEnumerable<RatioSeries>>(s => s.ToHtml(), s => s.ToPlainText()),
    ];

    /// <summary>The first renderer whose type <paramref name="value"/> is an instance of, or null.</summary>
    public static Renderer? Find(object value) => All.FirstOrDefault(r => r.Type.IsInstanceOfType(value));
}
