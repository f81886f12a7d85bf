using CrimeOutcomes.Import;
using Spectre.Console;

namespace CrimeOutcomes.Cli;

/// <summary>Runs an import with a progress bar on standard error for long reads; quiet when output is redirected or the files are small.</summary>
internal static class ImportProgressBar
{
    private const long LongReadBytes = 32L << 20;

    public static ImportResult Run(IReadOnlyList<FileInfo> files, ImportOptions options)
    {
        var paths = files.Select(f => f.FullName).ToArray();
        var quiet = Console.IsOutputRedirected || Console.IsErrorRedirected || files.Where(f => f.Exists).Sum(f => f.Length) < LongReadBytes;
        if (quiet)
        {
            return new OutcomesOpenDataReader(options).Read(paths);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(true).Start(context =>
        {
            var tasks = files.ToDictionary(f => f.Name, f => context.AddTask(f.Name, autoStart: true, maxValue: Math.Max(f.Length, 1)));
            var progress = new TaskProgress(tasks);
            var result = new OutcomesOpenDataReader(options with { Progress = progress }).Read(paths);
            foreach (var task in tasks.Values)
            {
                task.Value = task.MaxValue;
            }

            return result;
        });
    }

    /// <summary>Moves the bar of the file being read; called from the reading threads.</summary>
    private sealed class TaskProgress(Dictionary<string, ProgressTask> tasks) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (!tasks.TryGetValue(value.File, out var task))
            {
                return;
            }

            if (value.Total > 0)
            {
                task.MaxValue = value.Total;
                task.Value = value.Done;
            }
            else
            {
                task.IsIndeterminate = true;
            }
        }
    }
}
