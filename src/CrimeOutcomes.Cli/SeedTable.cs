using System.Globalization;
using CrimeOutcomes;

namespace CrimeOutcomes.Cli;

/// <summary>The main command's default job: the seed story's table, its ratios and year-on-year changes.</summary>
internal static class SeedTable
{
    public static int Print(TextWriter output)
    {
        var data = SeedStory.Dataset;
        var calculator = new OutcomeRatioCalculator();
        output.WriteLine("Domestic abuse-related crimes with a named suspect and no further action (FOI, printed 2017)");
        output.WriteLine("Years are calendar years as printed; count basis unstated by the source.");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"Area",-22} {"Year",-5} {"Recorded",10} {"Outcome 16",11} {"Outcome 15",11}  {"Withdrawal (16 / recorded)",-30} {"Evidential (15 / recorded)",-30} Coverage"));
        foreach (var area in new Area[] { SeedStory.WestMercia, SeedStory.RespondingForces })
        {
            foreach (var year in SeedStory.Years)
            {
                var key = new FigureKey(area, year, SeedStory.Scope);
                var withdrawal = calculator.Calculate(data, RatioDefinition.Withdrawal, key);
                var evidential = calculator.Calculate(data, RatioDefinition.EvidentialDifficulties, key);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{area.Name,-22} {year,-5} {data.RecordedCrimesFor(key),10:N0} {withdrawal.Numerator,11:N0} {evidential.Numerator,11:N0}  {withdrawal,-30} {evidential,-30} {withdrawal.Coverage}"));
            }
        }

        output.WriteLine();
        output.WriteLine("Year-on-year, 2015 to 2016:");
        foreach (var area in new Area[] { SeedStory.WestMercia, SeedStory.RespondingForces })
        {
            var key = new FigureKey(area, SeedStory.Years[1], SeedStory.Scope);
            output.WriteLine($"  {area.Name}:");
            output.WriteLine($"    recorded crimes      {calculator.RecordedCrimesYearOnYear(data, key)}");
            output.WriteLine($"    outcome 16           {calculator.OutcomeYearOnYear(data, key, OutcomeType.VictimWithdrawsSupportNamedSuspect)}");
            output.WriteLine($"    outcome 15           {calculator.OutcomeYearOnYear(data, key, OutcomeType.EvidentialDifficultiesVictimSupports)}");
            output.WriteLine($"    withdrawal ratio     {calculator.YearOnYear(data, RatioDefinition.Withdrawal, key)}");
            output.WriteLine($"    evidential ratio     {calculator.YearOnYear(data, RatioDefinition.EvidentialDifficulties, key)}");
        }

        return 0;
    }
}
