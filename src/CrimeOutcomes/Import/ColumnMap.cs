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
    }

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

    public string HeaderOf(int column) => column >= 0 && column < Headers.Count ? Headers[column] : $"column {column + 1}";

    /// <summary>Recognises a header row: a force column and at least one count column (outcomes or offences).</summary>
    public static bool TryCreate(IReadOnlyList<string?> headers, out ColumnMap? map)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var index = Enumerable.Repeat(-1, Enum.GetValues<Field>().Length).ToArray();
        var trimmed = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            trimmed[i] = headers[i]?.Trim() ?? string.Empty;
            if (Synonyms.TryGetValue(NameKey.Of(trimmed[i]), out var field) && index[(int)field] < 0)
            {
                index[(int)field] = i;
            }
        }

        map = null;
        var hasOutcomes = index[(int)Field.OutcomeType] >= 0 && (index[(int)Field.Recorded] >= 0 || index[(int)Field.Closed] >= 0);
        var hasOffences = index[(int)Field.Offences] >= 0;
        if (index[(int)Field.Force] < 0 || !(hasOutcomes || hasOffences))
        {
            return false;
        }

        map = new ColumnMap(hasOutcomes ? OpenDataTableKind.Outcomes : OpenDataTableKind.RecordedCrime, trimmed, index);
        return true;
    }

    /// <summary>The map for a header row, checked against what the options need.</summary>
    /// <exception cref="ImportFormatException">A needed column is missing; the message lists the headers found.</exception>
    public static ColumnMap Create(IReadOnlyList<string?> headers, ImportOptions options, ImportLocation location)
    {
        if (!TryCreate(headers, out var map))
        {
            throw new ImportFormatException(location,
                "the header row is not an outcomes open-data table (it needs 'Force Name', 'Outcome Type' and an outcome count column such as 'Force outcomes for offences recorded in quarter') "
                + $"nor a recorded-crime table ('Force Name' and 'Number of Offences'). Headers found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
        }

        map!.Check(options, location);
        return map;
    }

    /// <summary>Checks that the columns the options need are present.</summary>
    public void Check(ImportOptions options, ImportLocation location)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = new List<string>();
        if (Year < 0)
        {
            missing.Add("'Financial Year'");
        }

        if (Quarter < 0 && options.ByQuarter)
        {
            missing.Add("'Financial Quarter' (figures by quarter were asked for)");
        }

        if (OffenceGroup < 0 && (options.OffenceGrain >= OffenceGrain.Group || options.OffenceGroups is { Count: > 0 }))
        {
            missing.Add("'Offence Group'");
        }

        if (OffenceSubgroup < 0 && options.OffenceGrain >= OffenceGrain.Subgroup)
        {
            missing.Add("'Offence Subgroup'");
        }

        if (OffenceCode < 0 && (options.OffenceGrain == OffenceGrain.Code || options.OffenceCodes is { Count: > 0 }))
        {
            missing.Add("'Offence Code'");
        }

        if (missing.Count > 0)
        {
            throw new ImportFormatException(location with { Column = null },
                $"the table lacks the column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}. Headers found: {string.Join(", ", Headers.Select(h => $"'{h}'"))}.");
        }
    }
}
