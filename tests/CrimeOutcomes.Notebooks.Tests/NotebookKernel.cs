using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Notebooks.Tests;

/// <summary>
/// Packs src/CrimeOutcomes and src/CrimeOutcomes.Columnar into a temporary folder with a unique version, installs the dotnet-repl tool (the .NET
/// Interactive C# kernel as a command) under this project's obj folder, and runs notebooks with the package
/// line rewritten to load that version from that folder.
/// </summary>
public sealed partial class NotebookKernel : IDisposable
{
    /// <summary>The kernel tool and its version: it runs on .NET 10 and exits with 2 when a cell fails.</summary>
    public const string ToolPackage = "dotnet-repl";

    public const string ToolVersion = "0.3.259";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(4);

    private readonly string _work;

    public NotebookKernel()
    {
        RepositoryRoot = FindRepositoryRoot();
        _work = Path.Combine(Path.GetTempPath(), "crime-outcomes-notebooks-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_work);
        PackageVersion = string.Create(CultureInfo.InvariantCulture, $"0.1.0-nb.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        Feed = Path.Combine(_work, "feed");

        Pack = PackInto(Feed, "CrimeOutcomes");
        ColumnarPack = PackInto(Feed, "CrimeOutcomes.Columnar");

        var toolDirectory = Path.Combine(RepositoryRoot, "tests", "CrimeOutcomes.Notebooks.Tests", "obj", $"{ToolPackage}-{ToolVersion}");
        Tool = Path.Combine(toolDirectory, OperatingSystem.IsWindows() ? ToolPackage + ".exe" : ToolPackage);
        if (!File.Exists(Tool))
        {
            ToolInstall = ProcessRunner.Run("dotnet", ["tool", "install", ToolPackage, "--version", ToolVersion, "--tool-path", toolDirectory], RepositoryRoot, BuildTimeout);
            if (ToolInstall.ExitCode != 0 || !File.Exists(Tool))
            {
                throw new InvalidOperationException($"Installing {ToolPackage} {ToolVersion} failed: {ToolInstall}");
            }
        }
    }

    public string RepositoryRoot { get; }

    /// <summary>The unique version the package was packed with, so that no cached package of the same version is used instead.</summary>
    public string PackageVersion { get; }

    /// <summary>The folder holding the packed package.</summary>
    public string Feed { get; }

    public string Tool { get; }

    public ProcessResult Pack { get; }

    /// <summary>The packing of CrimeOutcomes.Columnar (same version, same folder), for notebooks that load it too.</summary>
    public ProcessResult ColumnarPack { get; }

    /// <summary>The tool's installation, or null when it was already installed.</summary>
    public ProcessResult? ToolInstall { get; }

    private ProcessResult PackInto(string feed, string project)
    {
        var pack = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(RepositoryRoot, "src", project, project + ".csproj"), "-c", "Release", "-o", feed,
             "--artifacts-path", Path.Combine(_work, "artifacts"), $"-p:Version={PackageVersion}", "--disable-build-servers", "-nodeReuse:false"],
            RepositoryRoot, BuildTimeout);
        return pack.ExitCode == 0 && File.Exists(Path.Combine(feed, $"{project}.{PackageVersion}.nupkg"))
            ? pack
            : throw new InvalidOperationException($"Packing {project} failed: {pack}");
    }

    /// <summary>Every notebook under docs/, as paths relative to the repository root.</summary>
    public static IEnumerable<string> DocsNotebooks(string repositoryRoot)
        => Directory.EnumerateFiles(Path.Combine(repositoryRoot, "docs"), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetRelativePath(repositoryRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Runs a notebook through the kernel, its working directory the notebook's own folder, with its one
    /// <c>#r "nuget: CrimeOutcomes…"</c> line pointed at the packed version (and a <c>#r "nuget: CrimeOutcomes.Columnar"</c>
    /// line after it, if any, at the packed columnar package of the same version).
    /// </summary>
    public NotebookRun Run(string notebookPath)
    {
        var extension = Path.GetExtension(notebookPath).ToLowerInvariant();
        var source = File.ReadAllText(notebookPath);
        var rewritten = extension == ".ipynb" ? RewriteIpynb(source) : RewriteDib(source);
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        var input = Path.Combine(_work, "run", name + extension);
        var output = Path.Combine(_work, "run", name + ".out.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.WriteAllText(input, rewritten);

        var result = ProcessRunner.Run(Tool,
            ["--run", input, "--exit-after-run", "--output-format", "ipynb", "--output-path", output],
            Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, NotebookTimeout);
        return new NotebookRun(result, File.Exists(output) ? NotebookRun.ParseCells(File.ReadAllText(output)) : []);
    }

    public void Dispose()
    {
        TryDelete(_work);

        // The unique version also went into the global packages folder when the kernel restored it.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(packages, "crimeoutcomes", PackageVersion));
        TryDelete(Path.Combine(packages, "crimeoutcomes.columnar", PackageVersion));
    }

    internal string RewriteDib(string notebook)
    {
        var lines = notebook.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kernel = string.Empty;
        var found = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (CellHeader().Match(lines[i]) is { Success: true } header)
            {
                kernel = header.Groups[1].Value;
            }
            else if (kernel is "csharp" or "c#")
            {
                lines[i] = RewriteLine(lines[i], ref found);
            }
        }

        return found == 1 ? string.Join('\n', lines) : throw NotOnePackageLine(found);
    }

    internal string RewriteIpynb(string notebook)
    {
        var document = JsonNode.Parse(notebook)!;
        var found = 0;
        foreach (var cell in document["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code")
            {
                continue;
            }

            var sourceNode = cell["source"]!;
            var text = sourceNode is JsonArray parts ? string.Concat(parts.Select(p => (string?)p)) : (string?)sourceNode ?? string.Empty;
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = RewriteLine(lines[i], ref found);
            }

            cell["source"] = string.Join('\n', lines);
        }

        return found == 1 ? document.ToJsonString() : throw NotOnePackageLine(found);
    }

    /// <summary>A code line, with the package lines pointed at the packed versions; counts the CrimeOutcomes lines.</summary>
    private string RewriteLine(string line, ref int found)
    {
        if (PackageLine().IsMatch(line))
        {
            found++;
            return $"#i \"nuget: {Feed}\"\n#r \"nuget: CrimeOutcomes, {PackageVersion}\"";
        }

        return ColumnarPackageLine().IsMatch(line) ? $"#r \"nuget: CrimeOutcomes.Columnar, {PackageVersion}\"" : line;
    }

    private static InvalidOperationException NotOnePackageLine(int found) => new(
        $"A notebook must load the package with exactly one line '#r \"nuget: CrimeOutcomes\"' (optionally with a version) in a C# cell; found {found}.");

    private static string FindRepositoryRoot() => RepositoryPaths.Root;

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the operating system's temporary-file cleaning; never worth failing a test run over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"^#!([A-Za-z#]+)\s*$")]
    private static partial Regex CellHeader();

    [GeneratedRegex(@"^#r\s+""nuget:\s*CrimeOutcomes\s*(,[^""]*)?""\s*$")]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^#r\s+""nuget:\s*CrimeOutcomes\.Columnar\s*(,[^""]*)?""\s*$")]
    private static partial Regex ColumnarPackageLine();
}
