using System.Text.RegularExpressions;

namespace CrimeOutcomes.Package.Tests;

/// <summary>What a new user does in the first five minutes: install the package into a fresh app, paste the README's example, run it; install the tool and run it.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class ConsumerTests(PackedPackages packages)
{
    [GeneratedRegex(@"## In C#\s+```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();

    [Fact]
    public void The_readme_example_compiles_and_runs_verbatim_against_the_package()
    {
        var readme = File.ReadAllText(Path.Combine(packages.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var match = ReadmeExample().Match(readme);
        match.Success.Should().BeTrue("the README has a C# example under '## In C#'");

        var app = Directory.CreateTempSubdirectory("crimeoutcomes-consumer-").FullName;
        try
        {
            packages.WriteNuGetConfig(app);
            packages.WriteConsumerProject(Path.Combine(app, "Consumer.csproj"));
            File.WriteAllText(Path.Combine(app, "Program.cs"), match.Groups["code"].Value);

            var output = Processes.Run("dotnet", "run -c Release", app);

            output.Should().Contain("5,523 / 10,829 = 51.0 %");
            output.Should().Contain("164,510 / 438,349 = 37.5 % over 36 of 43 forces (members not published)");
            output.Should().Contain("20.83 %");
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
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
