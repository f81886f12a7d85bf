namespace CrimeOutcomes.Import;

/// <summary>A row the reader could not use, where it is, and why.</summary>
/// <param name="Location">File, line or row, and the column at fault (null when the whole row is).</param>
/// <param name="Reason">What is wrong, quoting the value.</param>
public sealed record RejectedRow(ImportLocation Location, string Reason)
{
    /// <summary>"outcomes.csv, line 12, column 'Outcome Type': '23' is not an outcome type".</summary>
    public override string ToString() => $"{Location}: {Reason}";
}
