using System.CommandLine;
using CrimeOutcomes.Cli;

namespace CrimeOutcomes.Cli.Tests;

/// <summary>Runs the crime-outcomes commands in-process, from the repository root, capturing what they print.</summary>
internal static class CliRunner
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = RepositoryRoot;
            var exitCode = CommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrimeOutcomes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CrimeOutcomes.sln was not found above the test assembly.");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    // The runner changes the process's current directory.
    public const string Name = "CLI";
}
