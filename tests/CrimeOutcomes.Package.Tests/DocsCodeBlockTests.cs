using System.Text.RegularExpressions;

namespace CrimeOutcomes.Package.Tests;

/// <summary>
/// Every ```csharp block in README.md and docs/ claims to compile as a whole program against the package (with
/// Microsoft.Extensions.DependencyInjection beside it): each becomes a console app, and all of them are built in one
/// go. Fragments that do not claim to compile are written ```cs.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class DocsCodeBlockTests(PackedPackages packages)
{
    [GeneratedRegex(@"^```csharp[ \t]*\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    [Fact]
    public void Every_csharp_block_in_the_docs_compiles()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(packages.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(packages.RepositoryRoot, "README.md"))
            .ToArray();
        var blocks = documents
            .SelectMany(path => CSharpBlock().Matches(File.ReadAllText(path).ReplaceLineEndings("\n"))
                .Select((m, i) => (Source: $"{Path.GetRelativePath(packages.RepositoryRoot, path)} block {i + 1}", Code: m.Groups["code"].Value)))
            .ToArray();
        blocks.Should().NotBeEmpty();

        var root = Directory.CreateTempSubdirectory("crimeoutcomes-docs-").FullName;
        try
        {
            packages.WriteNuGetConfig(root);
            var projects = new List<string>();
            foreach (var (block, index) in blocks.Select((b, i) => (b, i)))
            {
                var dir = Path.Combine(root, $"block{index:D3}");
                Directory.CreateDirectory(dir);
                packages.WriteConsumerProject(Path.Combine(dir, $"block{index:D3}.csproj"), """<PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />""");
                File.WriteAllText(Path.Combine(dir, "Program.cs"), $"// {block.Source}\n{block.Code}");
                projects.Add(Path.Combine(dir, $"block{index:D3}.csproj"));
            }

            Processes.Run("dotnet", "new sln --format sln -n docs", root);
            Processes.Run("dotnet", $"sln docs.sln add {string.Join(' ', projects.Select(p => $"\"{p}\""))}", root);
            var act = () => Processes.Run("dotnet", "build docs.sln -c Release", root);
            act.Should().NotThrow("every ```csharp block in README.md and docs/ must compile ({0} blocks)", blocks.Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
