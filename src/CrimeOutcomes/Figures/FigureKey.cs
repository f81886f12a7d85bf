namespace CrimeOutcomes;

/// <summary>What a figure is about: an area, a period and a crime scope.</summary>
/// <param name="Area">The force or group of forces.</param>
/// <param name="Period">The calendar year, financial year or quarter.</param>
/// <param name="Scope">Which crimes.</param>
public readonly record struct FigureKey(Area Area, ReportingPeriod Period, CrimeScope Scope)
{
    /// <summary>"West Mercia, 2016, Domestic abuse-related".</summary>
    public override string ToString() => $"{Area?.Name}, {Period}, {Scope}";
}
