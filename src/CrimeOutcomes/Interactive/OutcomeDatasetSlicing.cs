namespace CrimeOutcomes.Interactive;

/// <summary>Part of a dataset, to look at or to calculate from.</summary>
public static class OutcomeDatasetSlicing
{
    /// <summary>A dataset holding only the figures whose key satisfies <paramref name="include"/>.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="include">Which keys (area, period, scope) to keep.</param>
    /// <example><c>data.Slice(k => k.Area == SeedStory.WestMercia)</c></example>
    public static OutcomeDataset Slice(this OutcomeDataset data, Func<FigureKey, bool> include)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(include);
        var builder = new OutcomeDatasetBuilder();
        foreach (var figure in data.RecordedCrimes.Where(f => include(f.Key)))
        {
            builder.AddRecordedCrimes(figure.Key, figure.Count);
        }

        foreach (var figure in data.OutcomeCounts.Where(f => include(f.Key)))
        {
            builder.AddOutcomeCount(figure.Key, figure.Basis, figure.Outcome, figure.Count);
        }

        return builder.Build();
    }
}
