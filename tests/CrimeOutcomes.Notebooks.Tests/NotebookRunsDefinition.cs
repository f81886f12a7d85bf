namespace CrimeOutcomes.Notebooks.Tests;

/// <summary>
/// The notebook tests share one packed package and one kernel tool, and .NET Interactive's formatter registration
/// is process-global: they run one at a time, never in parallel with each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRunsDefinition : ICollectionFixture<NotebookKernel>
{
    public const string Name = "Notebooks run by the real kernel";
}
