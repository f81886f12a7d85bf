using System.Collections.Frozen;

namespace CrimeOutcomes.Import;

/// <summary>
/// Where each column of an open-data table is, found by header name after normalising case, spaces, dashes and
/// note markers, with the known synonyms of each edition; never by position.
/// </summary>
internal sealed class ColumnMap
{
    private enum Field
    {
        Year,
        Quarter,
        Force,
        OffenceGroup,
        OffenceSubgroup,
        OffenceCode,
        OutcomeGroup,
        OutcomeType,
        Recorded,
        Closed,
        Offences,
        Expired,
    }

    /// <summary>
    /// Some years of the republished workbooks (2024–26) put "Number of " before the count headers ("Number of
    /// outcomes for offences that were recorded in the quarter"); a count header is also recognised with it.
    /// </summary>
    private const string CountPrefix = "number of ";

    private static readonly FrozenDictionary<string, Field> Synonyms = new Dictionary<string, Field>
    {
        ["financial year"] = Field.Year,
        ["year"] = Field.Year,
        ["financial quarter"] = Field.Quarter,
        ["quarter"] = Field.Quarter,
        ["force name"] = Field.Force,
        ["force"] = Field.Force,
        ["police force"] = Field.Force,
        ["police force name"] = Field.Force,
        ["police force area"] = Field.Force,
        ["police force area name"] = Field.Force,
        ["pfa name"] = Field.Force,
        ["offence group"] = Field.OffenceGroup,
        ["offence subgroup"] = Field.OffenceSubgroup,
        ["offence sub group"] = Field.OffenceSubgroup,
        ["offence code"] = Field.OffenceCode,
        ["offence code expired"] = Field.Expired,
        ["outcome group"] = Field.OutcomeGroup,
        ["outcome type"] = Field.OutcomeType,
        ["outcome code"] = Field.OutcomeType,
        ["force outcomes for offences recorded in quarter"] = Field.Recorded,
        ["force outcomes for offences recorded in the quarter"] = Field.Recorded,
        ["outcomes for offences that were recorded in the quarter"] = Field.Recorded,
        ["outcomes for offences recorded in the quarter"] = Field.Recorded,
        ["outcomes for offences recorded in quarter"] = Field.Recorded,
        ["force outcomes recorded in quarter"] = Field.Closed,
        ["force outcomes recorded in the quarter"] = Field.Closed,
        ["outcomes for investigations that were closed in the quarter"] = Field.Closed,
        ["outcomes for investigations closed in the quarter"] = Field.Closed,
        ["outcomes recorded in quarter"] = Field.Closed,
        ["number of offences"] = Field.Offences,
        ["offences"] = Field.Offences,
        ["number of crimes"] = Field.Offences,
        ["offence count"] = Field.Offences,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly int[] _index;

    private ColumnMap(OpenDataTableKind kind, IReadOnlyList<string> headers, int[] index)
    {
        Kind = kind;
        Headers = headers;
        _index = index;
        Width = index.Max() + 1;
    }

    public OpenDataTableKind Kind { get; }

    /// <summary>The headers as written (trimmed).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>One more than the largest index used: a row must have at least this many fields.</summary>
    public int Width { get; }

    public int Year => _index[(int)Field.Year];

    public int Quarter => _index[(int)Field.Quarter];

    public int Force => _index[(int)Field.Force];

    public int OffenceGroup => _index[(int)Field.OffenceGroup];

    public int OffenceSubgroup => _index[(int)Field.OffenceSubgroup];

    public int OffenceCode => _index[(int)Field.OffenceCode];

    public int OutcomeGroup => _index[(int)Field.OutcomeGroup];

    public int OutcomeType => _index[(int)Field.OutcomeType];

    public int Recorded => _index[(int)Field.Recorded];

    public int Closed => _index[(int)Field.Closed];

    public int Offences => _index[(int)Field.Offences];

    /// <summary>The "Offence code expired" column (an expired code is flagged "x"), or −1 when the table has none.</summary>
    public int Expired => _index[(int)Field.Expired];

    public string HeaderOf(int column) => column >= 0 && column < Headers.Count ? Headers[column] : $"column {column + 1}";

    /// <summary>
    /// Recognises a header row: a force column and at least one count column (outcomes or offences), and no pivot
    /// table caption (<see cref="PivotTableCaptions"/>). Where a header repeats (the 2013/14 sheet of the PRC
    /// tables has stray duplicate columns after the eighth), its first column is the one used.
    /// </summary>
    public static bool TryCreate(IReadOnlyList<string?> headers, out ColumnMap? map)
    {
        ArgumentNullException.ThrowIfNull(headers);
        map = null;
        var index = Enumerable.Repeat(-1, Enum.GetValues<Field>().Length).ToArray();
        var trimmed = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            trimmed[i] = headers[i]?.Trim() ?? string.Empty;
            var key = NameKey.Of(trimmed[i]);

            // A pivot table's header row ("Row Labels", "Sum of …", "Grand Total") is never a table of rows, even
            // when it also has a force column and a count caption: its cells are sums of the data rows.
            if (PivotTableCaptions.IsCaptionKey(key))
            {
                return false;
            }

            if (TryGetField(key, out var field) && index[(int)field] < 0)
            {
                index[(int)field] = i;
            }
        }

        var hasOutcomes = index[(int)Field.OutcomeType] >= 0 && (index[(int)Field.Recorded] >= 0 || index[(int)Field.Closed] >= 0);
        var hasOffences = index[(int)Field.Offences] >= 0;
        if (index[(int)Field.Force] < 0 || !(hasOutcomes || hasOffences))
        {
            return false;
        }

        map = new ColumnMap(hasOutcomes ? OpenDataTableKind.Outcomes : OpenDataTableKind.RecordedCrime, trimmed, index);
        return true;
    }

    private static bool TryGetField(string key, out Field field)
        => Synonyms.TryGetValue(key, out field)
           || (key.StartsWith(CountPrefix, StringComparison.Ordinal)
               && Synonyms.TryGetValue(key[CountPrefix.Length..], out field)
               && field is Field.Recorded or Field.Closed or Field.Offences);

    /// <summary>The map for a header row, checked against what the options need.</summary>
    /// <exception cref="ImportFormatException">A needed column is missing; the message lists the headers found.</exception>
    public static ColumnMap Create(IReadOnlyList<string?> headers, ImportOptions options, ImportLocation location)
    {
        if (PivotTableCaptions.FirstIn(headers) is { } caption)
        {
            throw new ImportFormatException(location,
                $"the header row is a pivot table's ('{caption}'), whose cells are sums of the data rows, not a table of rows; export the data sheet instead. Headers found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
        }

        if (!TryCreate(headers, out var map))
        {
            throw new ImportFormatException(location,
                "the header row is not an outcomes open-data table (it needs 'Force Name', 'Outcome Type' and an outcome count column such as 'Force outcomes for offences recorded in quarter') "
                + $"nor a recorded-crime table ('Force Name' and 'Number of Offences'). Headers found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.")
            {
                MissingColumns = MissingTableColumns(headers),
            };
        }

        map!.Check(options, location);
        return map;
    }

    /// <summary>
    /// The columns a header row that is no table lacks: 'Force Name' if absent, then what an outcomes table needs
    /// ('Outcome Type', a count column) unless the row looks like a recorded-crime table (it has 'Number of Offences').
    /// </summary>
    private static string[] MissingTableColumns(IReadOnlyList<string?> headers)
    {
        var found = new HashSet<Field>();
        foreach (var header in headers)
        {
            if (TryGetField(NameKey.Of(header?.Trim() ?? string.Empty), out var field))
            {
                found.Add(field);
            }
        }

        var missing = new List<string>();
        if (!found.Contains(Field.Force))
        {
            missing.Add("Force Name");
        }

        var outcomes = found.Contains(Field.OutcomeType) || found.Contains(Field.Recorded) || found.Contains(Field.Closed) || !found.Contains(Field.Offences);
        if (outcomes && !found.Contains(Field.OutcomeType))
        {
            missing.Add("Outcome Type");
        }

        if (outcomes && !found.Contains(Field.Recorded) && !found.Contains(Field.Closed))
        {
            missing.Add("Force outcomes for offences recorded in quarter");
        }

        return [.. missing];
    }

    /// <summary>Checks that the columns the options need are present.</summary>
    public void Check(ImportOptions options, ImportLocation location)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = new List<(string Header, string Why)>();
        if (Year < 0)
        {
            missing.Add(("Financial Year", ""));
        }

        if (Quarter < 0 && options.ByQuarter)
        {
            missing.Add(("Financial Quarter", " (figures by quarter were asked for)"));
        }

        if (OffenceGroup < 0 && (options.OffenceGrain >= OffenceGrain.Group || options.OffenceGroups is { Count: > 0 }))
        {
            missing.Add(("Offence Group", ""));
        }

        if (OffenceSubgroup < 0 && options.OffenceGrain >= OffenceGrain.Subgroup)
        {
            missing.Add(("Offence Subgroup", ""));
        }

        if (OffenceCode < 0 && (options.OffenceGrain == OffenceGrain.Code || options.OffenceCodes is { Count: > 0 }))
        {
            missing.Add(("Offence Code", ""));
        }

        if (missing.Count > 0)
        {
            throw new ImportFormatException(location with { Column = null },
                $"the table lacks the column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m.Header}'{m.Why}"))}. Headers found: {string.Join(", ", Headers.Select(h => $"'{h}'"))}.")
            {
                MissingColumns = [.. missing.Select(m => m.Header)],
            };
        }
    }
}
