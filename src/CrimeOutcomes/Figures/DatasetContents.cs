namespace CrimeOutcomes;

/// <summary>
/// What a dataset holds, for the messages of lookups that find nothing: its scopes, periods and bases, and the
/// key nearest the one asked for (a dataset imported with an offence-group filter holds no "All crime").
/// </summary>
internal static class DatasetContents
{
    private const int MaxListed = 8;

    /// <summary>" The dataset holds scopes …; periods …; bases …. Nearest the request: …." (or " The dataset is empty.").</summary>
    public static string Describe(OutcomeDataset data, FigureKey key)
    {
        if (data.Keys.Count == 0)
        {
            return " The dataset is empty.";
        }

        var scopes = data.Scopes.Select(s => s.ToString()).Order(StringComparer.Ordinal).ToArray();
        var periods = data.Periods.Select(p => p.ToString()).ToArray();
        var bases = data.Bases.Select(b => b.ToDisplayName()).ToArray();
        var text = $" The dataset holds scopes {List(scopes)}; periods {List(periods)}; bases {(bases.Length == 0 ? "none (no outcome counts)" : List(bases))}.";
        return Nearest(data, key) is { } nearest && nearest != key
            ? $"{text} Nearest the request: {nearest.Scope}, {nearest.Period}{(nearest.Area == key.Area ? string.Empty : $", for {nearest.Area.Name}")}."
            : text;
    }

    /// <summary>The held key nearest <paramref name="key"/>: the same area first, then the same scope name, then the closest period of the same kind.</summary>
    private static FigureKey? Nearest(OutcomeDataset data, FigureKey key)
    {
        var areas = key.Area.Forces.Prepend<Area>(key.Area).ToHashSet();
        return data.Keys
            .OrderBy(k => k.Area == key.Area ? 0 : areas.Contains(k.Area) ? 1 : 2)
            .ThenBy(k => k.Scope == key.Scope ? 0 : string.Equals(k.Scope.Name, key.Scope.Name, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(k => k.Period.Kind == key.Period.Kind ? 0 : 1)
            .ThenBy(k => Math.Abs(k.Period.Start.DayNumber - key.Period.Start.DayNumber))
            .Select(k => (FigureKey?)k)
            .FirstOrDefault();
    }

    private static string List(string[] items)
        => items.Length <= MaxListed
            ? string.Join(", ", items.Select(i => $"'{i}'"))
            : $"{string.Join(", ", items.Take(MaxListed).Select(i => $"'{i}'"))} and {items.Length - MaxListed} more";
}
