using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// A financial year, 1 April to 31 March, as used by every Home Office publication: written "2016/17" or
/// "year ending March 2017". It is a different concept from a <see cref="CalendarYear"/> and never converts into
/// one implicitly.
/// </summary>
/// <remarks>
/// Parsing accepts "2016/17", "2016-17", "2016/2017", "FY2016/17", "FY 2016-17" and "year ending March 2017"
/// (case-insensitive, "YE March 2017" too). Formatting gives "2016/17"; the format "L" gives
/// "year ending March 2017".
/// </remarks>
public readonly struct FinancialYear : IEquatable<FinancialYear>, IComparable<FinancialYear>, IComparable, ISpanFormattable, ISpanParsable<FinancialYear>
{
    private FinancialYear(int startYear) => StartYear = startYear;

    /// <summary>The calendar year in which this financial year starts (2016 for 2016/17).</summary>
    public int StartYear { get; }

    /// <summary>The calendar year in which this financial year ends (2017 for 2016/17).</summary>
    public int EndYear => StartYear + 1;

    /// <summary>The first day, 1 April of <see cref="StartYear"/>.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>The last day, 31 March of <see cref="EndYear"/>.</summary>
    public DateOnly End => new(EndYear, 3, 31);

    /// <summary>The four quarters, Q1 (April to June) to Q4 (January to March).</summary>
    public IReadOnlyList<FinancialQuarter> Quarters =>
        [FinancialQuarter.Of(this, 1), FinancialQuarter.Of(this, 2), FinancialQuarter.Of(this, 3), FinancialQuarter.Of(this, 4)];

    /// <summary>The financial year that starts in April of <paramref name="startYear"/> (2016 gives 2016/17).</summary>
    /// <param name="startYear">The calendar year in which it starts.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the supported range.</exception>
    public static FinancialYear StartingIn(int startYear)
    {
        if (startYear is < CalendarYear.MinYear or >= CalendarYear.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear,
                $"A financial year must start between {CalendarYear.MinYear} and {CalendarYear.MaxYear - 1}.");
        }

        return new FinancialYear(startYear);
    }

    /// <summary>The financial years from <paramref name="first"/> to <paramref name="last"/>, both included, oldest first ("2014/15" to "2025/26" is twelve years).</summary>
    /// <param name="first">The first year.</param>
    /// <param name="last">The last year, not before <paramref name="first"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static IReadOnlyList<FinancialYear> Range(FinancialYear first, FinancialYear last)
    {
        if (last.StartYear < first.StartYear)
        {
            throw new ArgumentException($"A range of financial years runs forwards: {last} is before {first}.", nameof(last));
        }

        return [.. Enumerable.Range(first.StartYear, last.StartYear - first.StartYear + 1).Select(StartingIn)];
    }

    /// <summary>
    /// Parses a run of financial years: one ("2020/21"), a range ("2014/15..2025/26", both included), or a list of
    /// either joined by commas ("2016/17,2018/19..2020/21"); each year once, oldest first.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">A part is not a financial year or a range of them; the message quotes it.</exception>
    public static IReadOnlyList<FinancialYear> ParseRun(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var years = new SortedSet<FinancialYear>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                years.Add(Parse(part));
                continue;
            }

            var (first, last) = (Parse(part[..dots].Trim()), Parse(part[(dots + 2)..].Trim()));
            if (last < first)
            {
                throw new FormatException($"'{part}' is not a range of financial years: {last} is before {first} (write the earlier year first).");
            }

            years.UnionWith(Range(first, last));
        }

        return years.Count > 0 ? [.. years] : throw new FormatException($"'{text}' names no financial year: expected '2020/21', '2014/15..2025/26' or a list joined by commas.");
    }

    /// <summary>The financial year that ends in March of <paramref name="endYear"/> ("year ending March 2017" is 2016/17).</summary>
    /// <param name="endYear">The calendar year in which it ends.</param>
    public static FinancialYear EndingMarch(int endYear) => StartingIn(endYear - 1);

    /// <summary>The financial year that contains <paramref name="date"/>: dates from January to March belong to the year that started the April before.</summary>
    /// <param name="date">Any date.</param>
    public static FinancialYear Containing(DateOnly date) => StartingIn(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>The year before this one.</summary>
    public FinancialYear Previous() => StartingIn(StartYear - 1);

    /// <summary>The year after this one.</summary>
    public FinancialYear Next() => StartingIn(StartYear + 1);

    /// <summary>Whether <paramref name="date"/> falls in this financial year.</summary>
    /// <param name="date">The date to test.</param>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Parses a financial year (see the remarks on <see cref="FinancialYear"/> for the forms accepted).</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a financial year; the message quotes it and lists the accepted forms.</exception>
    public static FinancialYear Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), null);
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static FinancialYear Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParseCore(s, out var result) ? result : throw new FormatException(
            $"'{s.ToString()}' is not a financial year: expected a form such as '2016/17', '2016-17', 'FY2016/17' or 'year ending March 2017'.");

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static FinancialYear Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Tries to parse a financial year; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The year, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out FinancialYear result) => TryParseCore(text.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string?, out FinancialYear)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The year, when parsing succeeds.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out FinancialYear result) => TryParseCore(s, out result);

    /// <inheritdoc cref="TryParse(string?, out FinancialYear)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The year, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FinancialYear result) => TryParseCore(s.AsSpan(), out result);

    internal static bool TryParseCore(ReadOnlySpan<char> text, out FinancialYear result)
    {
        result = default;
        var s = text.Trim();

        // "year ending March 2017", "YE March 2017", "YE Mar 2017"
        foreach (var prefix in YearEndingPrefixes)
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = s[prefix.Length..].Trim();
                if (rest.Length == 4 && TryYear(rest, out var endYear) && endYear - 1 >= CalendarYear.MinYear)
                {
                    result = new FinancialYear(endYear - 1);
                    return true;
                }

                return false;
            }
        }

        if (s.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart();
        }

        // "2016/17", "2016-17", "2016/2017", "2016–17"
        if (s.Length is not (7 or 9) || !TryYear(s[..4], out var start) || s[4] is not ('/' or '-' or '–'))
        {
            return false;
        }

        var tail = s[5..];
        if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            return false;
        }

        var expectedEnd = start + 1;
        var matches = tail.Length == 2 ? end == expectedEnd % 100 : end == expectedEnd;
        if (!matches || start >= CalendarYear.MaxYear)
        {
            return false;
        }

        result = new FinancialYear(start);
        return true;
    }

    private static readonly string[] YearEndingPrefixes = ["year ending March", "year ending Mar", "YE March", "YE Mar"];

    private static bool TryYear(ReadOnlySpan<char> digits, out int year)
        => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out year)
           && year is >= CalendarYear.MinYear and <= CalendarYear.MaxYear;

    /// <summary>The Home Office short form, for example "2016/17".</summary>
    public override string ToString() => $"{StartYear:D4}/{EndYear % 100:D2}";

    /// <summary>Formats the year: null, empty or "G" gives "2016/17"; "L" gives "year ending March 2017".</summary>
    /// <param name="format">"G" or "L".</param>
    /// <param name="formatProvider">Ignored: the format is culture-invariant.</param>
    /// <exception cref="FormatException">The format is neither "G" nor "L".</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => ToString(),
        "L" => $"year ending March {EndYear:D4}",
        _ => throw new FormatException($"'{format}' is not a financial year format: expected 'G' or 'L'."),
    };

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(FinancialYear other) => StartYear == other.StartYear;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FinancialYear other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StartYear;

    /// <inheritdoc/>
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        FinancialYear other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(FinancialYear)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(FinancialYear left, FinancialYear right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FinancialYear left, FinancialYear right) => !left.Equals(right);

    /// <summary>Earlier than.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;

    /// <summary>Later than.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;

    /// <summary>Earlier than or the same.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;

    /// <summary>Later than or the same.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;
}
