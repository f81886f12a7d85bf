using BenchmarkDotNet.Attributes;
using CrimeOutcomes;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Benchmarks;

/// <summary>
/// Funnel limits and classification for 44 forces × 10 years (10 funnel plots of 44 points), and the intervals of
/// the same 440 ratios. The data are synthetic but shaped like the outcomes data: denominators spread log-uniformly
/// from 1,000 to 100,000 recorded crimes, proportions scattered around 30 %.
/// </summary>
[MemoryDiagnoser]
public class FunnelBenchmarks
{
    private const int Years = 10;
    private Ratio[][] _units = [];
    private Ratio[] _targets = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20161231);
        var forces = ForceRegistry.Default.All;
        _units = new Ratio[Years][];
        _targets = new Ratio[Years];
        for (var year = 0; year < Years; year++)
        {
            var period = CalendarYear.Of(2010 + year);
            _units[year] = new Ratio[forces.Count];
            long numerator = 0;
            long denominator = 0;
            for (var f = 0; f < forces.Count; f++)
            {
                var n = (long)Math.Round(Math.Exp(Math.Log(1_000) + (random.NextDouble() * Math.Log(100))));
                var x = (long)Math.Round(n * Math.Clamp(0.3 + (0.05 * (random.NextDouble() - 0.5)), 0, 1));
                _units[year][f] = new Ratio(x, n, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(forces[f]))
                {
                    Key = new FigureKey(forces[f], period, CrimeScope.AllCrime),
                };
                numerator += x;
                denominator += n;
            }

            var all = ForceGroup.Of("All forces", forces);
            _targets[year] = new Ratio(numerator, denominator, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfPublished(all))
            {
                Key = new FigureKey(all, period, CrimeScope.AllCrime),
            };
        }
    }

    [Benchmark(Baseline = true, Description = "Funnel 44 × 10, exact binomial limits")]
    public int FunnelExact() => Funnels(FunnelLimitMethod.ExactBinomial);

    [Benchmark(Description = "Funnel 44 × 10, normal limits")]
    public int FunnelNormal() => Funnels(FunnelLimitMethod.NormalApproximation);

    [Benchmark(Description = "440 Wilson intervals")]
    public double Wilson() => Intervals(IntervalMethod.Wilson);

    [Benchmark(Description = "440 Clopper-Pearson intervals")]
    public double ClopperPearson() => Intervals(IntervalMethod.ClopperPearson);

    private int Funnels(FunnelLimitMethod method)
    {
        var outside = 0;
        for (var year = 0; year < Years; year++)
        {
            var plot = FunnelPlot.Create(_units[year], _targets[year], method);
            foreach (var point in plot.Points)
            {
                outside += point.Classification == FunnelClassification.Within ? 0 : 1;
            }
        }

        return outside;
    }

    private double Intervals(IntervalMethod method)
    {
        var sum = 0.0;
        foreach (var year in _units)
        {
            foreach (var ratio in year)
            {
                sum += ratio.ConfidenceInterval(0.95, method).Width;
            }
        }

        return sum;
    }
}
