using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Tests;

/// <summary>Finds the project's reference tables in ../shared/reference beside the repository root.</summary>
internal static class ReferenceFiles
{
    public static string PathOf(string fileName)
    {
        var relative = Path.Combine("shared", "reference", fileName);
        return RepositoryPaths.FindAbove(relative) is { } dir
            ? Path.Combine(dir, relative)
            : throw new FileNotFoundException($"shared/reference/{fileName} was not found above {AppContext.BaseDirectory}; the tests expect ../shared beside the repository.");
    }

    /// <summary>The rows of the first markdown table in a file whose header starts with <paramref name="firstHeader"/>.</summary>
    public static IReadOnlyList<string[]> MarkdownTable(string fileName, string firstHeader)
    {
        var rows = new List<string[]>();
        var inTable = false;
        foreach (var line in File.ReadLines(PathOf(fileName)))
        {
            if (!line.StartsWith('|'))
            {
                if (inTable)
                {
                    break;
                }

                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!inTable)
            {
                inTable = cells[0] == firstHeader;
                continue;
            }

            if (cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(cells);
        }

        return rows;
    }
}
