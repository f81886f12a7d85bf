using CrimeOutcomes.Json;
using CrimeOutcomes.Tests.Json;
using CsCheck;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>JSON round trips of generated datasets and of the results calculated from them.</summary>
public class JsonProperties
{
    [Fact]
    public void Generated_datasets_round_trip_and_write_back_the_same_text()
    {
        Generators.Dataset.Sample(
            dataset =>
            {
                var json = CrimeOutcomesJson.Serialize(dataset);
                var read = CrimeOutcomesJson.DeserializeDataset(json);

                JsonAssert.SameFigures(read, dataset);
                CrimeOutcomesJson.Serialize(read).Should().Be(json);
            },
            iter: 100);
    }

    [Fact]
    public void Aggregates_and_ratios_of_generated_figures_round_trip()
    {
        var england = ForceRegistry.Default.England;
        Generators.ForceFigures.Where(d => d.Keys.Any(k => england.Contains((PoliceForce)k.Area) && d.RecordedCrimesFor(k) is not null && d.HasOutcomeCounts(k, Generators.Fixed.Basis))).Sample(
            data =>
            {
                var aggregate = new AreaAggregator().Aggregate(data, england, Generators.Fixed.Period, Generators.Fixed.Scope, Generators.Fixed.Basis);
                var ratio = new OutcomeRatioCalculator().Calculate(data, RatioDefinition.ChargeOrSummons, england, Generators.Fixed.Period, Generators.Fixed.Scope);

                var readAggregate = CrimeOutcomesJson.DeserializeAreaAggregate(CrimeOutcomesJson.Serialize(aggregate));
                var readRatio = CrimeOutcomesJson.DeserializeRatio(CrimeOutcomesJson.Serialize(ratio));

                readAggregate.RecordedCrimes.Should().Be(aggregate.RecordedCrimes);
                readAggregate.OutcomeCounts.Should().BeEquivalentTo(aggregate.OutcomeCounts);
                JsonAssert.SameCoverage(readAggregate.OutcomeCountsCoverage, aggregate.OutcomeCountsCoverage);
                JsonAssert.SameRatio(readRatio, ratio);
            },
            iter: 40);
    }
}
