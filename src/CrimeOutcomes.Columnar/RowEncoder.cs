using CrimeOutcomes.Import;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Fills row groups of the row-level table (<see cref="RowTable.Schema"/>) from the importer's rows, for one thread.
/// The text of a row comes from a few things that repeat for many rows (the force, the year, the offence, the outcome
/// type, the markers' reasons, the file): each is compared with the previous row's by reference, and its columns'
/// codes are looked up only when it changes; the codes and numbers are then stored in the group's arrays.
/// </summary>
internal sealed class RowEncoder
{
    // Stands for "no previous row" (never a row's value, not even null).
    private static readonly string NoValue = new('\0', 1);

    private ColumnBatch? _batch;
    private TextColumn _forceCodes = null!, _forceNames = null!, _years = null!, _groups = null!, _subgroups = null!, _offences = null!;
    private TextColumn _outcomes = null!, _outcomeGroups = null!, _recordedAbsences = null!, _closedAbsences = null!, _files = null!, _sheets = null!;
    private int[] _forceCode = [], _forceName = [], _year = [], _group = [], _subgroup = [], _offence = [];
    private int[] _outcome = [], _outcomeGroup = [], _recordedAbsence = [], _closedAbsence = [], _file = [], _sheet = [];
    private int?[] _quarter = [];
    private long?[] _recorded = [], _closed = [], _line = [];
    private bool[] _expired = [];

    private PoliceForce? _lastForce;
    private int _forceCodeCode, _forceNameCode;
    private FinancialYear? _lastYear;
    private int _yearCode;
    private string? _lastGroup, _lastSubgroup, _lastOffence, _lastFile, _lastSheet;
    private int _groupCode, _subgroupCode, _offenceCode, _fileCode, _sheetCode;
    private OutcomeType? _lastOutcome;
    private int _outcomeCode, _outcomeGroupCode;
    private FigureAbsence? _lastRecordedAbsence, _lastClosedAbsence;
    private int _recordedAbsenceCode, _closedAbsenceCode;

    /// <summary>Starts filling <paramref name="batch"/> (empty, of the row-level schema) from its first row.</summary>
    public void Start(ColumnBatch batch)
    {
        _batch = batch;
        (_forceCodes, _forceCode) = Text(batch, 0);
        (_forceNames, _forceName) = Text(batch, 1);
        (_years, _year) = Text(batch, 2);
        _quarter = batch.Int32(3);
        (_groups, _group) = Text(batch, 4);
        (_subgroups, _subgroup) = Text(batch, 5);
        (_offences, _offence) = Text(batch, 6);
        (_outcomes, _outcome) = Text(batch, 7);
        (_outcomeGroups, _outcomeGroup) = Text(batch, 8);
        _recorded = batch.Int64(9);
        (_recordedAbsences, _recordedAbsence) = Text(batch, 10);
        _closed = batch.Int64(11);
        (_closedAbsences, _closedAbsence) = Text(batch, 12);
        _expired = batch.Boolean(13);
        (_files, _file) = Text(batch, 14);
        (_sheets, _sheet) = Text(batch, 15);
        _line = batch.Int64(16);
        _lastForce = null;
        _lastYear = null;
        _lastOutcome = null;
        _lastGroup = _lastSubgroup = _lastOffence = _lastFile = _lastSheet = NoValue;
        _lastRecordedAbsence = _lastClosedAbsence = null;
        _recordedAbsenceCode = _closedAbsenceCode = -1;
    }

    /// <summary>Adds <paramref name="row"/> to the batch being filled (which has room for it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(in OpenDataRow row)
    {
        var i = _batch!.Count++;
        if (!ReferenceEquals(row.Force, _lastForce))
        {
            _lastForce = row.Force;
            _forceCodeCode = _forceCodes.Encode(row.Force.AreaCode?.Value);
            _forceNameCode = _forceNames.Encode(row.Force.Name);
        }

        if (_lastYear != row.Year)
        {
            _lastYear = row.Year;
            _yearCode = _years.Encode(row.Year.ToString());
        }

        if (!ReferenceEquals(row.Outcome, _lastOutcome))
        {
            _lastOutcome = row.Outcome;
            _outcomeCode = _outcomes.Encode(row.Outcome.Code);
            _outcomeGroupCode = _outcomeGroups.Encode(row.Outcome.Group.Name);
        }

        _forceCode[i] = _forceCodeCode;
        _forceName[i] = _forceNameCode;
        _year[i] = _yearCode;
        _quarter[i] = row.Quarter?.Quarter;
        _group[i] = Code(_groups, row.OffenceGroup, ref _lastGroup, ref _groupCode);
        _subgroup[i] = Code(_subgroups, row.OffenceSubgroup, ref _lastSubgroup, ref _subgroupCode);
        _offence[i] = Code(_offences, row.OffenceCode?.Value, ref _lastOffence, ref _offenceCode);
        _outcome[i] = _outcomeCode;
        _outcomeGroup[i] = _outcomeGroupCode;
        _recorded[i] = row.RecordedInPeriod;
        _recordedAbsence[i] = Code(_recordedAbsences, row.RecordedInPeriodAbsence, ref _lastRecordedAbsence, ref _recordedAbsenceCode);
        _closed[i] = row.AssignedInPeriod;
        _closedAbsence[i] = Code(_closedAbsences, row.AssignedInPeriodAbsence, ref _lastClosedAbsence, ref _closedAbsenceCode);
        _expired[i] = row.IsExpiredCode;
        _file[i] = Code(_files, row.File, ref _lastFile, ref _fileCode);
        _sheet[i] = Code(_sheets, row.Sheet, ref _lastSheet, ref _sheetCode);
        _line[i] = row.Line;
    }

    private static (TextColumn Column, int[] Codes) Text(ColumnBatch batch, int column)
    {
        var text = batch.Text(column);
        return (text, text.CodesToFill());
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Code(TextColumn column, string? value, ref string? last, ref int code)
    {
        if (!ReferenceEquals(value, last))
        {
            last = value;
            code = column.Encode(value);
        }

        return code;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Code(TextColumn column, FigureAbsence? absence, ref FigureAbsence? last, ref int code)
    {
        if (absence != last)
        {
            last = absence;
            code = column.Encode(ColumnNames.Absence(absence));
        }

        return code;
    }
}
