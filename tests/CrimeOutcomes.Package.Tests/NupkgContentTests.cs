using System.IO.Compression;
using System.Xml.Linq;

namespace CrimeOutcomes.Package.Tests;

[Collection(PackageCollection.Name)]
public sealed class NupkgContentTests(PackedPackages packages)
{
    private static XElement Nuspec(ZipArchive archive)
    {
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().First(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name)
        => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

    /// <summary>The package ids and version ranges a nuspec depends on (all target framework groups together).</summary>
    private static Dictionary<string, string> Dependencies(XElement metadata)
        => metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value, StringComparer.Ordinal);

    /// <summary>Checks what every library package carries: its id, version, metadata, readme, assembly and XML docs.</summary>
    private XElement ShouldCarryMetadataReadmeAndDocs(ZipArchive archive, string id)
    {
        var metadata = Nuspec(archive);
        Value(metadata, "id").Should().Be(id);
        Value(metadata, "version").Should().Be(packages.Version);
        Value(metadata, "authors").Should().NotBeNullOrWhiteSpace();
        Value(metadata, "tags").Should().Contain("crime").And.Contain("police");
        Value(metadata, "license").Should().Be("MIT");
        Value(metadata, "projectUrl").Should().StartWith("https://");
        Value(metadata, "readme").Should().Be("README.md");
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.Should().StartWith("https://");

        var files = archive.Entries.Select(e => e.FullName).ToArray();
        files.Should().Contain("README.md");
        files.Should().Contain($"lib/net10.0/{id}.dll");
        files.Should().Contain($"lib/net10.0/{id}.xml", "XML docs ship with the package");
        return metadata;
    }

    private static string Readme(ZipArchive archive)
    {
        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_library_package_carries_its_metadata_readme_and_docs()
    {
        using var archive = ZipFile.OpenRead(packages.LibraryPackage);
        var metadata = ShouldCarryMetadataReadmeAndDocs(archive, "CrimeOutcomes");

        Value(metadata, "description").Should().Contain("Home Office crime outcomes framework");
        archive.Entries.Select(e => e.FullName).Should().Contain("interactive-extensions/dotnet/extension.dib");
    }

    [Fact]
    public void The_columnar_package_carries_its_metadata_readme_and_docs()
    {
        using var archive = ZipFile.OpenRead(packages.ColumnarPackage);
        var metadata = ShouldCarryMetadataReadmeAndDocs(archive, "CrimeOutcomes.Columnar");

        Value(metadata, "description").Should().Contain("Parquet").And.Contain("Arrow").And.Contain("DataFrame");
        Value(metadata, "tags").Should().Contain("parquet").And.Contain("arrow");
        Readme(archive).Should().StartWith("# CrimeOutcomes.Columnar", "the package's own readme, not the repository's");
    }

    [Fact]
    public void The_core_package_keeps_its_two_dependencies_and_the_columnar_package_brings_the_columnar_libraries()
    {
        using var core = ZipFile.OpenRead(packages.LibraryPackage);
        using var columnar = ZipFile.OpenRead(packages.ColumnarPackage);

        // Since issue 13 the xlsx reader is the library's own (a scanner of the sheet XML): no ExcelDataReader. Since
        // issue 14 the Parquet writer is the columnar package's own, its pages compressed by Snappier.
        Dependencies(Nuspec(core)).Keys.Should().BeEquivalentTo("Microsoft.Extensions.DependencyInjection.Abstractions", "Sep");
        var brought = Dependencies(Nuspec(columnar));
        brought.Keys.Should().BeEquivalentTo("CrimeOutcomes", "Parquet.Net", "Snappier", "Apache.Arrow", "Microsoft.Data.Analysis");
        brought["CrimeOutcomes"].Should().Be(packages.Version, "the columnar package is built against the core package of its own version");
    }

    [Fact]
    public void Symbols_ship_in_a_snupkg()
    {
        using var archive = ZipFile.OpenRead(packages.SymbolPackage);
        archive.Entries.Select(e => e.FullName).Should().Contain("lib/net10.0/CrimeOutcomes.pdb");
        using var columnar = ZipFile.OpenRead(packages.ColumnarSymbolPackage);
        columnar.Entries.Select(e => e.FullName).Should().Contain("lib/net10.0/CrimeOutcomes.Columnar.pdb");
    }

    [Fact]
    public void The_tool_package_is_a_dotnet_tool_named_crime_outcomes()
    {
        using var archive = ZipFile.OpenRead(packages.ToolPackage);
        var metadata = Nuspec(archive);
        Value(metadata, "id").Should().Be("CrimeOutcomes.Cli");
        metadata.Element(metadata.Name.Namespace + "packageTypes")!.Elements().Select(e => e.Attribute("name")!.Value).Should().Contain("DotnetTool");
        var settings = archive.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var stream = settings.Open();
        XDocument.Load(stream).Descendants("Command").Single().Attribute("Name")!.Value.Should().Be("crime-outcomes");
    }
}
