using System.IO.Compression;

namespace CrimeOutcomes.Tests.Shared;

/// <summary>
/// The real Home Office outcomes open data for 2017/18 in ../shared/real beside the repository (450,912 rows), and
/// the figures its README gives, computed with pandas from the file.
/// </summary>
internal static class RealData
{
    private static readonly Lazy<string> LazyCsv = new(Decompress);

    /// <summary>../shared/real/outcomes-2017-18.csv.gz, as published (gzip).</summary>
    public static string GzipPath
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "real", "outcomes-2017-18.csv.gz"));
            return File.Exists(path) ? path : throw new FileNotFoundException(
                $"The real 2017/18 outcomes open data is not at {path}: CI and every checkout keep the shared folder beside the repository.", path);
        }
    }

    /// <summary>The same file unpacked to a temporary csv (once per test process; deleted when the process ends).</summary>
    public static string CsvPath => LazyCsv.Value;

    /// <summary>
    /// A few real lines as a csv (the header, the first rows, rows of dotted and compound codes, rows with negative
    /// counts), read from the start of the gzip file: seeds for fuzzing with the real quirks.
    /// </summary>
    public static string SampleLines()
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(GzipPath), CompressionMode.Decompress));
        var lines = new List<string> { reader.ReadLine()! };
        int first = 0, codes = 0, negative = 0;
        for (var line = reader.ReadLine(); line is not null && (first < 12 || codes < 6 || negative < 3); line = reader.ReadLine())
        {
            if (first < 12)
            {
                first++;
                lines.Add(line);
            }
            else if (codes < 6 && (line.Contains(",1/4.1/4.10/4.2,", StringComparison.Ordinal) || line.Contains(",37.2,", StringComparison.Ordinal) || line.Contains(",4.4,", StringComparison.Ordinal)))
            {
                codes++;
                lines.Add(line);
            }
            else if (negative < 3 && line.Contains(",-", StringComparison.Ordinal))
            {
                negative++;
                lines.Add(line);
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Rows in the file.</summary>
    public const int Rows = 450_912;

    private static string Decompress()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crimeoutcomes-real-{Environment.ProcessId}", "outcomes-2017-18.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var source = new GZipStream(File.OpenRead(GzipPath), CompressionMode.Decompress))
        using (var target = File.Create(path))
        {
            source.CopyTo(target);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return path;
    }
}
