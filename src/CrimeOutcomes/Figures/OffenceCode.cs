using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// A Home Office offence code exactly as the published tables write it (letters upper-cased): digits with letters
/// ("8N", "105A", "3A", "802", "53F"), dotted ("4.4", "4.10", "37.2") or a compound of such parts joined by "/"
/// ("1/4.1/4.10/4.2", homicide). Codes are text, never numbers: "4.10" is not "4.1". A compound code equals the
/// same parts in another order (the recorded-crime tables write homicide "1/4.1/4.2/4.10"); <see cref="Value"/>
/// keeps the order first read.
/// </summary>
public readonly struct OffenceCode : IEquatable<OffenceCode>
{
    private const int MaxParts = 16;
    private readonly string? _value;
    private readonly string? _canonical;

    private OffenceCode(string value, string canonical)
    {
        _value = value;
        _canonical = canonical;
    }

    /// <summary>The code as written, letters upper-cased, for example "8N" or "1/4.1/4.10/4.2".</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default OffenceCode holds no code.");

    /// <summary>Whether the code joins several codes with "/" (the homicide code "1/4.1/4.10/4.2").</summary>
    public bool IsCompound => _value?.Contains('/', StringComparison.Ordinal) == true;

    /// <summary>The parts of a compound code in the order written ("1", "4.1", "4.10", "4.2"); the code itself otherwise.</summary>
    public IReadOnlyList<string> Parts => _value is null ? [] : _value.Split('/');

    /// <summary>Parses an offence code ("8N", "92a", "37.2", "1/4.1/4.10/4.2", " 195 "; spaces trimmed, letters upper-cased).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not an offence code; the message quotes it.</exception>
    public static OffenceCode Parse(string text)
        => TryParse(text, out var code) ? code : throw new FormatException(
            $"'{text}' is not an offence code: expected one to three digits, optionally a dot and one to three more digits, and at most two letters, such as '8N', '105A', '37.2', or such codes joined by '/' such as '1/4.1/4.10/4.2'.");

    /// <summary>Tries to parse an offence code; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out OffenceCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse an offence code from a span.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when parsing succeeds.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out OffenceCode code)
    {
        code = default;
        var s = text.Trim();
        if (s.IsEmpty || s.Length > 64)
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[MaxParts + 1];
        var count = s.Split(parts, '/');
        if (count > MaxParts)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!IsPart(s[parts[i]].Trim()))
            {
                return false;
            }
        }

        var written = new string[count];
        for (var i = 0; i < count; i++)
        {
            written[i] = s[parts[i]].Trim().ToString().ToUpperInvariant();
        }

        var value = string.Join('/', written);
        if (count > 1)
        {
            Array.Sort(written, StringComparer.Ordinal);
        }

        code = new OffenceCode(value, count > 1 ? string.Join('/', written) : value);
        return true;
    }

    /// <summary>One to three digits, optionally "." and one to three digits, then at most two letters.</summary>
    private static bool IsPart(ReadOnlySpan<char> part)
    {
        var i = Digits(part, 0);
        if (i is < 1 or > 3)
        {
            return false;
        }

        if (i < part.Length && part[i] == '.')
        {
            var fraction = Digits(part, i + 1) - (i + 1);
            if (fraction is < 1 or > 3)
            {
                return false;
            }

            i += 1 + fraction;
        }

        var letters = part.Length - i;
        if (letters > 2)
        {
            return false;
        }

        foreach (var c in part[i..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;

        static int Digits(ReadOnlySpan<char> span, int start)
        {
            var end = start;
            while (end < span.Length && char.IsAsciiDigit(span[end]))
            {
                end++;
            }

            return end;
        }
    }

    /// <summary>Whether both hold the same code: the same parts, in any order.</summary>
    /// <param name="other">The other code.</param>
    public bool Equals(OffenceCode other) => string.Equals(_canonical, other._canonical, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OffenceCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _canonical is null ? 0 : StringComparer.Ordinal.GetHashCode(_canonical);

    /// <summary>Whether both hold the same code.</summary>
    /// <param name="left">One code.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(OffenceCode left, OffenceCode right) => left.Equals(right);

    /// <summary>Whether the codes differ.</summary>
    /// <param name="left">One code.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(OffenceCode left, OffenceCode right) => !left.Equals(right);

    /// <summary>The code as written.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>The parts sorted, joined by "/": equal for equal codes (for keys that must match whatever the order).</summary>
    internal string Canonical => _canonical ?? string.Empty;
}
