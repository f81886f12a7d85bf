using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>A Home Office offence code such as "8N" or "92A": one to three digits and at most two letters (stored in upper case).</summary>
public readonly record struct OffenceCode
{
    private readonly string? _value;

    private OffenceCode(string value) => _value = value;

    /// <summary>The code, for example "8N".</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default OffenceCode holds no code.");

    /// <summary>Parses an offence code ("8N", "92a", " 195 "; spaces trimmed, letters upper-cased).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not an offence code; the message quotes it.</exception>
    public static OffenceCode Parse(string text)
        => TryParse(text, out var code) ? code : throw new FormatException(
            $"'{text}' is not an offence code: expected one to three digits and at most two letters, such as '8N' or '92A'.");

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
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        var letters = s.Length - digits;
        if (digits is < 1 or > 3 || letters > 2)
        {
            return false;
        }

        foreach (var c in s[digits..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        code = new OffenceCode(s.ToString().ToUpperInvariant());
        return true;
    }

    /// <summary>The code.</summary>
    public override string ToString() => _value ?? string.Empty;
}
