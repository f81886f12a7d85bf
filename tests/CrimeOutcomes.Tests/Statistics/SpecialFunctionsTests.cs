using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Statistics;

// Reference values: computed independently at 30-40 significant digits with Python's mpmath 1.3.0
// (quantile = sqrt(2)·erfinv(2p − 1), tail = erfc(z/√2)/2, loggamma, betainc(regularized=True); for large integer
// parameters I_x(a, b) = P(X ≥ a) with X ~ Bin(a + b − 1, x), summed exactly term by term).
// Textbook values: z(0.975) = 1.959964, z(0.995) = 2.575829 (any normal table).
public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.975, 1.9599639845400542355)]
    [InlineData(0.995, 2.575829303548900761)]
    [InlineData(0.999, 3.0902323061678135415)]
    [InlineData(0.95, 1.6448536269514727149)]
    [InlineData(0.9, 1.281551565544600467)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.6, 0.2533471031357997988)]
    [InlineData(0.3, -0.52440051270804078404)]
    [InlineData(0.0001, -3.7190164854556805644)]
    [InlineData(0.02425, -1.9729610513118848503)]
    [InlineData(1e-10, -6.3613409024040562047)]
    public void Normal_quantile_matches_reference(double p, double expected)
        => NormalDistribution.Quantile(p).Should().BeApproximately(expected, 1e-14 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Normal_quantile_rejects_probabilities_outside_the_open_unit_interval(double p)
        => FluentActions.Invoking(() => NormalDistribution.Quantile(p)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(1.96, 0.024997895148220434137)]
    [InlineData(3.0, 0.0013498980316300945267)]
    [InlineData(8.0, 6.2209605742717841235e-16)]
    [InlineData(20.0, 2.7536241186062336951e-89)]
    [InlineData(-1.0, 0.84134474606854294859)]
    [InlineData(0.5, 0.30853753872598689636)]
    public void Normal_upper_tail_matches_reference_with_relative_precision(double z, double expected)
        => NormalDistribution.UpperTail(z).Should().BeApproximately(expected, 1e-13 * expected);

    [Fact]
    public void Quantile_and_tail_are_inverse()
    {
        foreach (var p in new[] { 1e-12, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975 })
        {
            NormalDistribution.UpperTail(-NormalDistribution.Quantile(p)).Should().BeApproximately(p, 1e-13 * Math.Max(p, 1e-3));
        }
    }

    [Theory]
    [InlineData(0.5, 0.5723649429247000870717)] // ln √π
    [InlineData(1.0, 0.0)]
    [InlineData(3.7, 1.428072326665387921872)]
    [InlineData(10.0, 12.80182748008146961121)] // ln 9! = ln 362880
    [InlineData(12.5, 18.73434751193644570163)]
    [InlineData(1_000_000.0, 12815504.56914761165998)]
    [InlineData(0.001, 6.907178885383853682512)]
    public void Log_gamma_matches_reference(double x, double expected)
        => SpecialFunctions.LogGamma(x).Should().BeApproximately(expected, 1e-14 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    [InlineData(2.0, 3.0, 0.4, 0.5248)] // exact: P(X ≥ 2), X ~ Bin(4, 0.4) = 1 − 0.6⁴ − 4·0.4·0.6³ = 0.5248
    [InlineData(0.5, 0.5, 0.2, 0.29516723530086654835)] // (2/π) asin(√0.2)
    [InlineData(10.0, 20.0, 0.3, 0.36400408107194427765)]
    [InlineData(164_510.0, 273_840.0, 0.375, 0.34406272015342997424)] // the seed story's national figures, 2016
    [InlineData(164_510.0, 273_840.0, 0.3755, 0.61114592094188189486)]
    [InlineData(5_523.0, 5_307.0, 0.5, 0.018959515631439449771)] // West Mercia 2016
    [InlineData(1.0, 29.0, 0.01, 0.2528279056684036134)] // exact: 1 − 0.99²⁹
    [InlineData(100.0, 1.0, 0.99, 0.36603234127322950493)] // exact: 0.99¹⁰⁰
    public void Regularized_incomplete_beta_matches_reference(double a, double b, double x, double expected)
        => SpecialFunctions.RegularizedBeta(x, a, b).Should().BeApproximately(expected, 1e-13 * expected);

    [Theory]
    [InlineData(2.0, 3.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(1.0, 29.0)]
    [InlineData(164_510.0, 273_840.0)]
    [InlineData(30.0, 0.7)]
    public void Inverse_incomplete_beta_round_trips(double a, double b)
    {
        foreach (var p in new[] { 1e-9, 0.001, 0.025, 0.5, 0.975, 0.999 })
        {
            var x = SpecialFunctions.InverseRegularizedBeta(p, a, b);
            SpecialFunctions.RegularizedBeta(x, a, b).Should().BeApproximately(p, 1e-9 * Math.Min(p, 1 - p) + 1e-15, $"a = {a}, b = {b}, p = {p}");
        }
    }

    [Fact]
    public void Inverse_incomplete_beta_matches_closed_forms()
    {
        // I_x(1, b) = 1 − (1 − x)^b, so x = 1 − (1 − p)^(1/b); I_x(a, 1) = x^a, so x = p^(1/a).
        SpecialFunctions.InverseRegularizedBeta(0.025, 1, 20).Should().BeApproximately(1 - Math.Pow(0.975, 1.0 / 20), 1e-15);
        SpecialFunctions.InverseRegularizedBeta(0.975, 20, 1).Should().BeApproximately(Math.Pow(0.975, 1.0 / 20), 1e-15);
        SpecialFunctions.InverseRegularizedBeta(0.3, 1, 1).Should().BeApproximately(0.3, 1e-15);
    }

    [Fact]
    public void Log1P_is_accurate_for_tiny_arguments()
    {
        SpecialFunctions.Log1P(1e-10).Should().BeApproximately(9.9999999995e-11, 1e-25);
        SpecialFunctions.Log1P(-0.5).Should().BeApproximately(Math.Log(0.5), 1e-16);
    }
}
