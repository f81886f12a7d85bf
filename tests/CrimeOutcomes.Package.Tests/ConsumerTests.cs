using System.Text.RegularExpressions;

namespace CrimeOutcomes.Package.Tests;

/// <summary>What a new user does in the first five minutes: install the package into a fresh app, paste the README's example, run it; install the tool and run it.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class ConsumerTests(PackedPackages packages)
{
    [GeneratedRegex(@"## In C#\s+```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();

    /// <summary>The C# example under '## In C#' of a readme.</summary>
    private static string ReadmeExampleOf(string readmePath)
    {
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");
        var match = ReadmeExample().Match(readme);
        match.Success.Should().BeTrue("{0} has a C# example under '## In C#'", readmePath);
        return match.Groups["code"].Value;
    }

    /// <summary>Writes <paramref name="code"/> as the Program.cs of a fresh console app referencing the packed packages, runs it, and returns its output.</summary>
    private string RunAsConsumer(string code, Action<string>? prepare = null, params string[] extraPackageReferences)
    {
        var app = Directory.CreateTempSubdirectory("crimeoutcomes-consumer-").FullName;
        try
        {
            packages.WriteNuGetConfig(app);
            packages.WriteConsumerProject(Path.Combine(app, "Consumer.csproj"), extraPackageReferences);
            File.WriteAllText(Path.Combine(app, "Program.cs"), code);
            prepare?.Invoke(app);
            return Processes.Run("dotnet", "run -c Release", app);
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    [Fact]
    public void The_readme_example_compiles_and_runs_verbatim_against_the_package()
    {
        var output = RunAsConsumer(ReadmeExampleOf(Path.Combine(packages.RepositoryRoot, "README.md")));

        output.Should().Contain("5,523 / 10,829 = 51.0 %");
        output.Should().Contain("164,510 / 438,349 = 37.5 % over 36 of 43 forces (members not published)");
        output.Should().Contain("20.83 %");
    }

    [Fact]
    public void The_columnar_readme_example_writes_and_reads_back_Parquet_against_both_packages()
    {
        var code = ReadmeExampleOf(Path.Combine(packages.RepositoryRoot, "src", "CrimeOutcomes.Columnar", "README.md"))
            + """

            // Added by the test: what the example left behind, for the test to check.
            foreach (var file in new[] { "rows.parquet", "outcomes.parquet" })
            {
                var start = new byte[4];
                using var stream = File.OpenRead(file);
                stream.ReadExactly(start);
                Console.WriteLine($"{file}: {System.Text.Encoding.ASCII.GetString(start)}");
            }
            """;

        // The sample open-data file (six forces, 2019/20 and 2020/21; 528 rows of Action Fraud set aside) as the user's download.
        var output = RunAsConsumer(code,
            app => File.Copy(Path.Combine(packages.RepositoryRoot, "docs", "data", "sample-outcomes-open-data.csv"), Path.Combine(app, "outcomes.csv")),
            packages.ColumnarReference);

        // Hand-checked with Python's csv module: 3,696 rows less 528 of Action Fraud; Kent 2020/21 outcome 16 over all outcomes.
        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        lines.Should().ContainInConsecutiveOrder("3168", "36,476 / 178,644 = 20.4 %", "2112", "540", "rows.parquet: PAR1", "outcomes.parquet: PAR1");
    }

    [Fact]
    public void The_tool_installs_from_the_package_and_prints_the_seed_table()
    {
        var work = Directory.CreateTempSubdirectory("crimeoutcomes-tool-").FullName;
        try
        {
            packages.WriteNuGetConfig(work);
            var toolPath = Path.Combine(work, "tools");
            Processes.Run("dotnet", $"tool install CrimeOutcomes.Cli --version {packages.Version} --tool-path \"{toolPath}\" --configfile \"{Path.Combine(work, "nuget.config")}\"", work);

            var output = Processes.Run(Path.Combine(toolPath, "crime-outcomes"), string.Empty, work);

            output.Should().Contain("5,523 / 10,829 = 51.0 %");
            output.Should().Contain("164,510 / 438,349 = 37.5 %");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
