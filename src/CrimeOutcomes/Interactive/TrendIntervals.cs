namespace CrimeOutcomes.Interactive;

/// <summary>How <see cref="TrendChart"/> and <see cref="TrendSmallMultiples"/> draw each period's confidence interval (<see cref="RatioSeriesPoint.Interval"/>).</summary>
public enum TrendIntervals
{
    /// <summary>A shaded band along the line, broken where the line is.</summary>
    Bands = 0,

    /// <summary>A whisker at each point.</summary>
    Whiskers = 1,

    /// <summary>No intervals on the chart (the table still gives them).</summary>
    None = 2,
}
