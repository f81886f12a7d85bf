using System.Globalization;
using CrimeOutcomes;
using CrimeOutcomes.Statistics;

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
            output.WriteLine($"    outcome 16           {calculator.OutcomeYearOnYear(data, key, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport)}");
            output.WriteLine($"    outcome 15           {calculator.OutcomeYearOnYear(data, key, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports)}");
            output.WriteLine($"    withdrawal ratio     {calculator.YearOnYear(data, RatioDefinition.Withdrawal, key)}");
            output.WriteLine($"    evidential ratio     {calculator.YearOnYear(data, RatioDefinition.EvidentialDifficulties, key)}");
        }

        PrintClaims(output, data, calculator);
        return 0;
    }

    /// <summary>The story's two worded claims, checked against the arithmetic for both years, with each rule stated.</summary>
    private static void PrintClaims(TextWriter output, OutcomeDataset data, OutcomeRatioCalculator calculator)
    {
        output.WriteLine();
        output.WriteLine("Claims (tolerance rules: docs/statistics.md; 2016 is the story's year, 2015 shown for comparison):");
        var subjects = new Area[] { SeedStory.RespondingForces, SeedStory.WestMercia };
        for (var i = 0; i < SeedStory.Claims.Count; i++)
        {
            var claim = WordedClaim.Parse(SeedStory.Claims[i]);
            output.WriteLine();
            output.WriteLine($"  \"{SeedStory.Claims[i]}\"");
            output.WriteLine($"  read as {claim.Kind.ToString().ToLowerInvariant()} '{claim.Phrase}' about the withdrawal ratio (outcome 16 / recorded crimes) of {subjects[i].Name}");
            foreach (var year in SeedStory.Years.Reverse())
            {
                var ratio = calculator.Calculate(data, RatioDefinition.Withdrawal, new FigureKey(subjects[i], year, SeedStory.Scope));
                var verdict = ClaimCheck.Check(claim, ratio);
                output.WriteLine($"    {year}: {verdict.Explanation}");
                output.WriteLine($"          {ratio.ConfidenceInterval()}.");
                output.WriteLine($"          Rule: {verdict.Rule}.");
                if (verdict.Alternatives.Count > 0)
                {
                    output.WriteLine($"          Wording that fits: {string.Join("; ", verdict.Alternatives.Select(a => $"'{a}'"))}.");
                }
            }
        }
    }
}
