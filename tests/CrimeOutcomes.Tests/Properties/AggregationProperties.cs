using CsCheck;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// Properties of national aggregation, checked on generated force figures against sums computed here
/// independently (LINQ over the dataset's figure lists, not the dataset's lookups or the aggregator).
/// </summary>
public class AggregationProperties
{
    private static readonly AreaAggregator Aggregator = new();
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly ForceRegistry Registry = ForceRegistry.Default;

    [Fact]
    public void Aggregating_a_group_equals_merging_the_aggregates_of_its_disjoint_parts_in_any_order_and_grouping()
    {
        Gen.Select(Generators.ForceFigures, Generators.Force.ArrayUnique[1, 44], Gen.Int[0, 4].Array[44], Gen.Int, Gen.Int).Sample(
            (data, members, partOf, order1, order2) =>
            {
                var whole = Totals.Of(TryAggregate(data, ForceGroup.Of("whole", members)));
                var parts = members.Select((force, i) => (force, part: partOf[i]))
                    .GroupBy(x => x.part)
                    .Select(g => Totals.Of(TryAggregate(data, ForceGroup.Of($"part {g.Key}", g.Select(x => x.force)))))
                    .ToArray();

                // Two different orders, folded from the left and from the right: commutativity and associativity.
                var left = Shuffle(parts, order1).Aggregate(Totals.Empty, Totals.Merge);
                var right = Shuffle(parts, order2).Reverse().Aggregate(Totals.Empty, (sum, part) => Totals.Merge(part, sum));

                left.Should().BeEquivalentTo(whole);
                right.Should().BeEquivalentTo(whole);
            },
            iter: 100);
    }

    [Fact]
    public void A_national_figure_equals_the_sum_of_its_forces_for_every_outcome()
    {
        Generators.ForceFigures.Sample(
            data =>
            {
                var territorial = data.RecordedCrimes.Where(f => f.Key.Area is PoliceForce { IsTerritorial: true }).ToArray();
                var outcomes = data.OutcomeCounts.Where(f => f.Key.Area is PoliceForce { IsTerritorial: true }).ToArray();
                var national = TryAggregate(data, Registry.EnglandAndWales);
                if (territorial.Length == 0 && outcomes.Length == 0)
                {
                    national.Should().BeNull("no force of England and Wales has figures (British Transport Police is not one)");
                    return;
                }

                national!.RecordedCrimes.Should().Be(territorial.Length == 0 ? null : territorial.Sum(f => f.Count));
                national.RecordedCrimesCoverage.ForcesCovered.Should().Be(territorial.Length);
                national.OutcomeCountsCoverage.ForcesCovered.Should().Be(outcomes.Select(f => f.Key.Area).Distinct().Count());
                // A sum is the area's figure only when every force with outcome counts gave that outcome type.
                var forces = outcomes.Select(f => f.Key.Area).Distinct().Count();
                foreach (var outcome in OutcomeCatalogue.Default.All)
                {
                    var reported = outcomes.Where(f => f.Outcome == outcome).ToArray();
                    national.CountOf(outcome).Should().Be(reported.Length == forces && forces > 0 ? reported.Sum(f => f.Count) : null, "outcome {0}", outcome.Code);
                }
            },
            iter: 100);
    }

    public static TheoryData<string, bool> Definitions => new()
    {
        { "withdrawal", false }, { "14 + 16", false }, { "charge", false }, { "1 over assigned", false }, { "15 + 16 over suspect-identified", false },
        { "14 + 16", true }, { "15 + 16 over suspect-identified", true },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void The_ratio_of_an_aggregate_is_the_sum_of_numerators_over_the_sum_of_denominators(string which, bool missingAsZero)
    {
        var chosen = which switch
        {
            "withdrawal" => RatioDefinition.Withdrawal,
            "14 + 16" => RatioDefinition.WithdrawalIncludingNoSuspect,
            "charge" => RatioDefinition.ChargeOrSummons,
            "1 over assigned" => RatioDefinition.OutcomeRate(RatioDenominator.AssignedOutcomes, OutcomeType.ChargedOrSummonsed),
            _ => RatioDefinition.OutcomeRate(RatioDenominator.SuspectIdentifiedOutcomes, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport),
        };
        var definition = missingAsZero ? chosen.CountingMissingOutcomesAsZero() : chosen;
        Gen.Select(Generators.ForceFigures, Generators.Force.ArrayUnique[1, 44]).Sample(
            (data, members) =>
            {
                var group = ForceGroup.Of("group", members);
                var included = members.Where(f => HasInputs(data, definition, f)).ToArray();
                var numerator = included.Sum(f => Counts(data, f).Where(c => definition.Numerator.Contains(c.Outcome)).Sum(c => c.Count));
                var denominator = included.Sum(f => definition.Denominator switch
                {
                    RatioDenominator.RecordedCrimes => data.RecordedCrimes.Single(r => r.Key.Area == f).Count,
                    RatioDenominator.AssignedOutcomes => Counts(data, f).Where(c => c.Outcome.IsAssignedOutcome && !c.Outcome.IsSubset).Sum(c => c.Count),
                    _ => Counts(data, f).Where(c => c.Outcome.IsAssignedOutcome && !c.Outcome.IsSubset && c.Outcome.SuspectIdentified == true).Sum(c => c.Count),
                });

                var act = () => Calculator.Calculate(data, definition, group, Generators.Fixed.Period, Generators.Fixed.Scope, Generators.Fixed.Basis);

                if (included.Length == 0)
                {
                    act.Should().Throw<KeyNotFoundException>();
                    return;
                }

                var ratio = act();
                ratio.Numerator.Should().Be(numerator);
                ratio.Denominator.Should().Be(denominator);
                ratio.Value.Should().Be(denominator == 0 ? null : (decimal)numerator / denominator);
                ratio.Coverage.Contributing.Should().BeEquivalentTo(included);
            },
            iter: 60);
    }

    private static IEnumerable<OutcomeCountFigure> Counts(OutcomeDataset data, PoliceForce force)
        => data.OutcomeCounts.Where(c => c.Key.Area == force);

    /// <summary>
    /// A force counts when it has outcome counts, every numerator outcome among them (when missing outcomes count as
    /// zero, at least one), and, over recorded crimes, recorded crimes: a figure it lacks is never taken as zero.
    /// </summary>
    private static bool HasInputs(OutcomeDataset data, RatioDefinition definition, PoliceForce force)
        => Counts(data, force).Any()
           && (definition.MissingOutcomesCountAsZero
               ? definition.Numerator.Any(o => Counts(data, force).Any(c => c.Outcome == o))
               : definition.Numerator.All(o => Counts(data, force).Any(c => c.Outcome == o)))
           && (definition.Denominator != RatioDenominator.RecordedCrimes || data.RecordedCrimes.Any(r => r.Key.Area == force));

    private static AreaAggregate? TryAggregate(OutcomeDataset data, Area area)
    {
        try
        {
            return Aggregator.Aggregate(data, area, Generators.Fixed.Period, Generators.Fixed.Scope, Generators.Fixed.Basis);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<Totals> Shuffle(Totals[] parts, int seed)
        => parts.Select((p, i) => (p, key: HashCode.Combine(i, seed))).OrderBy(x => x.key).Select(x => x.p);

    /// <summary>What an aggregate adds up to: recorded crimes, counts by outcome, and the forces behind each.</summary>
    private sealed record Totals(long? Recorded, IReadOnlyDictionary<OutcomeType, long> Counts, IReadOnlySet<PoliceForce> RecordedForces, IReadOnlySet<PoliceForce> OutcomeForces)
    {
        public static Totals Empty { get; } = new(null, new Dictionary<OutcomeType, long>(), new HashSet<PoliceForce>(), new HashSet<PoliceForce>());

        public static Totals Of(AreaAggregate? aggregate) => aggregate is null
            ? Empty
            : new(aggregate.RecordedCrimes, aggregate.OutcomeCounts.ToDictionary(), aggregate.RecordedCrimesCoverage.Contributing.ToHashSet(), aggregate.OutcomeCountsCoverage.Contributing.ToHashSet());

        /// <summary>An outcome type's sum stands only when every part with outcome counts has it.</summary>
        public static Totals Merge(Totals a, Totals b) => new(
            a.Recorded is null && b.Recorded is null ? null : checked((a.Recorded ?? 0) + (b.Recorded ?? 0)),
            (a.OutcomeForces.Count == 0 ? b.Counts.Keys : b.OutcomeForces.Count == 0 ? a.Counts.Keys : a.Counts.Keys.Intersect(b.Counts.Keys))
                .ToDictionary(k => k, k => a.Counts.GetValueOrDefault(k) + b.Counts.GetValueOrDefault(k)),
            a.RecordedForces.Union(b.RecordedForces).ToHashSet(),
            a.OutcomeForces.Union(b.OutcomeForces).ToHashSet());
    }
}
