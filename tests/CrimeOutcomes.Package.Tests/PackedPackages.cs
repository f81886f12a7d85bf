using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Package.Tests;

/// <summary>
/// Packs the library, its columnar package and the tool once per test run into a temporary folder, with a unique pre-release version so
/// that no NuGet cache can serve an older build. Packing uses the build the test run already made (--no-build).
/// </summary>
public sealed class PackedPackages : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public PackedPackages()
    {
        RepositoryRoot = RepositoryPaths.Root;
        Folder = Directory.CreateTempSubdirectory("crimeoutcomes-pack-").FullName;
        Version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        foreach (var project in new[] { "src/CrimeOutcomes/CrimeOutcomes.csproj", "src/CrimeOutcomes.Columnar/CrimeOutcomes.Columnar.csproj", "src/CrimeOutcomes.Cli/CrimeOutcomes.Cli.csproj" })
        {
            Processes.Run("dotnet", $"pack {project} -c {Configuration} --no-build -o \"{Folder}\" -p:PackageVersion={Version}", RepositoryRoot);
        }
    }

    public string RepositoryRoot { get; }

    public string Folder { get; }

    public string Version { get; }

    public string LibraryPackage => Path.Combine(Folder, $"CrimeOutcomes.{Version}.nupkg");

    public string SymbolPackage => Path.Combine(Folder, $"CrimeOutcomes.{Version}.snupkg");

    public string ColumnarPackage => Path.Combine(Folder, $"CrimeOutcomes.Columnar.{Version}.nupkg");

    public string ColumnarSymbolPackage => Path.Combine(Folder, $"CrimeOutcomes.Columnar.{Version}.snupkg");

    /// <summary>The PackageReference of the packed columnar package, for <see cref="WriteConsumerProject"/>.</summary>
    public string ColumnarReference => $"""<PackageReference Include="CrimeOutcomes.Columnar" Version="{Version}" />""";

    public string ToolPackage => Path.Combine(Folder, $"CrimeOutcomes.Cli.{Version}.nupkg");

    /// <summary>A nuget.config that adds the pack folder to the machine's usual sources.</summary>
    public string WriteNuGetConfig(string directory)
    {
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="crimeoutcomes-local" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    /// <summary>Writes a console app project that references the packed library, as a user's would.</summary>
    public void WriteConsumerProject(string path, params string[] extraPackageReferences)
    {
        var extras = string.Concat(extraPackageReferences.Select(r => $"\n    {r}"));
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrimeOutcomes" Version="{Version}" />{extras}
              </ItemGroup>
            </Project>
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackageCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
