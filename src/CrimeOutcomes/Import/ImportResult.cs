namespace CrimeOutcomes.Import;

/// <summary>The figures an import produced and the account of every row read.</summary>
/// <param name="Dataset">The figures.</param>
/// <param name="Report">What happened to each row.</param>
public sealed record ImportResult(OutcomeDataset Dataset, ImportReport Report);
