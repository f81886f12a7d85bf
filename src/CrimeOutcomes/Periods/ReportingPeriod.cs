using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// The period a figure covers: exactly one of a <see cref="CrimeOutcomes.CalendarYear"/>, a
/// <see cref="CrimeOutcomes.FinancialYear"/> or a <see cref="CrimeOutcomes.FinancialQuarter"/>, and always says which.
/// A calendar year and the financial year that overlaps it are different periods: nothing here converts one
/// into the other.
/// </summary>
/// <remarks>
/// Each of the three period types converts implicitly into a <see cref="ReportingPeriod"/> (wrapping it, not
/// changing it). Ordering sorts calendar years first, then financial years, then quarters, each chronologically;
/// it is for stable sorting, not a statement that one kind comes before another in time.
/// </remarks>
public readonly struct ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>, IComparable, ISpanParsable<ReportingPeriod>
{
    private readonly int _value;

    private ReportingPeriod(PeriodKind kind, int value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>Which kind of period this is.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.CalendarYear => AsCalendarYear().Start,
        PeriodKind.FinancialYear => AsFinancialYear().Start,
        PeriodKind.FinancialQuarter => AsFinancialQuarter().Start,
        _ => throw Uninitialised(),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.CalendarYear => AsCalendarYear().End,
        PeriodKind.FinancialYear => AsFinancialYear().End,
        PeriodKind.FinancialQuarter => AsFinancialQuarter().End,
        _ => throw Uninitialised(),
    };

    /// <summary>Wraps a calendar year.</summary>
    /// <param name="year">The year.</param>
    public static ReportingPeriod Of(CalendarYear year) => new(PeriodKind.CalendarYear, year.Year);

    /// <summary>Wraps a financial year.</summary>
    /// <param name="year">The year.</param>
    public static ReportingPeriod Of(FinancialYear year) => new(PeriodKind.FinancialYear, year.StartYear);

    /// <summary>Wraps a financial quarter.</summary>
    /// <param name="quarter">The quarter.</param>
    public static ReportingPeriod Of(FinancialQuarter quarter) => new(PeriodKind.FinancialQuarter, quarter.GetHashCode());

    /// <summary>Wraps a calendar year.</summary>
    /// <param name="year">The year.</param>
    public static implicit operator ReportingPeriod(CalendarYear year) => Of(year);

    /// <summary>Wraps a financial year.</summary>
    /// <param name="year">The year.</param>
    public static implicit operator ReportingPeriod(FinancialYear year) => Of(year);

    /// <summary>Wraps a financial quarter.</summary>
    /// <param name="quarter">The quarter.</param>
    public static implicit operator ReportingPeriod(FinancialQuarter quarter) => Of(quarter);

    /// <summary>The calendar year this period holds.</summary>
    /// <exception cref="InvalidOperationException">The period is not a calendar year.</exception>
    public CalendarYear AsCalendarYear() => Kind == PeriodKind.CalendarYear
        ? CalendarYear.Of(_value)
        : throw WrongKind(PeriodKind.CalendarYear);

    /// <summary>The financial year this period holds.</summary>
    /// <exception cref="InvalidOperationException">The period is not a financial year.</exception>
    public FinancialYear AsFinancialYear() => Kind == PeriodKind.FinancialYear
        ? FinancialYear.StartingIn(_value)
        : throw WrongKind(PeriodKind.FinancialYear);

    /// <summary>The financial quarter this period holds.</summary>
    /// <exception cref="InvalidOperationException">The period is not a financial quarter.</exception>
    public FinancialQuarter AsFinancialQuarter() => Kind == PeriodKind.FinancialQuarter
        ? FinancialQuarter.Of(FinancialYear.StartingIn((_value - 1) / 4), ((_value - 1) % 4) + 1)
        : throw WrongKind(PeriodKind.FinancialQuarter);

    /// <summary>
    /// The period of the same kind one year earlier: the previous calendar or financial year, or the same quarter
    /// of the previous financial year. This is the comparison period of a year-on-year change.
    /// </summary>
    public ReportingPeriod YearEarlier() => Kind switch
    {
        PeriodKind.CalendarYear => AsCalendarYear().Previous(),
        PeriodKind.FinancialYear => AsFinancialYear().Previous(),
        PeriodKind.FinancialQuarter => AsFinancialQuarter().YearEarlier(),
        _ => throw Uninitialised(),
    };

    /// <summary>Whether this period overlaps the days from <paramref name="from"/> to <paramref name="to"/> (inclusive; an open end when null).</summary>
    /// <param name="from">The first day, or null for no lower bound.</param>
    /// <param name="to">The last day, or null for no upper bound.</param>
    public bool Overlaps(DateOnly? from, DateOnly? to) => (from is null || End >= from) && (to is null || Start <= to);

    /// <summary>
    /// Parses a period and infers its kind from its form: "2016" is a calendar year, "2016/17" (or any form
    /// <see cref="FinancialYear.Parse(string)"/> accepts) a financial year, "2016/17 Q1" a financial quarter.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is none of these; the message quotes it.</exception>
    public static ReportingPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), null);
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static ReportingPeriod Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var result) ? result : throw new FormatException(
            $"'{s.ToString()}' is not a period: expected a calendar year ('2016'), a financial year ('2016/17', 'year ending March 2017') or a financial quarter ('2016/17 Q1').");

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    public static ReportingPeriod Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Tries to parse a period; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The period, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod result) => TryParse(text.AsSpan(), null, out result);

    /// <inheritdoc cref="TryParse(string?, out ReportingPeriod)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The period, when parsing succeeds.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportingPeriod result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc cref="TryParse(string?, out ReportingPeriod)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The period, when parsing succeeds.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ReportingPeriod result)
    {
        if (FinancialQuarter.TryParse(s, provider, out var quarter))
        {
            result = quarter;
            return true;
        }

        if (FinancialYear.TryParseCore(s, out var financialYear))
        {
            result = financialYear;
            return true;
        }

        if (CalendarYear.TryParse(s, provider, out var calendarYear))
        {
            result = calendarYear;
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>The period in its usual written form: "2016", "2016/17" or "2016/17 Q1".</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.CalendarYear => AsCalendarYear().ToString(),
        PeriodKind.FinancialYear => AsFinancialYear().ToString(),
        PeriodKind.FinancialQuarter => AsFinancialQuarter().ToString(),
        _ => "(no period)",
    };

    /// <inheritdoc/>
    public bool Equals(ReportingPeriod other) => Kind == other.Kind && _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReportingPeriod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind << 24) ^ _value;

    /// <inheritdoc/>
    public int CompareTo(ReportingPeriod other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : _value.CompareTo(other._value);
    }

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ReportingPeriod other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(ReportingPeriod)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(ReportingPeriod left, ReportingPeriod right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ReportingPeriod left, ReportingPeriod right) => !left.Equals(right);

    /// <summary>Sorts before.</summary>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Sorts after.</summary>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Sorts before or equal.</summary>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Sorts after or equal.</summary>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    private InvalidOperationException WrongKind(PeriodKind wanted)
        => new($"The period {this} is a {Describe(Kind)}, not a {Describe(wanted)}; no conversion between kinds of period is made.");

    private static InvalidOperationException Uninitialised() => new("The period is the default value and holds no period.");

    private static string Describe(PeriodKind kind) => kind switch
    {
        PeriodKind.CalendarYear => "calendar year",
        PeriodKind.FinancialYear => "financial year",
        PeriodKind.FinancialQuarter => "financial quarter",
        _ => "default (empty) period",
    };
}
