using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>Reads the release date from the suffix of a Home Office file name: "...-tables-240425.xlsx" (or .csv.gz) is 25 April 2024.</summary>
internal static class ReleaseDate
{
    public static DateOnly? FromFileName(string path)
    {
        // "...-tables-240425.csv.gz": the date is before the extensions.
        var stem = Path.GetFileNameWithoutExtension(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path);
        var dash = stem.LastIndexOfAny(['-', '_']);
        var suffix = dash >= 0 ? stem.AsSpan(dash + 1) : ReadOnlySpan<char>.Empty;
        return suffix.Length == 6
               && DateOnly.TryParseExact(suffix, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }
}
