namespace CrimeOutcomes;

/// <summary>The number of crimes recorded for a <see cref="FigureKey"/>.</summary>
/// <param name="Key">Area, period and scope.</param>
/// <param name="Count">The number of recorded crimes.</param>
public sealed record RecordedCrimeFigure(FigureKey Key, long Count);
