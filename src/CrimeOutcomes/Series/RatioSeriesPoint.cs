using System.Globalization;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes;

/// <summary>
/// One period of a <see cref="RatioSeries"/>: the ratio with its interval and coverage, or why there is none (the
/// outcome was not in the framework that year; the dataset has no figures), where the outcome stood in the
/// framework, the framework changes of the period and the known issues of the data it meets.
/// </summary>
public sealed record RatioSeriesPoint
{
    /// <summary>The period.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Where the ratio's numerator stood in the framework during the period.</summary>
    public required FrameworkStatus Framework { get; init; }

    /// <summary>The ratio (perhaps undefined or without counts, see <see cref="Ratio.UndefinedReason"/>), or null when there is none: see <see cref="Absence"/>.</summary>
    public Ratio? Ratio { get; init; }

    /// <summary>Why there is no ratio: "outcome 22 was not in the framework in 2017/18", "no figures for 2015/16"; null when there is one.</summary>
    public string? Absence { get; init; }

    /// <summary>The confidence interval of the ratio's proportion, or null when the ratio is undefined or not a proportion.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>The coverage of the ratio (which forces, which quarters), or null when there is no ratio.</summary>
    public Coverage? Coverage => Ratio?.Coverage;

    /// <summary>The framework changes that took effect during the period.</summary>
    public IReadOnlyList<FrameworkChange> FrameworkChanges { get; init; } = [];

    /// <summary>The known issues of the data this period's figure meets.</summary>
    public IReadOnlyList<DataWarning> Warnings { get; init; } = [];

    /// <summary>Whether the period has a defined ratio (a percentage to plot).</summary>
    public bool HasValue => Ratio is { IsDefined: true };

    /// <summary>"2017/18: 19,379 / 84,350 = 23.0 %", "2014/15: outcome 22 was not in the framework in 2014/15".</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Period}: {(Ratio is { } ratio ? ratio.Format() : Absence)}");
}
