namespace CrimeOutcomes.Import;

/// <summary>
/// The negative counts of one outcome type on one basis in a file: published corrections of earlier quarters
/// (reclassified or cancelled crimes), kept in the figures.
/// </summary>
/// <param name="Outcome">The outcome type.</param>
/// <param name="Basis">The count basis.</param>
/// <param name="Rows">How many kept rows had a negative count of it.</param>
/// <param name="Sum">The sum of those negative counts.</param>
public sealed record CorrectionTally(OutcomeType Outcome, CountBasis Basis, long Rows, long Sum)
{
    /// <summary>"outcome 0 (recorded basis): 2,584 rows, −12,345".</summary>
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Outcome} ({Basis.ToDisplayName()}): {Rows:N0} row{(Rows == 1 ? string.Empty : "s")}, {Sum:N0}");
}
