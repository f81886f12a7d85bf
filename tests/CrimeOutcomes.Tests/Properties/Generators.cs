using CsCheck;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>CsCheck generators of the domain: forces, areas, periods, scopes and whole datasets.</summary>
internal static class Generators
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;

    public static Gen<PoliceForce> Force { get; } = Gen.OneOf([.. Registry.All]);

    public static Gen<PoliceForce> TerritorialForce { get; } = Gen.OneOf([.. Registry.EnglandAndWales.Forces]);

    public static Gen<CalendarYear> CalendarYear { get; } = Gen.Int[CrimeOutcomes.CalendarYear.MinYear, CrimeOutcomes.CalendarYear.MaxYear].Select(CrimeOutcomes.CalendarYear.Of);

    public static Gen<FinancialYear> FinancialYear { get; } = Gen.Int[CrimeOutcomes.CalendarYear.MinYear, CrimeOutcomes.CalendarYear.MaxYear - 1].Select(CrimeOutcomes.FinancialYear.StartingIn);

    public static Gen<FinancialQuarter> FinancialQuarter { get; } = Gen.Select(FinancialYear, Gen.Int[1, 4], CrimeOutcomes.FinancialQuarter.Of);

    public static Gen<ReportingPeriod> Period { get; } = Gen.OneOf<ReportingPeriod>(
        CalendarYear.Select(y => (ReportingPeriod)y), FinancialYear.Select(y => (ReportingPeriod)y), FinancialQuarter.Select(q => (ReportingPeriod)q));

    public static Gen<OutcomeType> Outcome { get; } = Gen.OneOf([.. OutcomeCatalogue.Default.All]);

    public static Gen<CountBasis> Basis { get; } = Gen.OneOf(CountBasis.Recorded, CountBasis.Closed, CountBasis.Unstated);

    public static Gen<FigureAbsence> Absence { get; } = Gen.OneOf(Enum.GetValues<FigureAbsence>());

    /// <summary>Text that stresses escaping: quotes, backslashes, controls, accents, a surrogate pair; never blank.</summary>
    public static Gen<string> Text { get; } =
        Gen.Char["abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-–&,.'/\"\\\u0001\té£"].Array[1, 24]
            .Select(chars => new string(chars))
            .Select(Gen.Bool, (s, emoji) => emoji ? s + "\U0001F46E" : s)
            .Where(s => !string.IsNullOrWhiteSpace(s));

    public static Gen<OffenceCode> OffenceCode { get; } =
        Gen.Select(Gen.Int[0, 999], Gen.Char['A', 'Z'].Array[0, 2], (n, letters) => CrimeOutcomes.OffenceCode.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string(letters)));

    public static Gen<CrimeScope> Scope { get; } = Gen.Select(
        Gen.OneOf<string>(Gen.Const("All crime"), Gen.Const("Domestic abuse-related"), Text),
        Gen.Frequency<string?>((3, Gen.Const((string?)null)), (1, Text.Select(t => (string?)t))),
        Gen.Frequency<string?>((3, Gen.Const((string?)null)), (1, Text.Select(t => (string?)t))),
        Gen.Frequency<OffenceCode?>((3, Gen.Const((OffenceCode?)null)), (1, OffenceCode.Select(c => (OffenceCode?)c))),
        (name, group, subgroup, code) =>
        {
            var scope = CrimeScope.Named(name);
            scope = group is null ? scope : scope.WithOffenceGroup(group);
            scope = subgroup is null ? scope : scope.WithOffenceSubgroup(subgroup);
            return code is { } c ? scope.WithOffenceCode(c) : scope;
        });

    /// <summary>
    /// A pool of distinct groups: registry regions and countries, England and Wales, a listed group, an unlisted
    /// group, and "England and Wales excluding" some forces. Names are unique, since areas compare by kind and name.
    /// </summary>
    public static Gen<Area[]> Groups { get; } = Gen.Select(
        TerritorialForce.ArrayUnique[1, 10],
        Gen.Int[1, 43],
        TerritorialForce.ArrayUnique[1, 5],
        Text,
        (members, unlistedCount, excluded, name) => new Area[]
        {
            Registry.EnglandAndWales,
            Registry.England,
            Registry.Wales,
            Registry.RegionOf(Region.WestMidlands),
            ForceGroup.Of("Listed " + name, members),
            ForceGroup.Unlisted("Unlisted " + name, unlistedCount, Registry.EnglandAndWales),
            Registry.EnglandAndWales.Excluding(excluded),
        });

    /// <summary>
    /// A dataset of force figures and published group figures, with extreme counts now and then, negative outcome
    /// counts (corrections) of any type, missing figures (recorded crimes, or an outcome count when the outcome is
    /// set) and force-quarter gaps.
    /// </summary>
    public static Gen<OutcomeDataset> Dataset { get; } = Groups.SelectMany(groups =>
    {
        var area = Gen.Frequency<Area>((4, Force.Select(f => (Area)f)), (1, Gen.OneOf(groups)));
        var count = Gen.Frequency<long>((6, Gen.Long[0, 100_000]), (1, Gen.Long[0, long.MaxValue]), (1, Gen.OneOf(0L, long.MaxValue)));
        var key = Gen.Select(area, Period, Scope, (a, p, s) => new FigureKey(a, p, s));
        var recorded = Gen.Select(key, count).Array[0, 30];
        var outcomes = Gen.Select(key, Basis, Outcome, count, Gen.Bool).Array[0, 60];
        var missing = Gen.Select(key, Basis, Gen.Frequency<OutcomeType?>((1, Gen.Const((OutcomeType?)null)), (2, Outcome.Select(o => (OutcomeType?)o))), Absence).Array[0, 10];
        var gaps = Gen.Select(Force, FinancialQuarter, Gen.Frequency<CountBasis?>((1, Gen.Const((CountBasis?)null)), (2, Basis.Select(b => (CountBasis?)b))), Absence,
            (f, q, b, a) => new FigureGap(f, q, b, a)).Array[0, 5];
        return Gen.Select(recorded, outcomes, missing, gaps, (r, o, m, g) =>
        {
            var builder = new OutcomeDatasetBuilder();
            foreach (var (k, c) in r.DistinctBy(x => x.Item1).ToArray())
            {
                builder.AddRecordedCrimes(k, c);
            }

            foreach (var (k, b, outcome, c, negative) in o.DistinctBy(x => (x.Item1, x.Item2, x.Item3)).ToArray())
            {
                builder.AddOutcomeCount(k, b, outcome, negative ? -c : c);
            }

            // A missing figure only where the dataset has no figure for it, present or missing.
            var recordedKeys = r.Select(x => x.Item1).ToHashSet();
            var outcomeKeys = o.Select(x => (x.Item1, x.Item2, x.Item3)).ToHashSet();
            foreach (var (k, b, outcome, absence) in m)
            {
                if (outcome is null ? recordedKeys.Add(k) : outcomeKeys.Add((k, b, outcome)))
                {
                    _ = outcome is null ? builder.AddMissingRecordedCrimes(k, absence) : builder.AddMissingOutcomeCount(k, b, outcome, absence);
                }
            }

            foreach (var gap in g)
            {
                builder.AddGap(gap);
            }

            return builder.Build();
        });
    });

    /// <summary>
    /// Force-level figures only, for one period, scope and basis: some forces with recorded crimes, some with outcome
    /// counts (each for some outcome types). Counts are small enough that no sum over 44 forces overflows.
    /// </summary>
    public static Gen<OutcomeDataset> ForceFigures { get; } = Gen.Select(
        Gen.Select(Force, Gen.Long[0, 1_000_000_000_000]).Array[0, 44],
        Gen.Select(Force, Outcome, Gen.Long[0, 1_000_000_000_000]).Array[0, 200],
        (recorded, outcomes) =>
        {
            var builder = new OutcomeDatasetBuilder();
            foreach (var (force, count) in recorded.DistinctBy(x => x.Item1))
            {
                builder.AddRecordedCrimes(force, Fixed.Period, Fixed.Scope, count);
            }

            foreach (var (force, outcome, count) in outcomes.DistinctBy(x => (x.Item1, x.Item2)))
            {
                builder.AddOutcomeCount(force, Fixed.Period, Fixed.Scope, Fixed.Basis, outcome, count);
            }

            return builder.Build();
        });

    /// <summary>The key of <see cref="ForceFigures"/>.</summary>
    public static class Fixed
    {
        public static ReportingPeriod Period { get; } = CrimeOutcomes.FinancialYear.StartingIn(2020);

        public static CrimeScope Scope => CrimeScope.AllCrime;

        public static CountBasis Basis => CountBasis.Recorded;
    }
}
