using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// The ONS code of a police force area, the stable key of a territorial force: "E23" and six digits in England
/// (E23000016, West Mercia), "W15" and six digits in Wales.
/// </summary>
public readonly record struct PoliceForceAreaCode
{
    private readonly string? _value;

    private PoliceForceAreaCode(string value) => _value = value;

    /// <summary>The code, for example "E23000016".</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default PoliceForceAreaCode holds no code.");

    /// <summary>Parses a code such as "E23000016" (case-insensitive, spaces trimmed).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a police force area code; the message quotes it.</exception>
    public static PoliceForceAreaCode Parse(string text)
        => TryParse(text, out var code) ? code : throw new FormatException(
            $"'{text}' is not a police force area code: expected 'E23' or 'W15' followed by six digits, such as 'E23000016'.");

    /// <summary>Tries to parse a code; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out PoliceForceAreaCode code)
    {
        code = default;
        var s = text.AsSpan().Trim();
        if (s.Length != 9
            || !(s.StartsWith("E23", StringComparison.OrdinalIgnoreCase) || s.StartsWith("W15", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        foreach (var c in s[3..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        code = new PoliceForceAreaCode(s.ToString().ToUpperInvariant());
        return true;
    }

    /// <summary>The code.</summary>
    public override string ToString() => _value ?? string.Empty;
}
