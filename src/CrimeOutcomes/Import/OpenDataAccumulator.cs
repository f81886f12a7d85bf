using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CrimeOutcomes.Import;

/// <summary>
/// Validates the rows of one open-data table and sums them to the chosen grain as they stream past. Every name,
/// code and text is resolved once per distinct spelling (cached by span), so a row costs no allocation. One
/// instance per reading thread; <see cref="MergeInto"/> combines them.
/// </summary>
internal sealed class OpenDataAccumulator
{
    private readonly ImportOptions _options;
    private readonly IOpenDataRowSink? _sink;
    private readonly ColumnMap _map;
    private readonly string _file;
    private readonly string? _sheet;
    private readonly HashSet<int>? _years;
    private readonly HashSet<string>? _groupFilter;
    private readonly HashSet<OffenceCode>? _codeFilter;
    private readonly OutcomeGroup[] _groups;

    private readonly SpanCache<ForceEntry> _forces = new();
    private readonly SpanCache<int> _yearCache = new();
    private readonly SpanCache<OffenceEntry> _offenceGroups = new();
    private readonly SpanCache<OffenceEntry> _offenceSubgroups = new();
    private readonly SpanCache<CodeEntry?> _offenceCodes = new();
    private readonly Dictionary<string, OffenceEntry> _groupsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OffenceEntry> _subgroupsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<OffenceCode, int> _codeIds = [];
    private readonly SpanCache<int> _outcomes = new();
    private readonly SpanCache<OutcomeGroup?> _outcomeGroups = new();
    private readonly List<OutcomeType> _outcomeList = [];
    private readonly List<PoliceForce> _forceList = [];
    private readonly Dictionary<(int Group, int Subgroup, int Code), int> _offenceIds = [];
    private readonly List<(string? Group, string? Subgroup, OffenceCode? Code)> _offenceList = [];
    private readonly Dictionary<AggregateKey, Sums> _sums = [];
    private readonly List<(int Chunk, RejectedRow Row)> _rejected = [];
    private readonly LastValue<ForceEntry> _lastForce = new();
    private readonly LastValue<int> _lastYear = new();
    private readonly LastValue<OffenceEntry?> _lastGroup = new();
    private readonly LastValue<OffenceEntry?> _lastSubgroup = new();
    private readonly LastValue<CodeEntry?> _lastCode = new();
    private string?[] _verifiedGroupText = new string?[32];
    private readonly int[] _outcomeBySlot = Enumerable.Repeat(Unresolved, 100 * 27).ToArray();

    private readonly UnknownForceNames _unknownNames;
    private readonly SpanCache<MarkerEntry?> _markers = new();
    private readonly HashSet<(int Force, int Year, int Quarter, CountBasis? Basis)> _gaps = [];

    /// <summary>The quarters met in each year's rows (bit q for quarter q), by start year from <see cref="FirstMaskYear"/>.</summary>
    private readonly byte[] _quartersByYear = new byte[256];

    private const int FirstMaskYear = 1900;

    public OpenDataAccumulator(ImportOptions options, ColumnMap map, string file, string? sheet, UnknownForceNames? unknownNames = null, IOpenDataRowSink? threadSink = null)
    {
        _unknownNames = unknownNames ?? new UnknownForceNames(options.MaxUnknownForceNames);
        _options = options;
        _sink = map.Kind == OpenDataTableKind.Outcomes ? threadSink ?? options.RowSink : null;
        _map = map;
        _file = file;
        _sheet = sheet;
        _years = options.Years is { Count: > 0 } years ? years.Select(y => y.StartYear).ToHashSet() : null;
        _groupFilter = options.OffenceGroups is { Count: > 0 } groups ? groups.Select(g => NameKey.Of(g)).ToHashSet(StringComparer.Ordinal) : null;
        _codeFilter = options.OffenceCodes is { Count: > 0 } codes ? codes.ToHashSet() : null;
        _groups = options.Catalogue.All.Select(o => o.Group).Distinct().ToArray();
        if (options.OffenceGrain == OffenceGrain.None)
        {
            _offenceList.Add((null, null, null));
        }
    }

    /// <summary>The chunk of the file being read (csv files are read in chunks whose line numbers are fixed up afterwards).</summary>
    public int Chunk { get; set; }

    /// <summary>Where the csv row being added ends (Sep's exclusive end line, counted after the header): its file line for a row sink.</summary>
    public long LineEnd { get; set; }

    /// <summary>The lines of the file before the range being read, when they were counted before it (parallel row sinks); 0 otherwise.</summary>
    public long LineOffset { get; set; }

    public FileTally Tally { get; } = new();

    /// <summary>Validates one row and adds it to the sums, or accounts for it as filtered, set aside or rejected.</summary>
    /// <param name="row">The row's fields.</param>
    /// <param name="number">Its line (csv, relative to the chunk) or sheet row.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add<TRow>(scoped ref TRow row, long number)
        where TRow : IFieldRow, allows ref struct
    {
        Tally.RowsRead++;
        if (row.Count < _map.Width)
        {
            if (IsBlank(ref row))
            {
                SetAside(BlankRowName, default);
                return;
            }

            RejectShortRow(number, row.Count);
            return;
        }

        // The counts first: every row's counts are accounted for, whatever happens to it. A count cell holds a
        // number or a marker of an absent figure ("--", "N/A - data not provided"), which reads as no figure.
        long recorded = 0, closed = 0, offences = 0;
        CountState recordedState = CountState.None, closedState = CountState.None, offencesState = CountState.None;
        if (_map.Recorded >= 0 && !ReadCount(ref row, _map.Recorded, number, out recorded, out recordedState, default))
        {
            return;
        }

        if (_map.Closed >= 0 && !ReadCount(ref row, _map.Closed, number, out closed, out closedState, new CountTotals(recorded, 0, 0)))
        {
            return;
        }

        if (_map.Offences >= 0 && !ReadCount(ref row, _map.Offences, number, out offences, out offencesState, new CountTotals(recorded, closed, 0)))
        {
            return;
        }

        var counts = new CountTotals(recorded, closed, offences);
        Tally.CountsRead += counts;

        var forceText = row[_map.Force];
        var force = _lastForce.Matches(forceText) ? _lastForce.Value : _lastForce.Set(forceText, ResolveForce(forceText, number));
        if (force.Kind == ForceNameMatchKind.NonForce)
        {
            SetAside(force.Text, counts);
            return;
        }

        if (force.Kind == ForceNameMatchKind.Unknown)
        {
            force.Rows++;
            RejectField(number, _map.Force, counts, Problem.UnknownForce, forceText, force.Suggestions);
            return;
        }

        var yearText = row[_map.Year];
        var year = _lastYear.Matches(yearText) ? _lastYear.Value : _lastYear.Set(yearText, ResolveYear(yearText));

        if (year == 0)
        {
            RejectField(number, _map.Year, counts, Problem.Year, yearText);
            return;
        }

        var quarter = 0;
        if (_map.Quarter >= 0 && !TryReadQuarter(row[_map.Quarter], out quarter))
        {
            RejectField(number, _map.Quarter, counts, Problem.Quarter, row[_map.Quarter]);
            return;
        }

        if (quarter > 0 && (uint)(year - FirstMaskYear) < (uint)_quartersByYear.Length)
        {
            _quartersByYear[year - FirstMaskYear] |= (byte)(1 << quarter);
        }

        var outcomeId = -1;
        if (_map.Kind == OpenDataTableKind.Outcomes)
        {
            outcomeId = ResolveOutcome(row[_map.OutcomeType]);
            if (outcomeId < 0)
            {
                RejectField(number, _map.OutcomeType, counts, Problem.OutcomeType, row[_map.OutcomeType]);
                return;
            }

            var outcome = _outcomeList[outcomeId];
            if (_map.OutcomeGroup >= 0 && !CheckOutcomeGroup(ref row, outcomeId, outcome, number, counts))
            {
                return;
            }

        }
        else if (offences < 0)
        {
            RejectNegative(number, _map.Offences, counts, offences);
            return;
        }

        var excluded = force.Excluded || (_years is not null && !_years.Contains(year));
        OffenceEntry? group = null, subgroup = null;
        CodeEntry? code = null;
        if (_map.OffenceGroup >= 0)
        {
            var groupText = row[_map.OffenceGroup];
            group = _lastGroup.Matches(groupText) ? _lastGroup.Value : _lastGroup.Set(groupText, ResolveOffenceText(_offenceGroups, _groupsByKey, groupText, _groupFilter));
            if (group is null)
            {
                RejectField(number, _map.OffenceGroup, counts, Problem.Empty, groupText);
                return;
            }

            excluded |= group.Excluded;
        }

        if (_map.OffenceSubgroup >= 0 && _options.OffenceGrain >= OffenceGrain.Subgroup)
        {
            var subgroupText = row[_map.OffenceSubgroup];
            subgroup = _lastSubgroup.Matches(subgroupText) ? _lastSubgroup.Value : _lastSubgroup.Set(subgroupText, ResolveOffenceText(_offenceSubgroups, _subgroupsByKey, subgroupText, null));
            if (subgroup is null)
            {
                RejectField(number, _map.OffenceSubgroup, counts, Problem.Empty, subgroupText);
                return;
            }
        }

        if (_map.OffenceCode >= 0)
        {
            var codeText = row[_map.OffenceCode];
            code = _lastCode.Matches(codeText) ? _lastCode.Value : _lastCode.Set(codeText, ResolveCode(codeText));
            if (code is null)
            {
                RejectField(number, _map.OffenceCode, counts, Problem.OffenceCode, codeText);
                return;
            }

            excluded |= code.Excluded;
        }

        if (excluded)
        {
            Tally.RowsFiltered++;
            Tally.CountsFiltered += counts;
            return;
        }

        if ((recordedState | closedState | offencesState) != CountState.Number)
        {
            NoteAbsences(force.Id, year, quarter, recordedState, closedState, offencesState);
        }

        if ((recorded | closed) < 0)
        {
            NoteCorrection(outcomeId, recorded, closed);
        }

        var expired = _map.Expired >= 0 && !row[_map.Expired].IsWhiteSpace();
        if (expired)
        {
            Tally.RowsOfExpiredCodes++;
        }

        if (_sink is not null && outcomeId >= 0)
        {
            Emit(ref row, number, force.Id, year, quarter, group, subgroup, code, outcomeId, recorded, recordedState, closed, closedState, expired);
        }

        var key = new AggregateKey(force.Id, (year * 8) + (_options.ByQuarter ? quarter : 0), OffenceId(group, subgroup, code), outcomeId);
        ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(_sums, key, out _);
        sums.Recorded = checked(sums.Recorded + recorded);
        sums.Closed = checked(sums.Closed + closed);
        sums.Offences = checked(sums.Offences + offences);
        sums.RecordedState |= recordedState;
        sums.ClosedState |= closedState;
        sums.OffencesState |= offencesState;
        Tally.RowsKept++;
        Tally.CountsKept += counts;
    }

    /// <summary>Hands a kept row to the sink, with the offence subgroup even when the figures are not kept by subgroup.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Emit<TRow>(scoped ref TRow row, long number, int force, int year, int quarter, OffenceEntry? group, OffenceEntry? subgroup, CodeEntry? code,
        int outcomeId, long recorded, CountState recordedState, long closed, CountState closedState, bool expired)
        where TRow : IFieldRow, allows ref struct
    {
        if (subgroup is null && _map.OffenceSubgroup >= 0)
        {
            var text = row[_map.OffenceSubgroup];
            subgroup = _lastSubgroup.Matches(text) ? _lastSubgroup.Value : _lastSubgroup.Set(text, ResolveOffenceText(_offenceSubgroups, _subgroupsByKey, text, null));
        }

        var financialYear = FinancialYear.StartingIn(year);
        _sink!.Add(new OpenDataRow
        {
            Force = _forceList[force],
            Year = financialYear,
            Quarter = quarter > 0 ? FinancialQuarter.Of(financialYear, quarter) : null,
            OffenceGroup = group?.Display,
            OffenceSubgroup = subgroup?.Display,
            OffenceCode = code?.Code,
            Outcome = _outcomeList[outcomeId],
            RecordedInPeriod = recordedState == CountState.Number ? recorded : null,
            RecordedInPeriodAbsence = recordedState == CountState.Number ? null : recordedState.Absence(),
            AssignedInPeriod = closedState == CountState.Number ? closed : null,
            AssignedInPeriodAbsence = closedState == CountState.Number ? null : closedState.Absence(),
            IsExpiredCode = expired,
            File = _file,
            Sheet = _sheet,
            // A csv file with a sink is read as one range, or in ranges whose lines were counted before they were parsed
            // (LineOffset): either way the line is the file's, the header being line 1.
            Line = _sheet is null ? LineOffset + LineEnd : number,
        });
    }

    /// <summary>A row with a count marked "not provided": its force-quarter is a gap of that basis (when the table has quarters).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteAbsences(int force, int year, int quarter, CountState recorded, CountState closed, CountState offences)
    {
        if (quarter == 0)
        {
            return;
        }

        NoteGap(force, year, quarter, recorded, CountBasis.Recorded);
        NoteGap(force, year, quarter, closed, CountBasis.Closed);
        NoteGap(force, year, quarter, offences, null);
    }

    private void NoteGap(int force, int year, int quarter, CountState state, CountBasis? basis)
    {
        if ((state & CountState.NotProvided) != 0)
        {
            _gaps.Add((force, year, quarter, basis));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteCorrection(int outcomeId, long recorded, long closed)
    {
        if (outcomeId < 0)
        {
            return;
        }

        var outcome = _outcomeList[outcomeId];
        if (recorded < 0)
        {
            Tally.AddCorrection(outcome, CountBasis.Recorded, recorded);
        }

        if (closed < 0)
        {
            Tally.AddCorrection(outcome, CountBasis.Closed, closed);
        }
    }

    private const string BlankRowName = "(blank row)";

    private enum Problem
    {
        UnknownForce,
        Year,
        Quarter,
        OutcomeType,
        OffenceCode,
        Empty,
    }

    // The rejections are out of line: their messages would otherwise bloat the row method and use up the JIT's
    // inlining budget that the hot calls need.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectField(long number, int column, CountTotals counts, Problem problem, ReadOnlySpan<char> field, IReadOnlyList<string>? suggestions = null)
    {
        var value = field.Trim().ToString();
        Reject(number, column, counts, problem switch
        {
            Problem.UnknownForce => $"'{value}' is not a known police force; nearest known names: {string.Join(", ", suggestions!.Select(s => $"'{s}'"))}.",
            Problem.Year => $"'{value}' is not a financial year (expected a form such as '2020/21').",
            Problem.Quarter => $"'{value}' is not a financial quarter (expected Q1 to Q4 or 1 to 4).",
            Problem.OutcomeType => $"'{value}' is not an outcome type of the catalogue (expected a code such as '16' or '1A').",
            Problem.OffenceCode => $"'{value}' is not an offence code (expected a code such as '8N', '105A', '37.2' or '1/4.1/4.10/4.2').",
            _ => $"the {_map.HeaderOf(column)} is empty.",
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectNegative(long number, int column, CountTotals counts, long count)
        => Reject(number, column, counts, string.Create(CultureInfo.InvariantCulture, $"the number of offences {count} is negative."));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectShortRow(long number, int fields)
        => Reject(number, -1, default, string.Create(CultureInfo.InvariantCulture,
            $"the row has {fields} fields; the header has {_map.Headers.Count} and this table needs at least {_map.Width}."));

    private static bool IsBlank<TRow>(scoped ref TRow row)
        where TRow : IFieldRow, allows ref struct
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (!row[i].IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ReadCount<TRow>(scoped ref TRow row, int column, long number, out long value, out CountState state, CountTotals counts)
        where TRow : IFieldRow, allows ref struct
    {
        if (CountParser.TryParse(row[column], out value))
        {
            state = CountState.Number;
            return true;
        }

        return ReadMarker(row[column], column, number, counts, out state);
    }

    /// <summary>A count cell that is not a number: a known marker (no figure, counted in the report) or a rejected row.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ReadMarker(ReadOnlySpan<char> field, int column, long number, CountTotals counts, out CountState state)
    {
        if (!_markers.TryGet(field, out var entry))
        {
            entry = _markers.Add(field, CountMarker.TryMatch(field, out var marker) ? new MarkerEntry(field.Trim().ToString(), marker, _map.Headers.Count) : null);
        }

        if (entry is not null)
        {
            entry.Cells[column]++;
            state = CountStates.Of(entry.Marker.Absence);
            return true;
        }

        state = CountState.None;
        RejectCount(field, column, number, counts);
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectCount(ReadOnlySpan<char> field, int column, long number, CountTotals counts)
    {
        var text = field.Trim().ToString();
        Tally.CountsRead += counts;
        Reject(number, column, counts, CountProblem.Of(text));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CheckOutcomeGroup<TRow>(scoped ref TRow row, int outcomeId, OutcomeType outcome, long number, CountTotals counts)
        where TRow : IFieldRow, allows ref struct
    {
        // The text last verified for this outcome type is almost always the text of this row.
        var text = row[_map.OutcomeGroup];
        return (outcomeId < _verifiedGroupText.Length && _verifiedGroupText[outcomeId] is { } verified && text.SequenceEqual(verified))
            || CheckOutcomeGroupText(text, outcomeId, outcome, number, counts);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool CheckOutcomeGroupText(ReadOnlySpan<char> text, int outcomeId, OutcomeType outcome, long number, CountTotals counts)
    {
        if (!_outcomeGroups.TryGet(text, out var group))
        {
            group = null;
            foreach (var candidate in _groups)
            {
                if (candidate.Matches(text))
                {
                    group = candidate;
                    break;
                }
            }

            _outcomeGroups.Add(text, group);
        }

        if (group is not null && group.Equals(outcome.Group))
        {
            if (outcomeId >= _verifiedGroupText.Length)
            {
                Array.Resize(ref _verifiedGroupText, outcomeId * 2);
            }

            _verifiedGroupText[outcomeId] = text.ToString();
            return true;
        }

        Reject(number, _map.OutcomeGroup, counts, group is null
            ? $"'{text.Trim().ToString()}' is not an outcome group of the framework (outcome {outcome.Code} belongs to '{outcome.Group.Name}')."
            : $"the outcome group '{text.Trim().ToString()}' does not match outcome {outcome.Code}, which belongs to '{outcome.Group.Name}'.");
        return false;
    }

    private int ResolveYear(ReadOnlySpan<char> text)
    {
        if (!_yearCache.TryGet(text, out var year))
        {
            year = _yearCache.Add(text, FinancialYear.TryParseCore(text, out var parsed) ? parsed.StartYear : 0);
        }

        return year;
    }

    private ForceEntry ResolveForce(ReadOnlySpan<char> text, long number)
    {
        if (_forces.TryGet(text, out var entry))
        {
            return entry;
        }

        var name = text.Trim().ToString();
        var match = _options.Registry.Match(name);
        if (match.Kind == ForceNameMatchKind.Unknown && !_unknownNames.Add(name))
        {
            throw new ChunkRowException(Chunk, new ImportLimitException(
                new ImportLocation(_file, _sheet, number, _map.HeaderOf(_map.Force)), "ImportOptions.MaxUnknownForceNames", _unknownNames.Limit,
                string.Create(CultureInfo.InvariantCulture, $"'{(name.Length <= 200 ? name : name[..200] + "…")}' is one more force name than the {_unknownNames.Limit:N0} distinct names the registry does not know that a table may have (is this a table of police forces?)")));
        }

        entry = new ForceEntry(match.Kind, name, match.Suggestions);
        if (match.Force is { } force)
        {
            entry.Id = _forceList.IndexOf(force);
            if (entry.Id < 0)
            {
                entry.Id = _forceList.Count;
                _forceList.Add(force);
            }

            entry.Excluded = _options.Forces is { Count: > 0 } forces && !forces.Contains(force);
        }

        return _forces.Add(text, entry);
    }

    /// <summary>"Q1" to "Q4" or "1" to "4" inline; anything else (spaces, lower case) through <see cref="FinancialQuarter.TryParseQuarterNumber"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadQuarter(ReadOnlySpan<char> text, out int quarter)
    {
        var digit = text.Length switch
        {
            1 => text[0],
            2 when text[0] == 'Q' => text[1],
            _ => '\0',
        };
        quarter = digit - '0';
        return quarter is >= 1 and <= 4 || FinancialQuarter.TryParseQuarterNumber(text, out quarter);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ResolveOutcome(ReadOnlySpan<char> text)
    {
        // Fast path: a bare code of one or two digits and an optional letter ("16", "1A"), looked up by value.
        var slot = BareCodeSlot(text);
        return slot >= 0 && _outcomeBySlot[slot] != Unresolved ? _outcomeBySlot[slot] : ResolveOutcomeText(text, slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ResolveOutcomeText(ReadOnlySpan<char> text, int slot)
    {
        if (_outcomes.TryGet(text, out var id))
        {
            return id;
        }

        id = -1;
        if (_options.Catalogue.TryGetByCode(text, out var outcome))
        {
            id = _outcomeList.IndexOf(outcome);
            if (id < 0)
            {
                id = _outcomeList.Count;
                _outcomeList.Add(outcome);
            }
        }

        if (slot >= 0)
        {
            _outcomeBySlot[slot] = id;
        }

        return _outcomes.Add(text, id);
    }

    private const int Unresolved = int.MinValue;

    /// <summary>0 to 2,699 for a bare code: number × 27 + (letter − 'A' + 1, or 0); −1 for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BareCodeSlot(ReadOnlySpan<char> text)
    {
        var number = 0;
        var i = 0;
        for (; i < text.Length && i < 2 && char.IsAsciiDigit(text[i]); i++)
        {
            number = (number * 10) + (text[i] - '0');
        }

        if (i == 0)
        {
            return -1;
        }

        if (i == text.Length)
        {
            return number * 27;
        }

        return i == text.Length - 1 && char.IsAsciiLetterUpper(text[i]) ? (number * 27) + (text[i] - 'A' + 1) : -1;
    }

    private static OffenceEntry? ResolveOffenceText(SpanCache<OffenceEntry> cache, Dictionary<string, OffenceEntry> byKey, ReadOnlySpan<char> text, HashSet<string>? filter)
    {
        if (cache.TryGet(text, out var entry))
        {
            return entry;
        }

        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        // Spellings that differ only in case, dashes or spaces share one id (and the first spelling seen). Looked up
        // by key, not by a scan of the cache: a file of distinct texts would otherwise take quadratic time.
        var key = NameKey.Of(trimmed);
        if (!byKey.TryGetValue(key, out entry))
        {
            entry = new OffenceEntry(key, trimmed.ToString(), byKey.Count, filter is not null && !filter.Contains(key));
            byKey.Add(key, entry);
        }

        return cache.Add(text, entry);
    }

    private CodeEntry? ResolveCode(ReadOnlySpan<char> text)
    {
        if (_offenceCodes.TryGet(text, out var entry))
        {
            return entry;
        }

        entry = null;
        if (OffenceCode.TryParse(text, out var code))
        {
            if (!_codeIds.TryGetValue(code, out var id))
            {
                id = _codeIds[code] = _codeIds.Count;
            }

            entry = new CodeEntry(code, id, _codeFilter is not null && !_codeFilter.Contains(code));
        }

        return _offenceCodes.Add(text, entry);
    }

    private int OffenceId(OffenceEntry? group, OffenceEntry? subgroup, CodeEntry? code)
    {
        var grain = _options.OffenceGrain;
        if (grain == OffenceGrain.None)
        {
            return 0;
        }

        var triple = (group!.Id, grain >= OffenceGrain.Subgroup ? subgroup!.Id : -1, grain == OffenceGrain.Code ? code!.Id : -1);
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_offenceIds, triple, out var exists);
        if (!exists)
        {
            id = _offenceList.Count;
            _offenceList.Add((group.Display, grain >= OffenceGrain.Subgroup ? subgroup!.Display : null, grain == OffenceGrain.Code ? code!.Code : null));
        }

        return id;
    }

    private void SetAside(string name, CountTotals counts)
    {
        Tally.RowsSetAside++;
        Tally.CountsSetAside += counts;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Tally.SetAside, name, out _);
        entry.Rows++;
        entry.Counts += counts;
    }

    private void Reject(long number, int column, CountTotals counts, string reason)
    {
        var location = new ImportLocation(_file, _sheet, number, column >= 0 ? _map.HeaderOf(column) : null);
        if (_options.Strict)
        {
            throw new ChunkRowException(Chunk, new ImportFormatException(location, reason));
        }

        Tally.RowsRejected++;
        Tally.CountsRejected += counts;
        if (_rejected.Count < _options.MaxRejectedRowsListed)
        {
            _rejected.Add((Chunk, new RejectedRow(location, reason)));
        }
    }

    /// <summary>Adds this accumulator's sums, tallies and rejected rows (line numbers fixed up by chunk) into <paramref name="target"/>.</summary>
    public void MergeInto(FileAggregate target, Func<int, long> lineOffsetOfChunk)
    {
        var scopes = new CrimeScope[_offenceList.Count];
        for (var i = 0; i < scopes.Length; i++)
        {
            scopes[i] = ScopeOf(_offenceList[i]);
        }

        foreach (var (key, sums) in _sums)
        {
            var startYear = key.Period / 8;
            var quarter = key.Period % 8;
            var year = FinancialYear.StartingIn(startYear);
            ReportingPeriod period = quarter == 0 ? year : FinancialQuarter.Of(year, quarter);
            var figureKey = new FigureKey(_forceList[key.Force], period, scopes[key.Offence]);
            target.Add(figureKey, key.Outcome >= 0 ? _outcomeList[key.Outcome] : null, sums);
        }

        target.Tally.Add(Tally);
        foreach (var entry in _markers.Entries.Select(e => e.Value).OfType<MarkerEntry>())
        {
            for (var column = 0; column < entry.Cells.Length; column++)
            {
                if (entry.Cells[column] > 0)
                {
                    target.AddMarker(_map.HeaderOf(column), entry.Text, entry.Marker.Absence, entry.Cells[column]);
                }
            }
        }

        for (var i = 0; i < _quartersByYear.Length; i++)
        {
            if (_quartersByYear[i] != 0)
            {
                target.AddQuarters(FinancialYear.StartingIn(FirstMaskYear + i), _quartersByYear[i]);
            }
        }

        foreach (var (force, year, quarter, basis) in _gaps)
        {
            target.Gaps.Add(new FigureGap(_forceList[force], FinancialQuarter.Of(FinancialYear.StartingIn(year), quarter), basis, FigureAbsence.NotProvided));
        }

        foreach (var entry in _forces.Entries.Select(e => e.Value).Where(e => e.Kind == ForceNameMatchKind.Unknown && e.Rows > 0).DistinctBy(e => e.Text))
        {
            target.AddUnknown(entry.Text, entry.Rows, entry.Suggestions);
        }

        foreach (var (chunk, row) in _rejected)
        {
            target.Rejected.Add(row with { Location = row.Location with { Number = row.Location.Number + lineOffsetOfChunk(chunk) } });
        }
    }

    private CrimeScope ScopeOf((string? Group, string? Subgroup, OffenceCode? Code) offence)
    {
        var scope = _options.BaseScope;
        if (offence.Group is not null)
        {
            scope = scope.WithOffenceGroup(offence.Group);
        }
        else if (_options.OffenceGroups is { Count: > 0 } groups)
        {
            scope = groups.Count == 1 ? scope.WithOffenceGroup(groups.First()) : CrimeScope.Named($"{scope.Name}: offence groups {string.Join("; ", groups)}");
        }

        if (offence.Subgroup is not null)
        {
            scope = scope.WithOffenceSubgroup(offence.Subgroup);
        }

        if (offence.Code is { } code)
        {
            scope = scope.WithOffenceCode(code);
        }
        else if (_options.OffenceCodes is { Count: > 0 } codes)
        {
            scope = codes.Count == 1 ? scope.WithOffenceCode(codes.First()) : CrimeScope.Named($"{scope.Name}: offence codes {string.Join(", ", codes)}");
        }

        return scope;
    }

    private readonly record struct AggregateKey(int Force, int Period, int Offence, int Outcome);

    private sealed class ForceEntry(ForceNameMatchKind kind, string text, IReadOnlyList<string> suggestions)
    {
        public ForceNameMatchKind Kind { get; } = kind;

        public string Text { get; } = text;

        public IReadOnlyList<string> Suggestions { get; } = suggestions;

        public int Id { get; set; } = -1;

        public bool Excluded { get; set; }

        public long Rows { get; set; }
    }

    private sealed record OffenceEntry(string Key, string Display, int Id, bool Excluded);

    private sealed record CodeEntry(OffenceCode Code, int Id, bool Excluded);

    /// <summary>A marker as spelt in the file, with the cells per column that held it.</summary>
    private sealed class MarkerEntry(string text, CountMarker marker, int columns)
    {
        public string Text { get; } = text;

        public CountMarker Marker { get; } = marker;

        public long[] Cells { get; } = new long[columns];
    }
}

/// <summary>The three sums kept per key, with what their cells held: numbers, markers of absent figures, or both.</summary>
internal struct Sums
{
    public long Recorded;
    public long Closed;
    public long Offences;
    public CountState RecordedState;
    public CountState ClosedState;
    public CountState OffencesState;

    public void Add(Sums other)
    {
        Recorded = checked(Recorded + other.Recorded);
        Closed = checked(Closed + other.Closed);
        Offences = checked(Offences + other.Offences);
        RecordedState |= other.RecordedState;
        ClosedState |= other.ClosedState;
        OffencesState |= other.OffencesState;
    }
}

/// <summary>A strict-mode row error raised in a chunk of a csv file, whose line number is relative to the chunk.</summary>
internal sealed class ChunkRowException(int chunk, ImportFormatException error) : Exception(error.Message, error)
{
    public int Chunk { get; } = chunk;

    public ImportFormatException Error { get; } = error;
}
