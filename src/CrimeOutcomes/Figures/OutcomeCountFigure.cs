namespace CrimeOutcomes;

/// <summary>The number of crimes given one outcome type, for a <see cref="FigureKey"/>, on a count basis.</summary>
/// <param name="Key">Area, period and scope.</param>
/// <param name="Basis">Which outcomes are counted (recorded in the period, assigned in the period, or unstated).</param>
/// <param name="Outcome">The outcome type.</param>
/// <param name="Count">The count; only outcome 0 ("not yet assigned") can be negative.</param>
public sealed record OutcomeCountFigure(FigureKey Key, CountBasis Basis, OutcomeType Outcome, long Count);
