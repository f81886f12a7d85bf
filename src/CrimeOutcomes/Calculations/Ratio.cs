using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// An exact ratio of two counts that keeps everything needed to trust it: numerator and denominator (as
/// <see langword="long"/> counts), what each counts, the count basis, and the coverage (which forces the counts
/// cover). A zero denominator gives an explicit undefined ratio, never NaN. Rounding happens only when formatting.
/// </summary>
public sealed record Ratio
{
    /// <summary>Creates a ratio.</summary>
    /// <param name="numerator">The numerator count.</param>
    /// <param name="denominator">The denominator count; zero or more (zero makes the ratio undefined).</param>
    /// <param name="numeratorLabel">What the numerator counts ("outcome 16").</param>
    /// <param name="denominatorLabel">What the denominator counts ("recorded crimes").</param>
    /// <param name="basis">The count basis of the outcome counts involved.</param>
    /// <param name="coverage">The forces the counts cover.</param>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is negative.</exception>
    public Ratio(long numerator, long denominator, string numeratorLabel, string denominatorLabel, CountBasis basis, Coverage coverage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        ArgumentException.ThrowIfNullOrWhiteSpace(numeratorLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(denominatorLabel);
        ArgumentNullException.ThrowIfNull(coverage);
        Numerator = numerator;
        Denominator = denominator;
        NumeratorLabel = numeratorLabel;
        DenominatorLabel = denominatorLabel;
        Basis = basis;
        Coverage = coverage;
    }

    /// <summary>The numerator count.</summary>
    public long Numerator { get; }

    /// <summary>The denominator count.</summary>
    public long Denominator { get; }

    /// <summary>What the numerator counts ("outcome 16").</summary>
    public string NumeratorLabel { get; }

    /// <summary>What the denominator counts ("recorded crimes").</summary>
    public string DenominatorLabel { get; }

    /// <summary>The count basis of the outcome counts.</summary>
    public CountBasis Basis { get; }

    /// <summary>Which forces the numerator and denominator cover.</summary>
    public Coverage Coverage { get; }

    /// <summary>The area, period and scope the ratio is about, when it was calculated from a dataset.</summary>
    public FigureKey? Key { get; init; }

    /// <summary>The definition it was calculated from, when calculated by an <see cref="OutcomeRatioCalculator"/>.</summary>
    public RatioDefinition? Definition { get; init; }

    /// <summary>False when the denominator is zero: the ratio has no value.</summary>
    public bool IsDefined => Denominator != 0;

    /// <summary>The ratio as a decimal fraction (0.51 for 51 %), exact to 28 significant digits; null when undefined.</summary>
    public decimal? Value => IsDefined ? (decimal)Numerator / Denominator : null;

    /// <summary>The ratio in per cent (51.0 for 51 %), unrounded; null when undefined.</summary>
    public decimal? Percent => IsDefined ? (decimal)Numerator * 100m / Denominator : null;

    /// <summary>The ratio as a double, for statistics and charts.</summary>
    /// <exception cref="InvalidOperationException">The ratio is undefined (zero denominator).</exception>
    public double ToDouble() => IsDefined
        ? (double)Numerator / Denominator
        : throw new InvalidOperationException($"The ratio {Numerator:N0} / 0 ({NumeratorLabel} over {DenominatorLabel}) is undefined: its denominator is zero.");

    /// <summary>The percentage rounded (half away from zero) to <paramref name="decimals"/> places: "51.0 %", or "undefined" when the denominator is zero.</summary>
    /// <param name="decimals">Decimal places, 0 to 10.</param>
    public string FormatPercent(int decimals = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        return Percent is { } percent
            ? Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %"
            : "undefined";
    }

    /// <summary>"5,523 / 10,829 = 51.0 %", or "0 / 0 = undefined (zero denominator)".</summary>
    /// <param name="decimals">Decimal places of the percentage.</param>
    public string Format(int decimals = 1)
    {
        var counts = string.Create(CultureInfo.InvariantCulture, $"{Numerator:N0} / {Denominator:N0}");
        return IsDefined ? $"{counts} = {FormatPercent(decimals)}" : $"{counts} = undefined (zero denominator)";
    }

    /// <summary>The counts and the percentage to one decimal place: "5,523 / 10,829 = 51.0 %".</summary>
    public override string ToString() => Format();
}
