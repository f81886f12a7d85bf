using System.Runtime.InteropServices;

namespace CrimeOutcomes.Import;

/// <summary>The row accounting of one file (or one reading thread's share of it). Fields, not properties: updated for every row.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "Internal hot-path counters.")]
internal sealed class FileTally
{
    public long RowsRead;

    public long RowsKept;

    public long RowsFiltered;

    public long RowsRejected;

    public long RowsSetAside;

    public long RowsOfExpiredCodes;

    public long OffenceCodesStoredAsNumbers;

    public CountTotals CountsRead;

    public CountTotals CountsKept;

    public CountTotals CountsFiltered;

    public CountTotals CountsRejected;

    public CountTotals CountsSetAside;

    public Dictionary<string, (long Rows, CountTotals Counts)> SetAside { get; } = new(StringComparer.Ordinal);

    /// <summary>Negative counts by outcome type and basis: rows and sum.</summary>
    public Dictionary<(OutcomeType Outcome, CountBasis Basis), (long Rows, long Sum)> Corrections { get; } = [];

    public void AddCorrection(OutcomeType outcome, CountBasis basis, long count)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Corrections, (outcome, basis), out _);
        entry = (entry.Rows + 1, checked(entry.Sum + count));
    }

    /// <summary>A report with this tally's rows and counts (set-aside names included); the caller adds the rest.</summary>
    /// <param name="path">The file as given to the reader.</param>
    /// <param name="name">Its name for messages.</param>
    /// <param name="kind">The table it holds.</param>
    public FileImportReport ToReport(string path, string name, OpenDataTableKind kind) => new()
    {
        File = path,
        FileName = name,
        Kind = kind,
        RowsRead = RowsRead,
        RowsKept = RowsKept,
        RowsFiltered = RowsFiltered,
        RowsRejected = RowsRejected,
        RowsSetAside = RowsSetAside,
        RowsOfExpiredCodes = RowsOfExpiredCodes,
        OffenceCodesStoredAsNumbers = OffenceCodesStoredAsNumbers,
        CountsRead = CountsRead,
        CountsKept = CountsKept,
        CountsFiltered = CountsFiltered,
        CountsRejected = CountsRejected,
        CountsSetAside = CountsSetAside,
        SetAside = [.. SetAside.Select(s => new SetAsideName(s.Key, s.Value.Rows, s.Value.Counts)).OrderByDescending(s => s.Rows).ThenBy(s => s.Name, StringComparer.Ordinal)],
        Corrections = [.. Corrections.Select(c => new CorrectionTally(c.Key.Outcome, c.Key.Basis, c.Value.Rows, c.Value.Sum)).OrderBy(c => c.Outcome).ThenBy(c => c.Basis)],
    };

    public void Add(FileTally other)
    {
        RowsRead += other.RowsRead;
        RowsKept += other.RowsKept;
        RowsFiltered += other.RowsFiltered;
        RowsRejected += other.RowsRejected;
        RowsSetAside += other.RowsSetAside;
        RowsOfExpiredCodes += other.RowsOfExpiredCodes;
        OffenceCodesStoredAsNumbers += other.OffenceCodesStoredAsNumbers;
        CountsRead += other.CountsRead;
        CountsKept += other.CountsKept;
        CountsFiltered += other.CountsFiltered;
        CountsRejected += other.CountsRejected;
        CountsSetAside += other.CountsSetAside;
        foreach (var (name, (rows, counts)) in other.SetAside)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(SetAside, name, out _);
            entry.Rows += rows;
            entry.Counts += counts;
        }

        foreach (var ((outcome, basis), (rows, sum)) in other.Corrections)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Corrections, (outcome, basis), out _);
            entry = (entry.Rows + rows, checked(entry.Sum + sum));
        }
    }
}

/// <summary>Everything read from one file: its figures summed to the grain, and its row accounting.</summary>
internal sealed class FileAggregate(string file, OpenDataTableKind kind)
{
    private readonly Dictionary<string, (long Rows, IReadOnlyList<string> Suggestions)> _unknown = new(StringComparer.Ordinal);

    /// <summary>The file's name for messages ("outcomes.csv", or "archive.zip/entry.csv" for an archive's entry).</summary>
    public string File { get; } = file;

    /// <summary>The path as given to the reader (for an archive's entry, the archive's path and "/entry"); <see cref="File"/> until set.</summary>
    public string GivenPath { get; set; } = file;

    public OpenDataTableKind Kind { get; } = kind;

    public DateOnly? ReleaseDate { get; init; }

    public List<string> Sheets { get; } = [];

    /// <summary>Whether every table read had the recorded-basis column.</summary>
    public bool HasRecordedBasis { get; set; } = true;

    /// <summary>Whether every table read had the closed-basis column.</summary>
    public bool HasClosedBasis { get; set; } = true;

    public FileTally Tally { get; } = new();

    public List<RejectedRow> Rejected { get; } = [];

    public Dictionary<(FigureKey Key, OutcomeType? Outcome), Sums> Figures { get; } = [];

    /// <summary>Marker cells by column header and marker text.</summary>
    public Dictionary<(string Column, string Marker), (FigureAbsence Absence, long Cells)> Markers { get; } = [];

    /// <summary>Force-quarters marked "not provided", by basis (null for recorded crimes).</summary>
    public HashSet<FigureGap> Gaps { get; } = [];

    /// <summary>The quarters the file's rows give for each year (bit q for quarter q); empty for a table without quarters.</summary>
    public Dictionary<FinancialYear, byte> QuartersByYear { get; } = [];

    public void AddQuarters(FinancialYear year, byte quarters)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(QuartersByYear, year, out _);
        entry |= quarters;
    }

    /// <summary>
    /// The gaps of a partial-year release: for each year whose rows give fewer than four quarters, every force with
    /// figures that year lacks the others on each basis the table has (<see cref="FigureAbsence.NotInRelease"/>).
    /// </summary>
    public IEnumerable<FigureGap> QuartersNotInRelease()
    {
        foreach (var (year, quarters) in QuartersByYear)
        {
            var lacking = Enumerable.Range(1, 4).Where(q => (quarters & (1 << q)) == 0).ToArray();
            if (lacking.Length == 0)
            {
                continue;
            }

            var bases = new List<CountBasis?>();
            if (Kind == OpenDataTableKind.RecordedCrime)
            {
                bases.Add(null);
            }
            else
            {
                if (HasRecordedBasis)
                {
                    bases.Add(CountBasis.Recorded);
                }

                if (HasClosedBasis)
                {
                    bases.Add(CountBasis.Closed);
                }
            }

            var forces = Figures.Keys.Select(k => k.Key).Where(k => YearOf(k.Period) == year).Select(k => k.Area).OfType<PoliceForce>().Distinct();
            foreach (var force in forces)
            {
                foreach (var quarter in lacking)
                {
                    foreach (var basis in bases)
                    {
                        yield return new FigureGap(force, FinancialQuarter.Of(year, quarter), basis, FigureAbsence.NotInRelease);
                    }
                }
            }
        }
    }

    public void AddMarker(string column, string marker, FigureAbsence absence, long cells)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Markers, (column, marker), out _);
        entry = (absence, entry.Cells + cells);
    }

    public IEnumerable<FinancialYear> Years => Figures.Keys.Select(k => YearOf(k.Key.Period)).Distinct().Order();

    public static FinancialYear YearOf(ReportingPeriod period)
        => period.Kind == PeriodKind.FinancialQuarter ? period.AsFinancialQuarter().Year : period.AsFinancialYear();

    public void Add(FigureKey key, OutcomeType? outcome, Sums sums)
        => CollectionsMarshal.GetValueRefOrAddDefault(Figures, (key, outcome), out _).Add(sums);

    public void AddUnknown(string name, long rows, IReadOnlyList<string> suggestions)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_unknown, name, out _);
        entry = (entry.Rows + rows, suggestions);
    }

    public FileImportReport ToReport(IReadOnlyList<FinancialYear> superseded, string? supersededBy, IReadOnlyList<OutcomeCountFigure> negativeSums) => Tally.ToReport(GivenPath, File, Kind) with
    {
        Markers = [.. Markers.Select(m => new MarkerTally(m.Key.Column, m.Key.Marker, m.Value.Absence, m.Value.Cells)).OrderBy(m => m.Column, StringComparer.Ordinal).ThenByDescending(m => m.Cells)],
        Gaps = [.. Gaps.OrderBy(g => g.Force.Name, StringComparer.Ordinal).ThenBy(g => g.Quarter).ThenBy(g => g.Basis)],
        NegativeSums = negativeSums,
        Sheets = [.. Sheets],
        ReleaseDate = ReleaseDate,
        Years = [.. Years],
        SupersededYears = superseded,
        SupersededBy = supersededBy,
        Rejected = [.. Rejected.OrderBy(r => r.Location.Sheet, StringComparer.Ordinal).ThenBy(r => r.Location.Number)],
        UnknownNames = [.. _unknown.Select(u => new UnknownName(u.Key, u.Value.Rows, u.Value.Suggestions)).OrderByDescending(u => u.Rows).ThenBy(u => u.Name, StringComparer.Ordinal)],
    };

    /// <summary>How the file was read (its encoding and container), or null; the reader adds it to the file's report.</summary>
    public FileReading? Reading { get; set; }
}
