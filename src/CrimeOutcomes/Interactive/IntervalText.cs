using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Interactive;

/// <summary>How renderings name and explain the confidence intervals they show.</summary>
internal static class IntervalText
{
    /// <summary>"95 % CI" when every interval has the same level, otherwise "Interval".</summary>
    public static string Header(IReadOnlyCollection<ConfidenceInterval> intervals)
        => intervals.Select(i => i.Level).Distinct().Count() == 1 ? intervals.First().LevelText : "Interval";

    /// <summary>"95 % CI: Wilson score intervals of each proportion, chance variation only."</summary>
    public static string Legend(IReadOnlyCollection<ConfidenceInterval> intervals)
    {
        var kinds = intervals.Select(i => (i.Level, i.Method)).Distinct().ToArray();
        return kinds.Length == 1
            ? $"{intervals.First().LevelText}: {Method(kinds[0].Method)}s of each proportion; they measure chance (binomial) variation only."
            : "Intervals: levels or methods differ between rows (each is named in its tooltip); they measure chance (binomial) variation only.";
    }

    /// <summary>"Wilson score interval", "Clopper-Pearson exact interval".</summary>
    public static string Method(IntervalMethod method) => method switch
    {
        IntervalMethod.Wilson => "Wilson score interval",
        IntervalMethod.ClopperPearson => "Clopper-Pearson exact interval",
        _ => ConfidenceInterval.MethodName(method) + " interval",
    };
}
