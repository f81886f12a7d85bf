namespace CrimeOutcomes.Interactive;

/// <summary>A linear scale from 0 to a round percentage at or above the largest value, with round ticks.</summary>
internal sealed class PercentScale
{
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

    /// <summary>A scale covering fractions up to <paramref name="largest"/> (0.51 for 51 %), mapped onto <paramref name="length"/> pixels.</summary>
    public PercentScale(double largest, double length)
    {
        var maxPercent = Math.Max(largest * 100, 1);
        Step = Steps.FirstOrDefault(s => maxPercent / s <= 6, Steps[^1]);
        MaxPercent = Math.Ceiling(maxPercent / Step) * Step;
        Length = length;
    }

    /// <summary>The tick step, in percent.</summary>
    public double Step { get; }

    /// <summary>The end of the scale, in percent.</summary>
    public double MaxPercent { get; }

    /// <summary>The length in pixels.</summary>
    public double Length { get; }

    /// <summary>The ticks, in percent, from 0 to <see cref="MaxPercent"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        for (var tick = 0.0; tick <= MaxPercent + (Step / 1000); tick += Step)
        {
            yield return tick;
        }
    }

    /// <summary>The position of a fraction (clamped to the scale).</summary>
    public double Position(double fraction) => Math.Clamp(fraction * 100 / MaxPercent, 0, 1) * Length;

    /// <summary>The position of a tick, in percent.</summary>
    public double PositionOfPercent(double percent) => Position(percent / 100);

    /// <summary>
    /// A range of fractions around <paramref name="low"/> to <paramref name="high"/>, padded a little and widened to
    /// round steps (about five of them), within 0 to 1: the y axis of a funnel plot, the x axis of an interval plot.
    /// </summary>
    public static (double Low, double High, double Step) RoundRange(double low, double high)
    {
        var pad = Math.Max((high - low) * 0.04, 0.001);
        var step = LogScale.RoundStep(Math.Max(high - low, 0.001) / 5 * 100) / 100;
        return (Math.Max(0, Math.Floor((low - pad) / step) * step), Math.Min(1, Math.Ceiling((high + pad) / step) * step), step);
    }

    /// <summary>"40 %", "2.5 %".</summary>
    public static string TickLabel(double percent) => HtmlBuilder.Number(percent) + " %";
}
