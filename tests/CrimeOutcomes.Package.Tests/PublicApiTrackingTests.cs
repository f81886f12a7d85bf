namespace CrimeOutcomes.Package.Tests;

/// <summary>The public surface is tracked in PublicAPI.*.txt: an untracked public member must break the build.</summary>
[Collection(PackageCollection.Name)]
public sealed class PublicApiTrackingTests(PackedPackages packages)
{
    [Fact]
    public void Every_public_member_is_listed_in_the_api_files()
    {
        var source = Path.Combine(packages.RepositoryRoot, "src", "CrimeOutcomes");
        var listed = File.ReadLines(Path.Combine(source, "PublicAPI.Shipped.txt"))
            .Concat(File.ReadLines(Path.Combine(source, "PublicAPI.Unshipped.txt")))
            .ToArray();
        listed.Should().Contain(l => l.StartsWith("CrimeOutcomes.OutcomeRatioCalculator.Calculate(", StringComparison.Ordinal));
        listed.Should().Contain("static CrimeOutcomes.ForceRegistry.Default.get -> CrimeOutcomes.ForceRegistry!");
    }

    [Fact]
    public void Every_public_member_of_the_columnar_package_is_listed_in_its_api_files()
    {
        var source = Path.Combine(packages.RepositoryRoot, "src", "CrimeOutcomes.Columnar");
        var listed = File.ReadLines(Path.Combine(source, "PublicAPI.Shipped.txt"))
            .Concat(File.ReadLines(Path.Combine(source, "PublicAPI.Unshipped.txt")))
            .ToArray();
        listed.Should().Contain(l => l.StartsWith("static CrimeOutcomes.Columnar.OutcomeDatasetFile.Write(", StringComparison.Ordinal));
        listed.Should().Contain("static CrimeOutcomes.Columnar.DataFrames.ToDataFrame(this CrimeOutcomes.OutcomeDataset! dataset) -> Microsoft.Data.Analysis.DataFrame!");
    }

    [Theory]
    [InlineData("CrimeOutcomes")]
    [InlineData("CrimeOutcomes.Columnar")]
    public void Adding_an_untracked_public_member_fails_the_build(string project)
    {
        var copy = Directory.CreateTempSubdirectory("crimeoutcomes-api-").FullName;
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "README.md" })
            {
                File.Copy(Path.Combine(packages.RepositoryRoot, file), Path.Combine(copy, file));
            }

            // The columnar package builds against the core project, so the core comes along.
            foreach (var copied in new[] { "CrimeOutcomes", project }.Distinct())
            {
                CopyDirectory(Path.Combine(packages.RepositoryRoot, "src", copied), Path.Combine(copy, "src", copied));
            }

            File.WriteAllText(Path.Combine(copy, "src", project, "Untracked.cs"), $$"""
                namespace {{project}};

                /// <summary>A public type nobody listed in PublicAPI.Unshipped.txt.</summary>
                public static class UntrackedAddition
                {
                    /// <summary>A public member nobody listed.</summary>
                    public static int Answer => 42;
                }
                """);

            var build = () => Processes.Run("dotnet", $"build src/{project}/{project}.csproj -c Release", copy);

            build.Should().Throw<InvalidOperationException>().WithMessage("*RS0016*UntrackedAddition*");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
