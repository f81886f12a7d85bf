namespace CrimeOutcomes.Interactive;

/// <summary>A logarithmic scale for counts (a funnel plot's denominators), with round ticks.</summary>
internal sealed class LogScale
{
    private static readonly double[] Coarse = [1, 2, 5];
    private static readonly double[] Fine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>The width of a character of a tick label, in pixels (12 px sans-serif, digits and commas).</summary>
    private const double LabelCharWidth = 6.5;

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
    /// Round ticks inside the scale whose labels do not collide: 1, 2 and 5 times powers of ten; when that gives fewer
    /// than three, every digit times a power of ten, or else evenly spaced round values; when the labels would collide,
    /// powers of ten only, then every second, third … power of ten.
    /// </summary>
    public IReadOnlyList<double> Ticks()
    {
        var coarse = Multiples(Coarse);
        if (coarse.Count < 3)
        {
            var fine = Multiples(Fine);
            return fine.Count >= 3 ? fine : Linear();
        }

        if (LabelsFit(coarse))
        {
            return coarse;
        }

        for (var stride = 1; ; stride++)
        {
            var decades = Multiples([1]).Where(t => Math.Round(Math.Log10(t)) % stride == 0).ToList();
            if (decades.Count <= 2 || LabelsFit(decades))
            {
                return decades;
            }
        }
    }

    /// <summary>A tick's label: "5,000".</summary>
    public static string Label(double tick) => Describe.Count((long)Math.Round(tick));

    private List<double> Multiples(double[] multipliers)
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

        return ticks;
    }

    private List<double> Linear()
    {
        var step = RoundStep((High - Low) / 4);
        var linear = new List<double>();
        for (var tick = Math.Ceiling(Low / step) * step; tick <= High; tick += step)
        {
            linear.Add(tick);
        }

        return linear;
    }

    /// <summary>Whether neighbouring labels, centred on their ticks, leave a gap between them.</summary>
    private bool LabelsFit(List<double> ticks)
    {
        for (var i = 1; i < ticks.Count; i++)
        {
            var room = Position(ticks[i]) - Position(ticks[i - 1]);
            if (room < ((Label(ticks[i]).Length + Label(ticks[i - 1]).Length) / 2.0 * LabelCharWidth) + 8)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The round step (1, 2 or 5 times a power of ten) at or above <paramref name="rough"/>.</summary>
    internal static double RoundStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return Coarse.Select(m => m * power).Append(10 * power).First(s => s >= rough * 0.999);
    }
}
