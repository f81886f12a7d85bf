namespace CrimeOutcomes;

/// <summary>
/// A figure the source marks as absent, or gives only in part, kept in the dataset so that it is never read as zero:
/// recorded crimes (when <see cref="Outcome"/> is null) or the count of an outcome type on a basis.
/// </summary>
/// <param name="Key">Area, period and scope.</param>
/// <param name="Basis">The count basis of the outcome count; null for recorded crimes.</param>
/// <param name="Outcome">The outcome type; null for recorded crimes.</param>
/// <param name="Absence">Why there is no figure.</param>
public sealed record MissingFigure(FigureKey Key, CountBasis? Basis, OutcomeType? Outcome, FigureAbsence Absence)
{
    /// <summary>"outcome 16" or "recorded crimes": what is missing.</summary>
    public string Measure => Outcome is null ? "recorded crimes" : Outcome.ToString();

    /// <summary>"outcome 16 for London, City of, 2017, All crime (closed basis): not available".</summary>
    public override string ToString()
        => $"{Measure} for {Key}{(Basis is { } basis ? $" ({basis.ToDisplayName()})" : string.Empty)}: {Absence.ToDisplayName()}";
}
