using System.Text.RegularExpressions;

namespace CrimeOutcomes.Package.Tests;

/// <summary>
/// Every ```csharp block in README.md and docs/ claims to compile as a whole program against the package (with
/// Microsoft.Extensions.DependencyInjection beside it, and the CrimeOutcomes.Columnar package for a block that uses
/// its namespace): each becomes a console app, and all of them are built in one
/// go, and each runs from the repository root (so docs can read docs/data/). Fragments that do not claim to compile
/// are written ```cs.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class DocsCodeBlockTests(PackedPackages packages)
{
    [GeneratedRegex(@"^```csharp[ \t]*\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"Console\.WriteLine\(.*\);\s*//\s*(?<out>.+)$")]
    private static partial Regex WriteLineWithComment();

    [GeneratedRegex(@"^\s*//\s*(?<out>.+)$")]
    private static partial Regex CommentLine();

    /// <summary>The text of "// …" after a Console.WriteLine on the same line, or on the comment lines right below it.</summary>
    private static IEnumerable<string> PromisedOutputs(string code)
    {
        var belowWriteLine = false;
        foreach (var line in code.Split('\n'))
        {
            var onLine = WriteLineWithComment().Match(line);
            var below = CommentLine().Match(line);
            if (onLine.Success)
            {
                yield return onLine.Groups["out"].Value.Trim();
            }
            else if (belowWriteLine && below.Success)
            {
                yield return below.Groups["out"].Value.Trim();
                continue;
            }

            belowWriteLine = line.Contains("Console.WriteLine", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_csharp_block_in_the_docs_compiles_and_prints_what_it_promises()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(packages.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(packages.RepositoryRoot, "README.md"))
            .ToArray();
        var blocks = documents
            .SelectMany(path => CSharpBlock().Matches(File.ReadAllText(path).ReplaceLineEndings("\n"))
                .Select((m, i) => (Source: $"{Path.GetRelativePath(packages.RepositoryRoot, path)} block {i + 1}", Code: m.Groups["code"].Value)))
            .ToArray();
        blocks.Should().NotBeEmpty();
        blocks.Should().Contain(b => b.Source.StartsWith("docs/columnar.md", StringComparison.Ordinal), "the columnar example compiles against the packed CrimeOutcomes.Columnar");

        var root = Directory.CreateTempSubdirectory("crimeoutcomes-docs-").FullName;
        try
        {
            packages.WriteNuGetConfig(root);
            var projects = new List<string>();
            foreach (var (block, index) in blocks.Select((b, i) => (b, i)))
            {
                var dir = Path.Combine(root, $"block{index:D3}");
                Directory.CreateDirectory(dir);
                var references = new List<string> { """<PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />""" };
                if (block.Code.Contains("using CrimeOutcomes.Columnar;", StringComparison.Ordinal))
                {
                    references.Add(packages.ColumnarReference);
                }

                packages.WriteConsumerProject(Path.Combine(dir, $"block{index:D3}.csproj"), [.. references]);
                File.WriteAllText(Path.Combine(dir, "Program.cs"), $"// {block.Source}\n{block.Code}");
                projects.Add(Path.Combine(dir, $"block{index:D3}.csproj"));
            }

            Processes.Run("dotnet", "new sln --format sln -n docs", root);
            Processes.Run("dotnet", $"sln docs.sln add {string.Join(' ', projects.Select(p => $"\"{p}\""))}", root);
            var act = () => Processes.Run("dotnet", "build docs.sln -c Release", root);
            act.Should().NotThrow("every ```csharp block in README.md and docs/ must compile ({0} blocks)", blocks.Length);

            // Each block runs, and every output it promises in a comment after Console.WriteLine(...) is printed.
            foreach (var (block, index) in blocks.Select((b, i) => (b, i)))
            {
                var dll = Path.Combine(root, $"block{index:D3}", "bin", "Release", "net10.0", $"block{index:D3}.dll");
                var output = Processes.Run("dotnet", $"\"{dll}\"", packages.RepositoryRoot);
                foreach (var promised in PromisedOutputs(block.Code))
                {
                    output.Should().Contain(promised, "{0} promises it in a comment", block.Source);
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
