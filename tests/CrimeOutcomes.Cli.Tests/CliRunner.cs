using System.CommandLine;
using CrimeOutcomes.Cli;
using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Cli.Tests;

/// <summary>Runs the crime-outcomes commands in-process, from the repository root, capturing what they print.</summary>
internal static class CliRunner
{
    public static readonly string RepositoryRoot = RepositoryPaths.Root;

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

}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    // The runner changes the process's current directory.
    public const string Name = "CLI";
}
