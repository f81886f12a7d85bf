using System.Globalization;

namespace CrimeOutcomes.Interactive;

/// <summary>The words and number formats shared by the HTML and plain-text renderings.</summary>
internal static class Describe
{
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long? count) => count is { } value ? Count(value) : "–";

    /// <summary>The ratio's numerator, or "no figure" when a figure it needs is missing.</summary>
    public static string Numerator(Ratio ratio) => ratio.HasCounts ? Count(ratio.Numerator) : NoFigure;

    /// <summary>The ratio's denominator, or "no figure" when a figure it needs is missing.</summary>
    public static string Denominator(Ratio ratio) => ratio.HasCounts ? Count(ratio.Denominator) : NoFigure;

    /// <summary>What a table shows for a figure the source does not give: never a zero.</summary>
    public const string NoFigure = "no figure";

    /// <summary>A fraction as a percentage to one decimal: 0.51 → "51.0 %".</summary>
    public static string Percent(double fraction)
        => Math.Round(fraction * 100, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture) + " %";

    /// <summary>"+4.8 pp", or "undefined".</summary>
    public static string PercentagePoints(RatioChange change) => change.PercentagePoints is { } pp
        ? RoundedText.Signed(pp) + " pp"
        : "undefined";

    /// <summary>"+10.4 %" relative change of the ratio, or null when it has none.</summary>
    public static string? Relative(RatioChange change) => change.Relative is { } relative
        ? RoundedText.Signed(relative * 100m) + " %"
        : null;

    public static string Basis(CountBasis basis) => basis switch
    {
        CountBasis.Recorded => "recorded basis: outcomes of crimes recorded in the period",
        CountBasis.Closed => "closed basis: outcomes assigned in the period",
        CountBasis.Unstated => "unstated by the source",
        _ => basis.ToDisplayName(),
    };

    public static string ShortBasis(CountBasis basis) => basis switch
    {
        CountBasis.Recorded => "recorded",
        CountBasis.Closed => "closed",
        CountBasis.Unstated => "unstated",
        _ => basis.ToDisplayName(),
    };

    /// <summary>The ratio's name: its definition's, or "outcome 16 / recorded crimes".</summary>
    public static string Name(Ratio ratio) => ratio.Definition?.Name ?? $"{ratio.NumeratorLabel} / {ratio.DenominatorLabel}";

    /// <summary>"withdrawal (outcome 16), West Mercia, 2016, Domestic abuse-related".</summary>
    public static string Subject(Ratio ratio) => ratio.Key is { } key ? $"{Name(ratio)}, {key}" : Name(ratio);

    /// <summary>The area a ratio is about, for chart labels.</summary>
    public static string AreaLabel(Ratio ratio) => ratio.Key?.Area.Name ?? ratio.Coverage.Area.Name;

    /// <summary>The period a ratio is about, or "–".</summary>
    public static string PeriodLabel(Ratio ratio) => ratio.Key?.Period.ToString() ?? "–";
}
