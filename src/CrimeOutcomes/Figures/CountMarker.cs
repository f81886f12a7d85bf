using System.Collections.Frozen;

namespace CrimeOutcomes;

/// <summary>
/// A marker the published tables write in a count cell instead of a number: the cell has no figure, for the reason
/// the marker gives. Matched after trimming, in any case, with any dash ("N/A – offence code expired").
/// </summary>
/// <param name="Text">The marker in its usual spelling ("N/A - data not provided").</param>
/// <param name="Absence">What it means.</param>
public sealed record CountMarker(string Text, FigureAbsence Absence)
{
    private static readonly CountMarker[] KnownMarkers =
    [
        new(string.Empty, FigureAbsence.NotAvailable),
        new("--", FigureAbsence.NotApplicable),
        new("..", FigureAbsence.NotAvailable),
        new("NA", FigureAbsence.NotAvailable),
        new("N/A", FigureAbsence.NotAvailable),
        new("#N/A", FigureAbsence.NotAvailable),
        new("NULL", FigureAbsence.NotAvailable),
        new("N/A - offence code expired", FigureAbsence.NotApplicable),
        new("N/A - data not provided", FigureAbsence.NotProvided),
        new("[x]", FigureAbsence.NotAvailable),
        new("[c]", FigureAbsence.Suppressed),
        new("[z]", FigureAbsence.NotApplicable),
        new("[low]", FigureAbsence.Suppressed),
    ];

    private static readonly FrozenDictionary<string, CountMarker> ByKey = KnownMarkers.ToFrozenDictionary(m => Key(m.Text), StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, CountMarker>.AlternateLookup<ReadOnlySpan<char>> ByKeySpan = ByKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every marker the readers know: blank, "--", "..", "NA", "N/A", "N/a", "#N/A", "NULL", "N/A - offence code expired", "N/A - data not provided", "[x]", "[c]", "[z]", "[low]".</summary>
    public static IReadOnlyList<CountMarker> Known => KnownMarkers;

    /// <summary>Whether <paramref name="text"/> is a known marker (any case, trimmed, any dash).</summary>
    /// <param name="text">A count cell's text.</param>
    /// <param name="marker">The marker, when it is one.</param>
    public static bool TryMatch(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CountMarker? marker)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 40)
        {
            marker = null;
            return false;
        }

        Span<char> key = stackalloc char[trimmed.Length];
        var length = Key(trimmed, key);
        return ByKeySpan.TryGetValue(key[..length], out marker);
    }

    /// <summary>The text in lower case, with every dash a hyphen-minus and runs of spaces one space.</summary>
    private static int Key(ReadOnlySpan<char> text, Span<char> key)
    {
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                key[length++] = ' ';
                space = false;
            }

            key[length++] = c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' ? '-' : char.ToLowerInvariant(c);
        }

        return length;
    }

    private static string Key(string text)
    {
        Span<char> key = stackalloc char[text.Length];
        return new string(key[..Key(text.AsSpan().Trim(), key)]);
    }
}
