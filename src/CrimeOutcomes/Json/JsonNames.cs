using System.Collections.Frozen;

namespace CrimeOutcomes.Json;

/// <summary>The written names of the enumerations that appear in the JSON documents, in camel case, without reflection.</summary>
internal static class JsonNames
{
    public static EnumNames<PeriodKind> PeriodKinds { get; } = new("period kind",
        (PeriodKind.CalendarYear, "calendarYear"), (PeriodKind.FinancialYear, "financialYear"), (PeriodKind.FinancialQuarter, "financialQuarter"));

    public static EnumNames<CountBasis> Bases { get; } = new EnumNames<CountBasis>("count basis",
        (CountBasis.Recorded, "recorded"), (CountBasis.Closed, "closed"), (CountBasis.Unstated, "unstated"))
        .AlsoReading((CountBasis.Recorded, "recordedInPeriod"), (CountBasis.Closed, "assignedInPeriod"));

    public static EnumNames<FigureAbsence> Absences { get; } = new("reason for an absent figure",
        (FigureAbsence.NotReported, "notReported"), (FigureAbsence.NotApplicable, "notApplicable"), (FigureAbsence.NotAvailable, "notAvailable"),
        (FigureAbsence.NotProvided, "notProvided"), (FigureAbsence.Suppressed, "suppressed"),
        (FigureAbsence.NotInRelease, "notInRelease"));

    public static EnumNames<AreaKind> GroupKinds { get; } = new("group kind",
        (AreaKind.Region, "region"), (AreaKind.Country, "country"), (AreaKind.EnglandAndWales, "englandAndWales"), (AreaKind.Group, "group"));

    public static EnumNames<RatioDenominator> Denominators { get; } = new("ratio denominator",
        (RatioDenominator.RecordedCrimes, "recordedCrimes"), (RatioDenominator.AssignedOutcomes, "assignedOutcomes"),
        (RatioDenominator.SuspectIdentifiedOutcomes, "suspectIdentifiedOutcomes"));
}

/// <summary>A two-way table between the values of an enumeration and their exact written names.</summary>
/// <typeparam name="T">The enumeration.</typeparam>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<T, string> _names;
    private readonly FrozenDictionary<string, T> _values;
    private readonly string _what;
    private readonly string[] _written;

    public EnumNames(string what, params (T Value, string Name)[] pairs)
        : this(what, pairs, [])
    {
    }

    private EnumNames(string what, (T Value, string Name)[] pairs, (T Value, string Name)[] formerNames)
    {
        _what = what;
        _names = pairs.ToFrozenDictionary(p => p.Value, p => p.Name);
        _values = pairs.Concat(formerNames).ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        _written = [.. pairs.Select(p => p.Name)];
    }

    /// <summary>The same names, reading also <paramref name="formerNames"/> (written by earlier versions) but never writing them.</summary>
    public EnumNames<T> AlsoReading(params (T Value, string Name)[] formerNames)
        => new(_what, [.. _names.Select(n => (n.Key, n.Value))], formerNames);

    public string Name(T value)
        => _names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {_what} that JSON can carry.");

    public T Parse(string text, string path)
        => _values.TryGetValue(text, out var value)
            ? value
            : throw JsonErrors.At(path, $"{JsonErrors.Quote(text)} is not a {_what}: expected one of {string.Join(", ", _written.Order(StringComparer.Ordinal).Select(k => $"'{k}'"))}.");
}
