using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// An exact ratio of two counts that keeps everything needed to trust it: numerator and denominator (as
/// <see langword="long"/> counts), what each counts, the count basis, and the coverage (which forces the counts
/// cover). A zero denominator gives an explicit undefined ratio, never NaN. A ratio whose numerator or denominator
/// has no figure in the source is undefined too, and says which figures are missing and why
/// (<see cref="MissingFigures"/>): it has no counts at all, never zeros. Rounding happens only when formatting.
/// </summary>
public sealed record Ratio
{
    private readonly long _numerator;
    private readonly long _denominator;

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
        _numerator = numerator;
        _denominator = denominator;
        NumeratorLabel = numeratorLabel;
        DenominatorLabel = denominatorLabel;
        Basis = basis;
        Coverage = coverage;
        MissingFigures = [];
    }

    private Ratio(IReadOnlyList<MissingFigure> missing, string numeratorLabel, string denominatorLabel, CountBasis basis, Coverage coverage)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentException.ThrowIfNullOrWhiteSpace(numeratorLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(denominatorLabel);
        ArgumentNullException.ThrowIfNull(coverage);
        if (missing.Count == 0 || missing.Any(m => m is null))
        {
            throw new ArgumentException("A ratio without counts needs at least one missing figure to say why.", nameof(missing));
        }

        NumeratorLabel = numeratorLabel;
        DenominatorLabel = denominatorLabel;
        Basis = basis;
        Coverage = coverage;
        MissingFigures = missing;
    }

    /// <summary>A ratio that has no counts because figures it needs are missing from the source: undefined, with the reasons.</summary>
    /// <param name="missing">The missing figures; at least one.</param>
    /// <param name="numeratorLabel">What the numerator counts ("outcome 16").</param>
    /// <param name="denominatorLabel">What the denominator counts ("recorded crimes").</param>
    /// <param name="basis">The count basis of the outcome counts involved.</param>
    /// <param name="coverage">The forces the ratio is for.</param>
    /// <exception cref="ArgumentException"><paramref name="missing"/> is empty.</exception>
    public static Ratio WithoutCounts(IReadOnlyList<MissingFigure> missing, string numeratorLabel, string denominatorLabel, CountBasis basis, Coverage coverage)
        => new(missing, numeratorLabel, denominatorLabel, basis, coverage);

    /// <summary>Whether the ratio has its counts (false when a figure it needs is missing: see <see cref="MissingFigures"/>).</summary>
    public bool HasCounts => MissingFigures.Count == 0;

    /// <summary>The figures the ratio needs that the source does not give, with why; empty when it has its counts.</summary>
    public IReadOnlyList<MissingFigure> MissingFigures { get; }

    /// <summary>The numerator count.</summary>
    /// <exception cref="InvalidOperationException">The ratio has no counts (<see cref="HasCounts"/> is false): a missing figure is never read as zero.</exception>
    public long Numerator => HasCounts ? _numerator : throw NoCounts();

    /// <summary>The denominator count.</summary>
    /// <exception cref="InvalidOperationException">The ratio has no counts (<see cref="HasCounts"/> is false).</exception>
    public long Denominator => HasCounts ? _denominator : throw NoCounts();

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

    /// <summary>False when the denominator is zero or a figure is missing: the ratio has no value.</summary>
    public bool IsDefined => HasCounts && _denominator != 0;

    /// <summary>Why the ratio has no value ("zero denominator", "outcome 16 for … : not available"), or null when it has one.</summary>
    public string? UndefinedReason => !HasCounts
        ? "no figure: " + string.Join("; ", MissingFigures)
        : _denominator == 0 ? "zero denominator" : null;

    /// <summary>The ratio as a decimal fraction (0.51 for 51 %), exact to 28 significant digits; null when undefined.</summary>
    public decimal? Value => IsDefined ? (decimal)_numerator / _denominator : null;

    /// <summary>The ratio in per cent (51.0 for 51 %), unrounded; null when undefined.</summary>
    public decimal? Percent => IsDefined ? (decimal)_numerator * 100m / _denominator : null;

    /// <summary>The ratio as a double, for statistics and charts.</summary>
    /// <exception cref="InvalidOperationException">The ratio is undefined (zero denominator).</exception>
    public double ToDouble() => IsDefined
        ? (double)_numerator / _denominator
        : throw (HasCounts
            ? new InvalidOperationException($"The ratio {_numerator:N0} / 0 ({NumeratorLabel} over {DenominatorLabel}) is undefined: its denominator is zero.")
            : NoCounts());

    /// <summary>The percentage rounded (half away from zero) to <paramref name="decimals"/> places: "51.0 %", "undefined" when the denominator is zero, "no figure" when a figure is missing.</summary>
    /// <param name="decimals">Decimal places, 0 to 10.</param>
    public string FormatPercent(int decimals = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        return Percent is { } percent
            ? Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %"
            : HasCounts ? "undefined" : "no figure";
    }

    /// <summary>"5,523 / 10,829 = 51.0 %", "0 / 0 = undefined (zero denominator)", or "no figure: outcome 16 for … : not available".</summary>
    /// <param name="decimals">Decimal places of the percentage.</param>
    public string Format(int decimals = 1)
    {
        if (!HasCounts)
        {
            return UndefinedReason!;
        }

        var counts = string.Create(CultureInfo.InvariantCulture, $"{Numerator:N0} / {Denominator:N0}");
        return IsDefined ? $"{counts} = {FormatPercent(decimals)}" : $"{counts} = undefined (zero denominator)";
    }

    /// <summary>The counts and the percentage to one decimal place: "5,523 / 10,829 = 51.0 %".</summary>
    public override string ToString() => Format();

    private InvalidOperationException NoCounts()
        => new($"The ratio {NumeratorLabel} over {DenominatorLabel} has no counts: {UndefinedReason}. A missing figure is never read as zero; check HasCounts first.");
}
