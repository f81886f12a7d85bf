namespace CrimeOutcomes.Interactive;

/// <summary>
/// The entry point of the notebook extension: which types CrimeOutcomes renders, and their HTML and plain text.
/// The package's <c>interactive-extensions/dotnet/extension.dib</c> registers a .NET Interactive formatter for each
/// of <see cref="FormattedTypes"/> that calls <see cref="ToHtml"/> or <see cref="ToPlainText"/>, so that
/// <c>#r "nuget: CrimeOutcomes"</c> is all a notebook needs. The library itself does not depend on .NET Interactive.
/// </summary>
public static class NotebookFormatting
{
    /// <summary>
    /// The types with a rendering: <see cref="IHtmlRenderable"/> (charts and any future renderable result),
    /// <see cref="Ratio"/>, <see cref="RatioChange"/>, <see cref="Coverage"/>, <see cref="AreaAggregate"/>,
    /// <see cref="OutcomeDataset"/>; the statistics' <see cref="Statistics.ConfidenceInterval"/>,
    /// <see cref="Statistics.RatioWithInterval"/>, <see cref="Statistics.ProportionComparison"/>,
    /// <see cref="Statistics.FunnelPlot"/>, <see cref="Statistics.ProportionRanking"/> and
    /// <see cref="Statistics.ClaimVerdict"/>; the importer's <see cref="Import.ImportReport"/>; a <see cref="RatioSeries"/> (as a trend chart); and sequences of ratios, ratio changes, ratios with intervals,
    /// comparisons, claim verdicts or series.
    /// </summary>
    public static IReadOnlyList<Type> FormattedTypes { get; } = Renderers.All.Select(r => r.Type).ToArray();

    /// <summary>Whether <paramref name="value"/> has a rendering.</summary>
    /// <param name="value">Any value.</param>
    public static bool CanFormat(object? value) => value is not null && Renderers.Find(value) is not null;

    /// <summary>The self-contained HTML of <paramref name="value"/>.</summary>
    /// <param name="value">A value of one of <see cref="FormattedTypes"/>.</param>
    /// <exception cref="ArgumentException">The value's type has no rendering.</exception>
    public static string ToHtml(object value) => Require(value).Html(value);

    /// <summary>The plain text of <paramref name="value"/>.</summary>
    /// <param name="value">A value of one of <see cref="FormattedTypes"/>.</param>
    /// <exception cref="ArgumentException">The value's type has no rendering.</exception>
    public static string ToPlainText(object value) => Require(value).Text(value);

    private static Renderer Require(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Renderers.Find(value)
            ?? throw new ArgumentException($"CrimeOutcomes has no rendering for {value.GetType().FullName}; it renders {string.Join(", ", FormattedTypes.Select(t => t.Name))}.", nameof(value));
    }
}
