using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// A calendar year, January to December, as used by many Freedom of Information answers and by the press
/// (for example "2016"). It is a different concept from a <see cref="FinancialYear"/> and never converts into one
/// implicitly.
/// </summary>
public readonly struct CalendarYear : IEquatable<CalendarYear>, IComparable<CalendarYear>, IComparable, ISpanFormattable, ISpanParsable<CalendarYear>
{
    /// <summary>The earliest year accepted (police recorded crime series start well after it).</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year accepted.</summary>
    public const int MaxYear = 2200;

    private CalendarYear(int year) => Year = year;

    /// <summary>The year number, for example 2016.</summary>
    public int Year { get; }

    /// <summary>The first day of the year (1 January).</summary>
    public DateOnly Start => new(Year, 1, 1);

    /// <summary>The last day of the year (31 December).</summary>
    public DateOnly End => new(Year, 12, 31);

    /// <summary>Creates the calendar year <paramref name="year"/>.</summary>
    /// <param name="year">The year number, from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the supported range.</exception>
    public static CalendarYear Of(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A calendar year must be between {MinYear} and {MaxYear}.");
        }

        return new CalendarYear(year);
    }

    /// <summary>The calendar year that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    public static CalendarYear Containing(DateOnly date) => Of(date.Year);

    /// <summary>The year before this one.</summary>
    public CalendarYear Previous() => Of(Year - 1);

    /// <summary>The year after this one.</summary>
    public CalendarYear Next() => Of(Year + 1);

    /// <summary>Whether <paramref name="date"/> falls in this year.</summary>
    /// <param name="date">The date to test.</param>
    public bool Contains(DateOnly date) => date.Year == Year;

    /// <summary>Parses a calendar year written as four digits, for example "2016" (surrounding spaces are ignored).</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a calendar year; the message quotes it.</exception>
    public static CalendarYear Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), null);
    }

    /// <summary>Parses a calendar year; see <see cref="Parse(string)"/>.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static CalendarYear Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParseCore(s, out var result, out var error) ? result : throw new FormatException(error);

    /// <summary>Parses a calendar year; see <see cref="Parse(string)"/>.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static CalendarYear Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Tries to parse a calendar year; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The year, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out CalendarYear result)
        => TryParseCore(text.AsSpan(), out result, out _);

    /// <inheritdoc cref="TryParse(string?, out CalendarYear)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The year, when parsing succeeds.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CalendarYear result)
        => TryParseCore(s, out result, out _);

    /// <inheritdoc cref="TryParse(string?, out CalendarYear)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The year, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CalendarYear result)
        => TryParseCore(s.AsSpan(), out result, out _);

    private static bool TryParseCore(ReadOnlySpan<char> text, out CalendarYear result, out string error)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 4 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= MinYear and <= MaxYear)
        {
            result = new CalendarYear(year);
            error = string.Empty;
            return true;
        }

        result = default;
        error = $"'{text.ToString()}' is not a calendar year: expected four digits between {MinYear} and {MaxYear}, such as '2016'.";
        return false;
    }

    /// <summary>The year as four digits, for example "2016".</summary>
    public override string ToString() => Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => Year.TryFormat(destination, out charsWritten, "D4", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(CalendarYear other) => Year == other.Year;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CalendarYear other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Year;

    /// <inheritdoc/>
    public int CompareTo(CalendarYear other) => Year.CompareTo(other.Year);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CalendarYear other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(CalendarYear)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(CalendarYear left, CalendarYear right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CalendarYear left, CalendarYear right) => !left.Equals(right);

    /// <summary>Earlier than.</summary>
    public static bool operator <(CalendarYear left, CalendarYear right) => left.Year < right.Year;

    /// <summary>Later than.</summary>
    public static bool operator >(CalendarYear left, CalendarYear right) => left.Year > right.Year;

    /// <summary>Earlier than or the same.</summary>
    public static bool operator <=(CalendarYear left, CalendarYear right) => left.Year <= right.Year;

    /// <summary>Later than or the same.</summary>
    public static bool operator >=(CalendarYear left, CalendarYear right) => left.Year >= right.Year;
}
