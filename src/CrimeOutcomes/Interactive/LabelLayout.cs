namespace CrimeOutcomes.Interactive;

/// <summary>Places labels near where they belong without overlapping.</summary>
internal static class LabelLayout
{
    /// <summary>Positions near <paramref name="wanted"/> but at least <paramref name="spacing"/> apart, none past <paramref name="limit"/>.</summary>
    public static double[] Spread(double[] wanted, double spacing, double limit)
    {
        var order = Enumerable.Range(0, wanted.Length).OrderBy(i => wanted[i]).ToArray();
        var placed = new double[wanted.Length];
        var previous = double.NegativeInfinity;
        foreach (var i in order)
        {
            placed[i] = Math.Max(wanted[i], previous + spacing);
            previous = placed[i];
        }

        // Pushed past the limit: shift the run back, keeping the spacing.
        var overflow = previous - limit;
        if (overflow > 0)
        {
            var next = double.PositiveInfinity;
            foreach (var i in order.Reverse())
            {
                placed[i] = Math.Min(placed[i] - overflow, next - spacing);
                next = placed[i];
            }
        }

        return placed;
    }
}
