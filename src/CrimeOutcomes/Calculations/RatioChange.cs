using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// The change of a ratio between two periods (or two areas): in percentage points, and relative to the earlier
/// ratio, with both ratios kept so their counts stay visible.
/// </summary>
/// <param name="From">The earlier ratio.</param>
/// <param name="To">The later ratio.</param>
public sealed record RatioChange(Ratio From, Ratio To)
{
    /// <summary>Whether both ratios are defined, so the change has a value.</summary>
    public bool IsDefined => From.IsDefined && To.IsDefined;

    /// <summary>The change in percentage points (To % − From %); null when either ratio is undefined.</summary>
    public decimal? PercentagePoints => IsDefined ? To.Percent!.Value - From.Percent!.Value : null;

    /// <summary>The relative change of the ratio (To / From − 1); null when undefined or when From is zero.</summary>
    /// <exception cref="OverflowException">The relative change is too large for a decimal (a tiny earlier ratio, a huge later one); the message names both ratios.</exception>
    public decimal? Relative
    {
        get
        {
            if (!IsDefined || From.Numerator == 0)
            {
                return null;
            }

            try
            {
                return (To.Value!.Value / From.Value!.Value) - 1m;
            }
            catch (OverflowException ex)
            {
                throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                    $"The relative change from {From.Numerator:N0} / {From.Denominator:N0} to {To.Numerator:N0} / {To.Denominator:N0} is too large for a decimal."), ex);
            }
        }
    }

    /// <summary>The change of the numerator count.</summary>
    public CountChange NumeratorChange => new(From.Numerator, To.Numerator);

    /// <summary>The change of the denominator count.</summary>
    public CountChange DenominatorChange => new(From.Denominator, To.Denominator);

    /// <summary>"+4.8 pp (46.2 % → 51.0 %)", or "undefined" when a ratio is undefined.</summary>
    public override string ToString() => PercentagePoints is { } pp
        ? string.Create(CultureInfo.InvariantCulture, $"{RoundedText.Signed(pp)} pp ({From.FormatPercent()} \u2192 {To.FormatPercent()})")
        : $"undefined ({From.FormatPercent()} \u2192 {To.FormatPercent()})";
}
