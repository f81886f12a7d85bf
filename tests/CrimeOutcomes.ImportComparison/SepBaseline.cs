using System.Globalization;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace CrimeOutcomes.ImportComparison;

/// <summary>The hand-written baseline: the same aggregate as the other baselines, with a plain Sep loop.</summary>
internal static class SepBaseline
{
    /// <summary>The offence group every baseline filters to.</summary>
    public const string Group = "Violence against the person";

    /// <summary>A tuned single-thread Sep loop: spans, interned keys, no validation beyond parsing the counts.</summary>
    public static string SepLoop(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        var header = reader.Header;
        int force = header.IndexOf("Force Name"), year = header.IndexOf("Financial Year"), outcome = header.IndexOf("Outcome Type"),
            group = header.IndexOf("Offence Group"), recorded = header.IndexOf("Force outcomes for offences recorded in quarter"), closed = header.IndexOf("Force outcomes recorded in quarter");
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var sums = new Dictionary<(int, int, int), (long Recorded, long Closed)>();
        long rows = 0;
        foreach (var row in reader)
        {
            rows++;
            if (!row[group].Span.SequenceEqual(Group))
            {
                continue;
            }

            var key = (Intern(row[force].Span), Intern(row[year].Span), Intern(row[outcome].Span));
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _);
            sum.Recorded += long.Parse(row[recorded].Span, CultureInfo.InvariantCulture);
            sum.Closed += long.Parse(row[closed].Span, CultureInfo.InvariantCulture);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{sums.Count:N0} groups from {rows:N0} rows; recorded-basis total {sums.Values.Sum(s => s.Recorded):N0}");

        int Intern(ReadOnlySpan<char> text)
        {
            if (!lookup.TryGetValue(text, out var id))
            {
                id = names.Count;
                lookup[text] = id;
            }

            return id;
        }
    }
}
