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
