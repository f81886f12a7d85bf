using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// A quarter of a <see cref="FinancialYear"/>: Q1 is April to June, Q2 July to September, Q3 October to December
/// and Q4 January to March of the following calendar year. Written "2020/21 Q1".
/// </summary>
public readonly struct FinancialQuarter : IEquatable<FinancialQuarter>, IComparable<FinancialQuarter>, IComparable, ISpanFormattable, ISpanParsable<FinancialQuarter>
{
    private FinancialQuarter(FinancialYear year, int quarter)
    {
        Year = year;
        Quarter = quarter;
    }

    /// <summary>The financial year the quarter belongs to.</summary>
    public FinancialYear Year { get; }

    /// <summary>The quarter number, 1 to 4.</summary>
    public int Quarter { get; }

    /// <summary>The first day of the quarter.</summary>
    public DateOnly Start => Year.Start.AddMonths(3 * (Quarter - 1));

    /// <summary>The last day of the quarter.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>Creates quarter <paramref name="quarter"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The financial year.</param>
    /// <param name="quarter">1 to 4.</param>
    /// <exception cref="ArgumentOutOfRangeException">The quarter is not 1 to 4.</exception>
    public static FinancialQuarter Of(FinancialYear year, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A financial quarter is numbered 1 to 4 (Q1 = April to June).");
        }

        return new FinancialQuarter(year, quarter);
    }

    /// <summary>The financial quarter that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    public static FinancialQuarter Containing(DateOnly date)
    {
        var year = FinancialYear.Containing(date);
        var monthsIn = ((date.Year - year.StartYear) * 12) + date.Month - 4;
        return new FinancialQuarter(year, (monthsIn / 3) + 1);
    }

    /// <summary>The same quarter one financial year earlier.</summary>
    public FinancialQuarter YearEarlier() => new(Year.Previous(), Quarter);

    /// <summary>Whether <paramref name="date"/> falls in this quarter.</summary>
    /// <param name="date">The date to test.</param>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// Parses a quarter number as the open data write it: "Q1" to "Q4" or "1" to "4" (case and surrounding spaces ignored).
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="quarter">1 to 4, when parsing succeeds.</param>
    public static bool TryParseQuarterNumber(ReadOnlySpan<char> text, out int quarter)
    {
        var s = text.Trim();
        if (s.Length == 2 && (s[0] is 'Q' or 'q'))
        {
            s = s[1..];
        }

        quarter = s.Length == 1 && s[0] is >= '1' and <= '4' ? s[0] - '0' : 0;
        return quarter != 0;
    }

    /// <summary>Parses "2020/21 Q1" (any financial year form that <see cref="FinancialYear.Parse(string)"/> accepts, a space, then Q1 to Q4).</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a financial quarter; the message quotes it.</exception>
    public static FinancialQuarter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), null);
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static FinancialQuarter Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var result) ? result : throw new FormatException(
            $"'{s.ToString()}' is not a financial quarter: expected a financial year and a quarter such as '2020/21 Q1'.");

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static FinancialQuarter Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Tries to parse a quarter such as "2020/21 Q1"; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The quarter, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out FinancialQuarter result) => TryParse(text.AsSpan(), null, out result);

    /// <inheritdoc cref="TryParse(string?, out FinancialQuarter)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The quarter, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FinancialQuarter result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc cref="TryParse(string?, out FinancialQuarter)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The quarter, when parsing succeeds.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out FinancialQuarter result)
    {
        result = default;
        var trimmed = s.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space < 0
            || !FinancialYear.TryParseCore(trimmed[..space], out var year)
            || !trimmed[(space + 1)..].StartsWith("Q", StringComparison.OrdinalIgnoreCase)
            || !TryParseQuarterNumber(trimmed[(space + 1)..], out var quarter))
        {
            return false;
        }

        result = new FinancialQuarter(year, quarter);
        return true;
    }

    /// <summary>The quarter as "2020/21 Q1".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year} Q{Quarter}");

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => destination.TryWrite(CultureInfo.InvariantCulture, $"{Year} Q{Quarter}", out charsWritten);

    /// <inheritdoc/>
    public bool Equals(FinancialQuarter other) => Year == other.Year && Quarter == other.Quarter;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FinancialQuarter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Year.StartYear * 4) + Quarter;

    /// <inheritdoc/>
    public int CompareTo(FinancialQuarter other) => GetHashCode().CompareTo(other.GetHashCode());

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        FinancialQuarter other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(FinancialQuarter)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(FinancialQuarter left, FinancialQuarter right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FinancialQuarter left, FinancialQuarter right) => !left.Equals(right);

    /// <summary>Earlier than.</summary>
    public static bool operator <(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) < 0;

    /// <summary>Later than.</summary>
    public static bool operator >(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) > 0;

    /// <summary>Earlier than or the same.</summary>
    public static bool operator <=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) <= 0;

    /// <summary>Later than or the same.</summary>
    public static bool operator >=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) >= 0;
}
