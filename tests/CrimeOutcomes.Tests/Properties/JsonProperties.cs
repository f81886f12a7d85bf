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

    /// <summary>
    /// The aggregate of England, its charge rate, and each English force's charge rate. A missing outcome is no longer
    /// a zero, so the England ratio needs a force with both recorded crimes and an outcome 1 count (the sample is
    /// chosen so); a force lacking either gives a ratio without counts, which must round trip as one, and the
    /// aggregate's missing outcomes must stay missing (<see cref="AreaAggregate.CountOf"/> null).
    /// </summary>
    [Fact]
    public void Aggregates_and_ratios_of_generated_figures_round_trip()
    {
        var england = ForceRegistry.Default.England;
        var (period, scope, basis) = (Generators.Fixed.Period, Generators.Fixed.Scope, Generators.Fixed.Basis);
        Generators.ForceFigures.Where(d => d.Keys.Any(k => england.Contains((PoliceForce)k.Area) && d.RecordedCrimesFor(k) is not null
                && d.OutcomeCountFor(k, basis, OutcomeType.ChargedOrSummonsed) is not null)).Sample(
            data =>
            {
                var calculator = new OutcomeRatioCalculator();
                var aggregate = new AreaAggregator().Aggregate(data, england, period, scope, basis);
                var ratio = calculator.Calculate(data, RatioDefinition.ChargeOrSummons, england, period, scope, basis);
                var byForce = calculator.ByForce(data, RatioDefinition.ChargeOrSummons, england, period, scope, basis);

                JsonAssert.SameAggregate(CrimeOutcomesJson.DeserializeAreaAggregate(CrimeOutcomesJson.Serialize(aggregate)), aggregate);
                JsonAssert.SameRatio(CrimeOutcomesJson.DeserializeRatio(CrimeOutcomesJson.Serialize(ratio)), ratio);
                foreach (var forceRatio in byForce)
                {
                    JsonAssert.SameRatio(CrimeOutcomesJson.DeserializeRatio(CrimeOutcomesJson.Serialize(forceRatio)), forceRatio);
                }
            },
            iter: 40);
    }
}
