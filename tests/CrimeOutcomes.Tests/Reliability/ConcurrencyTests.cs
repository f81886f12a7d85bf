using System.Collections.Concurrent;
using System.Text;
using CrimeOutcomes.Json;
using CrimeOutcomes.Tests.Json;

namespace CrimeOutcomes.Tests.Reliability;

/// <summary>
/// The catalogue, the registry, the calculators and the JSON reader and writer, shared by many threads at once with
/// no lock taken by the caller, give exactly the results they give on one thread.
/// </summary>
public class ConcurrencyTests
{
    private const int Iterations = 1_500;

    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly OutcomeCatalogue Catalogue = OutcomeCatalogue.Default;
    private static readonly AreaAggregator Aggregator = new();
    private static readonly OutcomeRatioCalculator Calculator = new();

    /// <summary>A dataset with figures for every territorial force, so national sums have 43 terms.</summary>
    private static readonly OutcomeDataset Data = BuildNational();

    private static readonly string[] Names = [.. Registry.All.SelectMany(f => f.Aliases.Append(f.HomeOfficeName)), "West Mercya", "Action Fraud", "Metropolitan Police[Note 6]"];

    private static readonly string[] OutcomeTexts = [.. Catalogue.All.Select(o => $"Outcome {o.Code}"), "Charged/Summonsed", "Evidential difficulties (victim supports action)"];

    [Fact]
    public void Shared_reference_data_and_calculators_give_identical_results_on_many_threads()
    {
        var expected = Enumerable.Range(0, 64).Select(Work).ToArray();
        // Case 0 is England and Wales: Σ (10,000 + 37n) for n = 0..42 = 430,000 + 37 × 903 = 463,411 recorded crimes.
        expected[0].Should().Contain(";463411");
        var results = new ConcurrentBag<(int Case, string Result)>();

        Parallel.For(0, Iterations, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, i =>
            results.Add((i % 64, Work(i % 64))));

        results.Should().HaveCount(Iterations);
        foreach (var (index, result) in results)
        {
            result.Should().Be(expected[index]);
        }
    }

    [Fact]
    public void New_catalogues_registries_and_JSON_options_can_be_made_on_many_threads_at_once()
    {
        var json = JsonSamples.RichJson;
        var results = new ConcurrentBag<string>();

        Parallel.For(0, 200, i =>
        {
            var registry = new ForceRegistry(Registry.All);
            var catalogue = new OutcomeCatalogue(Catalogue.All);
            var options = new CrimeOutcomesJsonOptions { Registry = registry, Catalogue = catalogue, MaxDepth = 10 + (i % 20), WriteIndented = i % 2 == 0 };
            var read = CrimeOutcomesJson.DeserializeDataset(json, options);
            results.Add(CrimeOutcomesJson.Serialize(read));
        });

        results.Distinct().Should().ContainSingle().Which.Should().Be(json);
    }

    /// <summary>One unit of work mixing every shared object; its result as text.</summary>
    private static string Work(int i)
    {
        var text = new StringBuilder();
        var name = Names[i % Names.Length];
        var match = Registry.Match(name);
        text.Append(match.Kind).Append(match.Force?.Name).Append(string.Join('|', match.Suggestions)).Append(';');
        text.Append(Catalogue.TryParse(OutcomeTexts[i % OutcomeTexts.Length], out var outcome) ? outcome.Code : "-").Append(';');
        var area = (i % 4) switch
        {
            0 => (Area)Registry.EnglandAndWales,
            1 => Registry.England,
            2 => Registry.RegionOf((Region)(1 + (i % 10))),
            _ => Registry.EnglandAndWales.Excluding(Registry.All[i % 43].IsTerritorial ? Registry.All[i % 43] : Registry.Get("Kent")),
        };
        var aggregate = Aggregator.Aggregate(Data, area, FinancialYear.StartingIn(2020), CrimeScope.AllCrime, CountBasis.Recorded);
        text.Append(aggregate.RecordedCrimes).Append(string.Join(',', aggregate.OutcomeCounts.OrderBy(c => c.Key).Select(c => $"{c.Key.Code}={c.Value}"))).Append(';');
        var ratio = Calculator.Calculate(Data, RatioDefinition.Withdrawal, area, FinancialYear.StartingIn(2020), CrimeScope.AllCrime);
        text.Append(ratio.Format(3)).Append(ratio.Coverage).Append(';');
        text.Append(string.Join('|', Calculator.ByForce(Data, RatioDefinition.ChargeOrSummons, area, FinancialYear.StartingIn(2020), CrimeScope.AllCrime).Select(r => r.FormatPercent(2)))).Append(';');
        text.Append(CrimeOutcomesJson.Serialize(CrimeOutcomesJson.DeserializeRatio(CrimeOutcomesJson.Serialize(ratio))));
        return text.ToString();
    }

    private static OutcomeDataset BuildNational()
    {
        var builder = new OutcomeDatasetBuilder();
        var year = FinancialYear.StartingIn(2020);
        foreach (var (force, n) in Registry.EnglandAndWales.Forces.Select((f, n) => (f, n)))
        {
            // Distinct, hand-derivable counts per force: 10,000 + 37n recorded, 1,000 + 11n charged, 500 + 7n withdrawn.
            builder.AddRecordedCrimes(force, year, CrimeScope.AllCrime, 10_000 + (37 * n))
                .AddOutcomeCount(force, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 1_000 + (11 * n))
                .AddOutcomeCount(force, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 500 + (7 * n));
        }

        return builder.Build();
    }
}
