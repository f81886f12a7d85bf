namespace CrimeOutcomes.Interactive;

/// <summary>A logarithmic scale for counts (a funnel plot's denominators), with round ticks.</summary>
internal sealed class LogScale
{
    private static readonly double[] Coarse = [1, 2, 5];
    private static readonly double[] Fine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    private readonly double _logLow;
    private readonly double _logSpan;

    /// <summary>A scale from <paramref name="low"/> to <paramref name="high"/> (both at least 1), mapped onto <paramref name="length"/> pixels.</summary>
    public LogScale(double low, double high, double length)
    {
        if (!(low >= 1) || !(high > low))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"A log scale needs 1 ≤ low < high; got {low} to {high}.");
        }

        Low = low;
        High = high;
        Length = length;
        _logLow = Math.Log10(low);
        _logSpan = Math.Log10(high) - _logLow;
    }

    /// <summary>The smallest value on the scale.</summary>
    public double Low { get; }

    /// <summary>The largest value on the scale.</summary>
    public double High { get; }

    /// <summary>The length in pixels.</summary>
    public double Length { get; }

    /// <summary>A scale around the counts from <paramref name="smallest"/> to <paramref name="largest"/>, with a margin of a quarter either side.</summary>
    public static LogScale Around(long smallest, long largest, double length)
    {
        var low = Math.Max(1, Math.Floor(smallest / 1.25));
        var high = Math.Max(low + 1, Math.Ceiling(largest * 1.25));
        return new LogScale(low, high, length);
    }

    /// <summary>The position of a value (clamped to the scale).</summary>
    public double Position(double value) => Math.Clamp((Math.Log10(Math.Max(value, 1)) - _logLow) / _logSpan, 0, 1) * Length;

    /// <summary>
    /// Round ticks inside the scale: 1, 2 and 5 times powers of ten; every digit times a power of ten when that gives
    /// fewer than three; evenly spaced round values when the scale is narrower still.
    /// </summary>
    public IReadOnlyList<double> Ticks()
    {
        foreach (var multipliers in new[] { Coarse, Fine })
        {
            var ticks = new List<double>();
            for (var power = Math.Floor(_logLow); power <= Math.Ceiling(Math.Log10(High)); power++)
            {
                foreach (var multiplier in multipliers)
                {
                    var tick = multiplier * Math.Pow(10, power);
                    if (tick >= Low && tick <= High)
                    {
                        ticks.Add(tick);
                    }
                }
            }

            if (ticks.Count >= 3)
            {
                return ticks;
            }
        }

        var step = RoundStep((High - Low) / 4);
        var linear = new List<double>();
        for (var tick = Math.Ceiling(Low / step) * step; tick <= High; tick += step)
        {
            linear.Add(tick);
        }

        return linear;
    }

    /// <summary>The round step (1, 2 or 5 times a power of ten) at or above <paramref name="rough"/>.</summary>
    internal static double RoundStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return Coarse.Select(m => m * power).Append(10 * power).First(s => s >= rough * 0.999);
    }
}
