using System.Globalization;

namespace CrimeOutcomes;

/// <summary>The change of a count between two periods: absolute, and relative to the earlier count.</summary>
/// <param name="From">The earlier count.</param>
/// <param name="To">The later count.</param>
public readonly record struct CountChange(long From, long To)
{
    /// <summary>To − From (checked: overflow throws).</summary>
    /// <exception cref="OverflowException">The difference exceeds a 64-bit count (possible only with outcome 0, which can be negative); the message names both counts.</exception>
    public long Absolute
    {
        get
        {
            try
            {
                return checked(To - From);
            }
            catch (OverflowException ex)
            {
                throw new OverflowException(string.Create(CultureInfo.InvariantCulture, $"The change from {From:N0} to {To:N0} overflows a 64-bit count."), ex);
            }
        }
    }

    /// <summary>The change relative to <see cref="From"/> (0.25 for a rise of a quarter); null when <see cref="From"/> is zero.</summary>
    public decimal? Relative => From == 0 ? null : (decimal)Absolute / From;

    /// <summary>"+1,004 (+22.2 %)", "−1,581 (…)", or "+5 (from zero)".</summary>
    public override string ToString()
    {
        var absolute = Absolute.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);
        return Relative is { } relative
            ? $"{absolute} ({RoundedText.Signed(relative * 100m)} %)"
            : $"{absolute} (from zero)";
    }
}
