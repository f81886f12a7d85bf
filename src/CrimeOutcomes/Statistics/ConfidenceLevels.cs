using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>Validation and wording of confidence levels, shared by every statistic.</summary>
internal static class ConfidenceLevels
{
    public static void Validate(double level, string parameterName)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(
                parameterName, level, $"A confidence level must be strictly between 0 and 1 (0.95 for 95 %); {level.ToString(CultureInfo.InvariantCulture)} is not.");
        }
    }

    /// <summary>"95 %", "99.8 %", "90 %".</summary>
    public static string Format(double level)
        => (level * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %";
}
