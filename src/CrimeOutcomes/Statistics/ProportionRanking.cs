namespace CrimeOutcomes.Statistics;

/// <summary>
/// Units (usually forces) ranked by a proportion, with ties, each with its confidence interval and the range of
/// ranks its interval leaves plausible. Ranks of proportions that rest on small denominators are unstable; the
/// plausible range shows how unstable.
/// </summary>
/// <remarks>
/// The plausible range is a simple, conservative reading of the intervals: an entry could be beaten only by entries
/// whose interval overlaps its own or lies wholly above it. It is not a simultaneous confidence interval for the
/// rank (that needs simulation, e.g. a bootstrap); treat it as a guide to which differences in rank mean anything.
/// </remarks>
public sealed class ProportionRanking
{
    private ProportionRanking(RankedRatio[] entries, Ratio[] unranked, RankOrder order, double level, IntervalMethod method)
    {
        Entries = entries;
        Unranked = unranked;
        Order = order;
        Level = level;
        Method = method;
    }

    /// <summary>The ranked entries, rank 1 first; tied entries in area-name order.</summary>
    public IReadOnlyList<RankedRatio> Entries { get; }

    /// <summary>Ratios left unranked because they are undefined (zero denominator).</summary>
    public IReadOnlyList<Ratio> Unranked { get; }

    /// <summary>Which end is rank 1.</summary>
    public RankOrder Order { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Level { get; }

    /// <summary>How the intervals were computed.</summary>
    public IntervalMethod Method { get; }

    /// <summary>Ranks <paramref name="ratios"/> by their proportion. Equal proportions (compared exactly, as fractions) tie.</summary>
    /// <param name="ratios">The ratios, all measuring the same thing (same definition, basis, period and scope).</param>
    /// <param name="order">Highest first (default) or lowest first.</param>
    /// <param name="level">The confidence level of the intervals; 0.95 by default.</param>
    /// <param name="method">The interval method; Wilson by default.</param>
    /// <exception cref="ArgumentException">A ratio is not a proportion or measures something else than the first.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level, order or method is out of range.</exception>
    public static ProportionRanking Rank(IEnumerable<Ratio> ratios, RankOrder order = RankOrder.HighestFirst, double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        ConfidenceLevels.Validate(level, nameof(level));
        if (order is not (RankOrder.HighestFirst or RankOrder.LowestFirst))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Not a rank order.");
        }

        var entries = new List<RankedRatio>();
        var unranked = new List<Ratio>();
        Ratio? reference = null;
        foreach (var ratio in ratios)
        {
            ArgumentNullException.ThrowIfNull(ratio, nameof(ratios));
            if (!ratio.IsDefined)
            {
                unranked.Add(ratio);
                continue;
            }

            reference ??= ratio;
            SameMeasure.Require(ratio, reference, nameof(ratios));
            entries.Add(new RankedRatio(ratio, ProportionInterval.Compute(ratio, level, method)));
        }

        var sign = order == RankOrder.HighestFirst ? -1 : 1;
        entries.Sort((a, b) =>
        {
            var byValue = sign * RatioOrder.Compare(a.Ratio, b.Ratio);
            return byValue != 0 ? byValue : string.CompareOrdinal(a.Area?.Name, b.Area?.Name);
        });

        for (var i = 0; i < entries.Count; i++)
        {
            var tiedWithPrevious = i > 0 && RatioOrder.Compare(entries[i].Ratio, entries[i - 1].Ratio) == 0;
            entries[i].Rank = tiedWithPrevious ? entries[i - 1].Rank : i + 1;
            entries[i].IsTied = tiedWithPrevious || (i + 1 < entries.Count && RatioOrder.Compare(entries[i].Ratio, entries[i + 1].Ratio) == 0);
        }

        foreach (var entry in entries)
        {
            var better = 0;
            var worse = 0;
            foreach (var other in entries)
            {
                var (otherLow, otherHigh, low, high) = order == RankOrder.HighestFirst
                    ? (other.Interval.Lower, other.Interval.Upper, entry.Interval.Lower, entry.Interval.Upper)
                    : (-other.Interval.Upper, -other.Interval.Lower, -entry.Interval.Upper, -entry.Interval.Lower);
                if (otherLow > high)
                {
                    better++;
                }
                else if (otherHigh < low)
                {
                    worse++;
                }
            }

            entry.BestPlausibleRank = better + 1;
            entry.WorstPlausibleRank = entries.Count - worse;
        }

        return new ProportionRanking([.. entries], [.. unranked], order, level, method);
    }
}
