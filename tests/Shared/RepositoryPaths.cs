namespace CrimeOutcomes.Tests.Shared;

/// <summary>Where the repository and the reference data beside it are, found from the test assembly's folder upwards.</summary>
/// <remarks>Linked into every test project by tests/Directory.Build.props.</remarks>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindAbove("CrimeOutcomes.sln")
        ?? throw new DirectoryNotFoundException($"CrimeOutcomes.sln was not found above {AppContext.BaseDirectory}."));

    /// <summary>The folder of CrimeOutcomes.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Under(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The first folder at or above the test assembly's that holds <paramref name="relativePath"/>, or null.</summary>
    public static string? FindAbove(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, relativePath)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
