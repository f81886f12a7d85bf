using System.Globalization;
using System.Text;
using CsCheck;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// Parsing what was formatted gives back the same value. The domains are finite (301 calendar years, 300
/// financial years, 1,200 quarters, 26 outcome codes, 44 forces and their names), so every value and every
/// written variant is checked exhaustively; CsCheck adds what is unbounded: random case and surrounding spaces.
/// </summary>
public class ParseFormatProperties
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;

    public static IEnumerable<CalendarYear> CalendarYears
        => Enumerable.Range(CalendarYear.MinYear, CalendarYear.MaxYear - CalendarYear.MinYear + 1).Select(CalendarYear.Of);

    public static IEnumerable<FinancialYear> FinancialYears
        => Enumerable.Range(CalendarYear.MinYear, CalendarYear.MaxYear - CalendarYear.MinYear).Select(FinancialYear.StartingIn);

    public static IEnumerable<ReportingPeriod> Periods
        => CalendarYears.Select(y => (ReportingPeriod)y)
            .Concat(FinancialYears.Select(y => (ReportingPeriod)y))
            .Concat(FinancialYears.SelectMany(y => y.Quarters).Select(q => (ReportingPeriod)q));

    /// <summary>Every written form of a financial year that the library writes or documents as accepted.</summary>
    public static IEnumerable<string> Forms(FinancialYear year) =>
    [
        year.ToString(),
        year.ToString("L", CultureInfo.InvariantCulture),
        $"{year.StartYear}-{year.EndYear % 100:D2}",
        $"{year.StartYear}/{year.EndYear}",
        $"FY{year}",
        $"FY {year.StartYear}-{year.EndYear % 100:D2}",
        $"YE March {year.EndYear}",
        $"YE Mar {year.EndYear}",
    ];

    /// <summary>Every written form of an outcome type's code, and its meaning.</summary>
    public static IEnumerable<string> Forms(OutcomeType outcome) =>
        [outcome.Code, $"Outcome {outcome.Code}", $"OC{outcome.Code}", $"Outcome type {outcome.Code}", $"{outcome.Code}.0", outcome.Meaning];

    /// <summary>Every name of every force, bare and with the suffixes and marks found in published tables.</summary>
    public static IEnumerable<(PoliceForce Force, string Text)> Names()
    {
        foreach (var force in Registry.All)
        {
            foreach (var name in new[] { force.Name, force.HomeOfficeName, force.DataPoliceUkId }.Concat(force.Aliases))
            {
                yield return (force, name);
                yield return (force, $"{name}[Note 6]");
                yield return (force, name.Replace(" and ", " & ", StringComparison.Ordinal));
                var hasSuffix = new[] { "Police", "Constabulary", "Service" }.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
                if (!hasSuffix && !name.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
                {
                    yield return (force, $"{name} Police");
                    yield return (force, $"The {name} Constabulary");
                    yield return (force, $"{name} Police Service");
                }
            }
        }
    }

    [Fact]
    public void Every_period_parses_back_from_its_written_form_with_its_kind()
    {
        foreach (var year in CalendarYears)
        {
            CalendarYear.Parse(year.ToString()).Should().Be(year);
        }

        foreach (var year in FinancialYears)
        {
            foreach (var form in Forms(year))
            {
                FinancialYear.Parse(form).Should().Be(year, "'{0}' was written from it", form);
                ReportingPeriod.Parse(form).Should().Be((ReportingPeriod)year, "'{0}' is a financial year", form);
            }

            foreach (var quarter in year.Quarters)
            {
                FinancialQuarter.Parse(quarter.ToString()).Should().Be(quarter);
            }
        }

        foreach (var period in Periods)
        {
            var read = ReportingPeriod.Parse(period.ToString());
            read.Should().Be(period);
            read.Kind.Should().Be(period.Kind);
        }
    }

    [Fact]
    public void Every_outcome_code_parses_back_from_every_written_form()
    {
        var catalogue = OutcomeCatalogue.Default;
        foreach (var outcome in catalogue.All)
        {
            catalogue.Get(outcome.Code).Should().Be(outcome);
            catalogue.TryGetByCode(outcome.Code.AsSpan(), out var byCode).Should().BeTrue();
            byCode.Should().Be(outcome);
            foreach (var form in Forms(outcome))
            {
                catalogue.Parse(form).Should().Be(outcome, "'{0}' was written from it", form);
            }
        }
    }

    [Fact]
    public void Every_force_name_alias_Home_Office_name_and_area_code_finds_its_force()
    {
        foreach (var (force, text) in Names())
        {
            Registry.Get(text).Should().Be(force, "'{0}' names {1}", text, force.Name);
        }

        foreach (var force in Registry.All)
        {
            Registry.Get(force.Name).Name.Should().Be(force.Name);
            if (force.AreaCode is { } code)
            {
                Registry.Get(PoliceForceAreaCode.Parse(code.Value)).Should().Be(force);
                Registry.Get(PoliceForceAreaCode.Parse($" {code.Value.ToLowerInvariant()} ")).Should().Be(force);
            }
        }
    }

    [Fact]
    public void Written_forms_still_parse_in_any_case_and_with_surrounding_spaces()
    {
        var catalogue = OutcomeCatalogue.Default;
        var periods = Periods.ToArray();
        var names = Names().ToArray();
        var outcomes = catalogue.All.SelectMany(o => Forms(o).Take(5).Select(f => (Outcome: o, Text: f))).ToArray();
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Bool.Array[64], Gen.Int[0, 3], Gen.Int[0, 3]).Sample((pick, upper, before, after) =>
        {
            string Noisy(string text)
            {
                var noisy = new StringBuilder(new string(' ', before));
                for (var i = 0; i < text.Length; i++)
                {
                    noisy.Append(upper[i % upper.Length] ? char.ToUpperInvariant(text[i]) : char.ToLowerInvariant(text[i]));
                }

                return noisy.Append(' ', after).ToString();
            }

            var period = periods[pick % periods.Length];
            ReportingPeriod.Parse(Noisy(period.ToString())).Should().Be(period);
            var year = FinancialYear.StartingIn(CalendarYear.MinYear + (pick % 300));
            FinancialYear.Parse(Noisy(year.ToString("L", CultureInfo.InvariantCulture))).Should().Be(year);
            var (outcome, form) = outcomes[pick % outcomes.Length];
            catalogue.Parse(Noisy(form)).Should().Be(outcome);
            var (force, name) = names[pick % names.Length];
            Registry.Get(Noisy(name)).Should().Be(force);
        }, iter: 500);
    }
}
