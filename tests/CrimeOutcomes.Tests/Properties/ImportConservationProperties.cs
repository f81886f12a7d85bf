using System.Globalization;
using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Import;
using CsCheck;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// Conservation of rows and counts through every reader, on generated files in the published layouts with some
/// generated bad rows, read in lenient mode: kept + filtered + rejected + set aside = rows read, for the rows and for
/// the sums of the count columns; and each of those figures equals what the generator knows it wrote (each row is
/// generated with its fate: a valid row, a non-force row, a blank row, or one planted fault), so the reader's own
/// account is checked against an independent one, not only against itself. The figures in the dataset add up to the
/// counts kept.
/// </summary>
public sealed class ImportConservationProperties : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal enum Fate
    {
        Kept,
        Filtered,
        Rejected,
        SetAside,
    }

    internal enum Fault
    {
        None,
        NonForce,
        Blank,
        UnknownForce,
        BadYear,
        BadQuarter,
        BadOutcome,
        GroupMismatch,
        NegativeCount,
        Marker,
        BadCount,
        BadSecondCount,
        BeyondLong,
        ShortRow,
    }

    /// <summary>A generated row: its fields as written and what the reader must make of it.</summary>
    internal sealed record PlannedRow(string[] Fields, Fate Fate, CountTotals Counts);

    /// <summary>A generated file: its rows and the options it is read with.</summary>
    internal sealed record PlannedFile(IReadOnlyList<PlannedRow> Rows, ImportOptions Options)
    {
        public override string ToString() => $"{Rows.Count} rows, options {Options.ByQuarter}/{Options.OffenceGrain}/{Options.Years?.Count}/{Options.Forces?.Count}:\n"
            + string.Join("\n", Rows.Select(r => $"{r.Fate}: {string.Join('|', r.Fields)}"));
    }

    // Force names as written, and the force each is (null: not a force); checked by hand against the reference table.
    private static readonly (string Written, string? Force)[] Forces =
    [
        ("West Mercia", "West Mercia"), ("Metropolitan Police[Note 6]", "Metropolitan Police"), ("Kent ", "Kent"),
        ("Devon & Cornwall", "Devon & Cornwall"), ("Gwent Police", "Gwent"),
    ];

    private static readonly string[] Years = ["2019/20", "2020/21"];

    private static readonly OutcomeType[] Outcomes = [.. OpenDataFixtures.Outcomes];

    private static readonly Gen<Fault> FaultGen = Gen.Int[0, 2 * (Enum.GetValues<Fault>().Length - 1)]
        .Select(i => i < Enum.GetValues<Fault>().Length - 1 ? Fault.None : (Fault)(i - (Enum.GetValues<Fault>().Length - 2)));

    /// <summary>Lenient options with random grain, periods and filters (a force filter and a year filter make filtered rows).</summary>
    private static readonly Gen<ImportOptions> OptionsGen = Gen.Select(Gen.Bool, Gen.Int[0, 3], Gen.Bool, Gen.Bool, (byQuarter, grain, years, forces) => ImportOptions.Default with
    {
        Strict = false,
        ByQuarter = byQuarter,
        OffenceGrain = (OffenceGrain)grain,
        Years = years ? [FinancialYear.Parse("2020/21")] : null,
        Forces = forces ? [ForceRegistry.Default.Get("Kent"), ForceRegistry.Default.Get("West Mercia")] : null,
        // Small ranges read on several threads: the accounts of the ranges must add up too.
        MaxDegreeOfParallelism = 3,
        CsvChunkBytes = 700,
    });

    /// <summary>Rows of an outcomes open-data table (the twelve published columns).</summary>
    private static Gen<PlannedFile> OutcomesFile { get; } = Gen.Select(
            Gen.Select(Gen.Int[0, Forces.Length - 1], Gen.Int[0, 1], Gen.Int[1, 4], Gen.Int[0, OpenDataFixtures.Offences.Count - 1], Gen.Int[0, Outcomes.Length - 1], Gen.Long[-1_000, 1_000_000], Gen.Long[0, 1_000_000], FaultGen).Array[1, 60],
            OptionsGen,
            Gen.Bool)
        .Select((plans, options, withQ) => new PlannedFile(
            [.. plans.Select((p, i) => OutcomesRow(p.Item1, p.Item2, p.Item3, p.Item4, p.Item5, p.Item6, p.Item7, i == plans.Length - 1 && p.Item8 == Fault.Blank ? Fault.None : p.Item8, withQ, options))],
            options));

    private static PlannedRow OutcomesRow(int force, int year, int quarter, int offence, int outcomeIndex, long recorded, long closed, Fault fault, bool withQ, ImportOptions options)
    {
        var (group, subgroup, code, description, _) = OpenDataFixtures.Offences[offence];
        var outcome = Outcomes[outcomeIndex];
        recorded = outcome.IsAssignedOutcome ? Math.Abs(recorded) : recorded;
        string[] fields =
        [
            Years[year], withQ ? $"Q{quarter}" : quarter.ToString(CultureInfo.InvariantCulture), Forces[force].Written, description, group, subgroup, code,
            outcome.Meaning, outcome.Group.Name, outcome.Code, Number(recorded), Number(closed),
        ];
        var counts = new CountTotals(recorded, closed, 0);
        switch (fault)
        {
            case Fault.NonForce:
                fields[2] = "Action Fraud";
                return new(fields, Fate.SetAside, counts);
            case Fault.Blank:
                return new([], Fate.SetAside, default);
            case Fault.UnknownForce:
                fields[2] = "Mercia West";
                return new(fields, Fate.Rejected, counts);
            case Fault.BadYear:
                fields[0] = "2020-22";
                return new(fields, Fate.Rejected, counts);
            case Fault.BadQuarter:
                fields[1] = "Q5";
                return new(fields, Fate.Rejected, counts);
            case Fault.BadOutcome:
                fields[9] = "99";
                return new(fields, Fate.Rejected, counts);
            case Fault.GroupMismatch:
                fields[8] = outcome.Code == "1" ? OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport.Group.Name : OutcomeType.ChargedOrSummonsed.Group.Name;
                return new(fields, Fate.Rejected, counts);
            case Fault.NegativeCount:
                // A published correction, of any outcome type and on either basis: kept.
                fields[10 + (quarter % 2)] = Number(-recorded - 1);
                return new(fields, Filtered(Forces[force].Force!, Years[year], options) ? Fate.Filtered : Fate.Kept,
                    quarter % 2 == 0 ? counts with { Recorded = -recorded - 1 } : counts with { Closed = -recorded - 1 });
            case Fault.Marker:
                // A marker of an absent figure ("--", "N/A - data not provided", blank …) in one count cell: no figure, not a rejection.
                var marker = CountMarker.Known[(int)(closed % CountMarker.Known.Count)];
                fields[10 + (quarter % 2)] = (closed % 3) switch { 0 => marker.Text.ToLowerInvariant(), 1 => $" {marker.Text} ", _ => marker.Text };
                return new(fields, Filtered(Forces[force].Force!, Years[year], options) ? Fate.Filtered : Fate.Kept,
                    quarter % 2 == 0 ? counts with { Recorded = 0 } : counts with { Closed = 0 });
            case Fault.BadCount:
                fields[10] = "x12";
                return new(fields, Fate.Rejected, default);
            case Fault.BadSecondCount:
                fields[11] = "1O";
                return new(fields, Fate.Rejected, counts with { Closed = 0 });
            case Fault.BeyondLong:
                fields[11] = "99999999999999999999";
                return new(fields, Fate.Rejected, counts with { Closed = 0 });
            case Fault.ShortRow:
                return new(fields[..3], Fate.Rejected, default);
            default:
                return new(fields, Filtered(Forces[force].Force!, Years[year], options) ? Fate.Filtered : Fate.Kept, counts);
        }
    }

    /// <summary>Rows of a recorded-crime (PRC) table: year, quarter, force, offence, number of offences.</summary>
    private static Gen<PlannedFile> RecordedCrimeFile { get; } = Gen.Select(
            Gen.Select(Gen.Int[0, Forces.Length - 1], Gen.Int[0, 1], Gen.Int[1, 4], Gen.Int[0, OpenDataFixtures.Offences.Count - 1], Gen.Long[0, 1_000_000], FaultGen).Array[1, 60],
            OptionsGen)
        .Select((plans, options) => new PlannedFile(
            [.. plans.Select((p, i) => RecordedCrimeRow(p.Item1, p.Item2, p.Item3, p.Item4, p.Item5, i == plans.Length - 1 && p.Item6 == Fault.Blank ? Fault.None : p.Item6, options))],
            options));

    private static PlannedRow RecordedCrimeRow(int force, int year, int quarter, int offence, long offences, Fault fault, ImportOptions options)
    {
        var (group, subgroup, code, description, _) = OpenDataFixtures.Offences[offence];
        string[] fields = [Years[year], $"Q{quarter}", Forces[force].Written, description, group, subgroup, code, Number(offences)];
        var counts = new CountTotals(0, 0, offences);
        return fault switch
        {
            Fault.NonForce => new(fields.With(2, "UK Finance"), Fate.SetAside, counts),
            Fault.Blank => new([], Fate.SetAside, default),
            Fault.UnknownForce => new(fields.With(2, "Mercia West"), Fate.Rejected, counts),
            Fault.BadYear => new(fields.With(0, "2020-22"), Fate.Rejected, counts),
            Fault.BadQuarter => new(fields.With(1, "Q5"), Fate.Rejected, counts),
            Fault.NegativeCount => new(fields.With(7, Number(-offences - 1)), Fate.Rejected, new CountTotals(0, 0, -offences - 1)),
            Fault.BadCount or Fault.BadSecondCount => new(fields.With(7, "1O"), Fate.Rejected, default),
            Fault.BeyondLong => new(fields.With(7, "-99999999999999999999"), Fate.Rejected, default),
            Fault.ShortRow => new(fields[..3], Fate.Rejected, default),
            _ => new(fields, Filtered(Forces[force].Force!, Years[year], options) ? Fate.Filtered : Fate.Kept, counts),
        };
    }

    // FOI areas as written, and the key each resolves to (null: set aside); checked by hand against the registry.
    private static readonly (string Written, string? Key)[] FoiAreas =
    [
        ("West Mercia Police", "West Mercia"), ("West Mercia", "West Mercia"), ("Kent", "Kent"), ("England and Wales", "England and Wales"),
        ("36 responding forces", "36 responding forces"), ("North West", "North West"), ("Total", null),
    ];

    private static readonly string[] FoiHeaders = ["Area", "Year", "Recorded crimes", "Outcome 16", "OC15", "14"];

    /// <summary>
    /// Rows of an FOI table: area, calendar year, recorded crimes and three outcome columns, numbers with thousands
    /// separators or spaces, "n/a" and blanks for no figure. A second row for an area and year already kept is a
    /// duplicate, rejected with its counts, so the oracle walks the rows in order.
    /// </summary>
    private static Gen<(IReadOnlyList<PlannedRow> Rows, FoiTableOptions Options)> FoiFile { get; } = Gen.Select(
            Gen.Select(Gen.Int[0, FoiAreas.Length - 1], Gen.Int[2015, 2017], Gen.Long[0, 10_000_000], Gen.Long[-1, 2_000_000].Array[3], Gen.Int[0, 3], FaultGen).Array[1, 40],
            Gen.Bool)
        .Select((plans, basisStated) =>
        {
            var kept = new HashSet<(string, int)>();
            var rows = new List<PlannedRow>();
            for (var i = 0; i < plans.Length; i++)
            {
                var (area, year, recorded, outcomes, style, fault) = plans[i];
                rows.Add(FoiRow(area, year, recorded, outcomes, style, i == plans.Length - 1 && fault == Fault.Blank ? Fault.None : fault, kept));
            }

            return ((IReadOnlyList<PlannedRow>)rows, FoiTableOptions.Default with { Strict = false, Basis = basisStated ? CountBasis.Recorded : CountBasis.Unstated });
        });

    private static PlannedRow FoiRow(int area, int year, long recorded, long[] outcomes, int style, Fault fault, HashSet<(string, int)> kept)
    {
        // -1 is "no figure", written as n/a, a dash or a blank.
        string Written(long n) => n < 0 ? (style switch { 0 => "n/a", 1 => "-", _ => string.Empty }) : style switch
        {
            0 => n.ToString("N0", CultureInfo.InvariantCulture),
            1 => " " + n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', ' ') + " ",
            _ => Number(n),
        };
        string[] fields = [FoiAreas[area].Written, year.ToString(CultureInfo.InvariantCulture), Written(recorded), .. outcomes.Select(Written)];
        var counts = new CountTotals(0, 0, recorded, outcomes.Where(n => n >= 0).Sum());

        // A row of a non-force name is set aside before its year and counts are checked (only unreadable numbers come first).
        var setAside = FoiAreas[area].Key is null;
        switch (fault)
        {
            case Fault.Blank:
                return new([], Fate.SetAside, default);
            case Fault.UnknownForce:
                return new(fields.With(0, "Mercia West"), Fate.Rejected, counts);
            case Fault.BadYear or Fault.BadQuarter:
                return new(fields.With(1, "20x7"), setAside ? Fate.SetAside : Fate.Rejected, counts);
            case Fault.NegativeCount:
                return new(fields.With(3, "-5"), setAside ? Fate.SetAside : Fate.Rejected, counts with { UnstatedBasis = counts.UnstatedBasis - 5 - Math.Max(outcomes[0], 0) });
            case Fault.BadCount or Fault.BadSecondCount:
                return new(fields.With(2 + (style % 2), "1O0"), Fate.Rejected, default);
            case Fault.BeyondLong:
                return new(fields.With(4, "9,999,999,999,999,999,999"), Fate.Rejected, default);
            case Fault.NonForce:
                return new(fields.With(0, "Total"), Fate.SetAside, counts);
        }

        if (setAside)
        {
            return new(fields, Fate.SetAside, counts);
        }

        // Every valid row has recorded crimes, so a second row for a kept area and year is a duplicate.
        return new(fields, kept.Add((FoiAreas[area].Key!, year)) ? Fate.Kept : Fate.Rejected, counts);
    }

    [Fact]
    public void Foi_tables_conserve_rows_and_counts() => FoiFile.Sample(
        file =>
        {
            var path = _dir.File($"foi-{Guid.NewGuid():N}.csv");
            OpenDataFixtures.WriteCsv(path, FoiHeaders, file.Rows.Select(r => r.Fields));
            var result = new FoiTableReader(file.Options).Read(path);
            File.Delete(path);
            var report = result.Report.Files.Single();

            CountTotals Sum(Fate? fate) => file.Rows.Where(r => fate is null || r.Fate == fate).Aggregate(default(CountTotals), (a, r) => a + r.Counts);
            report.RowsRead.Should().Be(file.Rows.Count);
            report.RowsKept.Should().Be(file.Rows.Count(r => r.Fate == Fate.Kept));
            report.RowsRejected.Should().Be(file.Rows.Count(r => r.Fate == Fate.Rejected));
            report.RowsSetAside.Should().Be(file.Rows.Count(r => r.Fate == Fate.SetAside));
            report.RowsFiltered.Should().Be(0);
            report.CountsRead.Should().Be(Sum(null));
            report.CountsKept.Should().Be(Sum(Fate.Kept));
            report.CountsRejected.Should().Be(Sum(Fate.Rejected));
            report.CountsSetAside.Should().Be(Sum(Fate.SetAside));
            report.Reconciles.Should().BeTrue();
            result.Dataset.RecordedCrimes.Sum(f => f.Count).Should().Be(report.CountsKept.RecordedCrimes);
            result.Dataset.OutcomeCounts.Where(f => f.Basis == file.Options.Basis).Sum(f => f.Count).Should().Be(report.CountsKept.UnstatedBasis);
        },
        iter: 80,
        print: file => string.Join("\n", file.Rows.Select(r => $"{r.Fate}: {string.Join('|', r.Fields)}")));

    private static bool Filtered(string force, string year, ImportOptions options)
        => (options.Forces is { Count: > 0 } forces && !forces.Contains(ForceRegistry.Default.Get(force)))
           || (options.Years is { Count: > 0 } years && !years.Contains(FinancialYear.Parse(year)));

    private static string Number(long count) => count.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Csv_outcomes_conserve_rows_and_counts() => OutcomesFile.Sample(file => Check(file, Write(file, ".csv", OpenDataFixtures.NewHeaders)), iter: 60);

    [Fact]
    public void Xlsx_outcomes_conserve_rows_and_counts() => OutcomesFile.Sample(file => Check(file, Write(file, ".xlsx", OpenDataFixtures.NewHeaders)), iter: 15);

    [Fact]
    public void Ods_outcomes_conserve_rows_and_counts() => OutcomesFile.Sample(file => Check(file, Write(file, ".ods", OpenDataFixtures.NewHeaders)), iter: 15);

    [Fact]
    public void Recorded_crime_tables_conserve_rows_and_counts_in_csv_xlsx_and_ods()
    {
        RecordedCrimeFile.Sample(file => Check(file, Write(file, ".csv", OpenDataFixtures.RecordedCrimeHeaders)), iter: 40);
        RecordedCrimeFile.Sample(file => Check(file, Write(file, ".xlsx", OpenDataFixtures.RecordedCrimeHeaders)), iter: 8);
        RecordedCrimeFile.Sample(file => Check(file, Write(file, ".ods", OpenDataFixtures.RecordedCrimeHeaders)), iter: 8);
    }

    private string Write(PlannedFile file, string extension, IReadOnlyList<string> headers)
    {
        var path = _dir.File($"generated-{Guid.NewGuid():N}{extension}");
        var rows = file.Rows.Select(r => r.Fields).ToArray();
        switch (extension)
        {
            case ".csv":
                OpenDataFixtures.WriteCsv(path, headers, rows);
                break;
            case ".xlsx":
                OpenDataFixtures.WriteXlsxAsync(path, headers, rows).GetAwaiter().GetResult();
                break;
            default:
                OpenDataFixtures.WriteOds(path, [("Data", headers, rows)]);
                break;
        }

        return path;
    }

    private static void Check(PlannedFile file, string path)
    {
        var result = new OutcomesOpenDataReader(file.Options).Read(path);
        File.Delete(path);
        var report = result.Report.Files.Single();

        // The reader's account against the generator's.
        CountTotals Sum(Fate? fate) => file.Rows.Where(r => fate is null || r.Fate == fate).Aggregate(default(CountTotals), (a, r) => a + r.Counts);
        long Rows(Fate fate) => file.Rows.Count(r => r.Fate == fate);
        report.RowsRead.Should().Be(file.Rows.Count);
        report.RowsKept.Should().Be(Rows(Fate.Kept));
        report.RowsFiltered.Should().Be(Rows(Fate.Filtered));
        report.RowsRejected.Should().Be(Rows(Fate.Rejected));
        report.RowsSetAside.Should().Be(Rows(Fate.SetAside));
        report.CountsRead.Should().Be(Sum(null));
        report.CountsKept.Should().Be(Sum(Fate.Kept));
        report.CountsFiltered.Should().Be(Sum(Fate.Filtered));
        report.CountsRejected.Should().Be(Sum(Fate.Rejected));
        report.CountsSetAside.Should().Be(Sum(Fate.SetAside));

        // Conservation, as the report states it, and the dataset's figures against the counts kept.
        (report.RowsKept + report.RowsFiltered + report.RowsRejected + report.RowsSetAside).Should().Be(report.RowsRead);
        (report.CountsKept + report.CountsFiltered + report.CountsRejected + report.CountsSetAside).Should().Be(report.CountsRead);
        report.Reconciles.Should().BeTrue();
        var data = result.Dataset;
        if (report.Kind == OpenDataTableKind.Outcomes)
        {
            data.OutcomeCounts.Where(f => f.Basis == CountBasis.Recorded).Sum(f => f.Count).Should().Be(report.CountsKept.Recorded);
            data.OutcomeCounts.Where(f => f.Basis == CountBasis.Closed).Sum(f => f.Count).Should().Be(report.CountsKept.Closed);
        }
        else
        {
            data.RecordedCrimes.Sum(f => f.Count).Should().Be(report.CountsKept.RecordedCrimes);
        }
    }
}

internal static class ArrayExtensions
{
    /// <summary>A copy of the array with one element replaced.</summary>
    public static string[] With(this string[] fields, int index, string value)
    {
        var copy = (string[])fields.Clone();
        copy[index] = value;
        return copy;
    }
}
