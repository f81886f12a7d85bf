using System.Globalization;
using System.Text;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Newcomer.Tests;

/// <summary>
/// What a new user does in the first hour, written from the README, docs/ and the XML docs only: read an outcomes
/// open-data file, compute every force's, region's and nation's ratio on both bases, with and without British
/// Transport Police, and over a filtered scope, checking each answer against sums of the fixture's own rows.
/// </summary>
public sealed class NewcomerTests : IDisposable
{
    private const string Violence = "Violence against the person";
    private const string Theft = "Theft offences";
    private static readonly string[] Groups = [Violence, Theft];
    private static readonly string[] Outcomes = ["0", "1", "14", "15", "16", "18"];
    private static readonly IForceRegistry Registry = ForceRegistry.Default;
    private static readonly FinancialYear Year = FinancialYear.Parse("2020/21");

    private readonly string _directory = Directory.CreateTempSubdirectory("newcomer-").FullName;
    private readonly List<Row> _rows = [];
    private readonly string _path;
    private readonly OutcomeRatioCalculator _calculator = new();

    public NewcomerTests()
    {
        _path = Path.Combine(_directory, "outcomes-2020-21.csv");
        WriteFixture();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_force_on_both_bases()
    {
        var data = Read();
        foreach (var basis in new[] { CountBasis.Recorded, CountBasis.Closed })
        {
            foreach (var force in Registry.All)
            {
                var ratio = _calculator.Calculate(data, RatioDefinition.Withdrawal, force, Year, CrimeScope.AllCrime, basis);
                ratio.Numerator.Should().Be(Sum(basis, "16", force), $"{force.Name}, {basis.ToShortName()}");
                ratio.Denominator.Should().Be(RecordedCrimes(force));
                ratio.Basis.Should().Be(basis);
            }
        }
    }

    [Fact]
    public void Every_region_by_its_ONS_code_and_both_nations()
    {
        var data = Read();
        var areas = Registry.Regions.Select(r => r.Code!)
            .Concat(["E92000001", "W92000004", "K04000001"])
            .Select(Registry.GetArea)
            .ToArray();
        areas.Should().HaveCount(13);
        foreach (var area in areas)
        {
            var ratio = _calculator.Calculate(data, RatioDefinition.ChargeOrSummons, area, Year, CrimeScope.AllCrime, CountBasis.Recorded);
            ratio.Numerator.Should().Be(Sum(CountBasis.Recorded, "1", area.Forces.ToArray()), area.Name);
            ratio.Denominator.Should().Be(RecordedCrimes(area.Forces.ToArray()));
            ratio.Coverage.IsComplete.Should().BeTrue();
        }

        Registry.GetArea("E12000005").Name.Should().Be("West Midlands");
    }

    [Fact]
    public void England_and_Wales_with_and_without_BTP()
    {
        var data = Read();
        var btp = Registry.Get("British Transport Police");
        var without = _calculator.Calculate(data, RatioDefinition.WithdrawalIncludingNoSuspect, Registry.EnglandAndWales, Year, CrimeScope.AllCrime, CountBasis.Closed);
        var with = _calculator.Calculate(data, RatioDefinition.WithdrawalIncludingNoSuspect, Registry.EnglandAndWalesAndBritishTransportPolice, Year, CrimeScope.AllCrime, CountBasis.Closed);

        var territorial = Registry.All.Where(f => f.IsTerritorial).ToArray();
        without.Numerator.Should().Be(Sum(CountBasis.Closed, "14", territorial) + Sum(CountBasis.Closed, "16", territorial));
        without.Coverage.ForcesCovered.Should().Be(43);
        with.Numerator.Should().Be(without.Numerator + Sum(CountBasis.Closed, "14", btp) + Sum(CountBasis.Closed, "16", btp));
        with.Denominator.Should().Be(RecordedCrimes([.. Registry.All]));
        with.Coverage.ForcesCovered.Should().Be(44);
    }

    [Fact]
    public void Each_outcome_quoted_alone()
    {
        var data = Read();
        var westMercia = Registry.GetArea("E23000016");
        foreach (var (definition, code) in new[]
        {
            (RatioDefinition.ChargeOrSummons, "1"), (RatioDefinition.NoSuspectVictimDoesNotSupport, "14"),
            (RatioDefinition.EvidentialDifficulties, "15"), (RatioDefinition.Withdrawal, "16"), (RatioDefinition.NoSuspectIdentified, "18"),
        })
        {
            _calculator.Calculate(data, definition, westMercia, Year, CrimeScope.AllCrime, CountBasis.Recorded).Numerator
                .Should().Be(Sum(CountBasis.Recorded, code, (PoliceForce)westMercia));
        }
    }

    [Fact]
    public void Not_told_the_basis_the_calculator_asks_for_one()
    {
        var data = Read();
        var act = () => _calculator.Calculate(data, RatioDefinition.Withdrawal, Registry.Get("Kent"), Year, CrimeScope.AllCrime);
        act.Should().Throw<InvalidOperationException>().Where(e => e.Message.Contains("CountBasis.Recorded", StringComparison.Ordinal) && e.Message.Contains("CountBasis.Closed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_filtered_scope()
    {
        var data = Read(ImportOptions.Default with { OffenceGroups = [Violence] });
        var scope = data.Scopes.Should().ContainSingle().Subject;
        scope.OffenceGroup.Should().Be(Violence);

        var london = Registry.GetArea("E12000007");
        var ratio = _calculator.Calculate(data, RatioDefinition.Withdrawal, london, Year, scope, CountBasis.Recorded);
        ratio.Numerator.Should().Be(Sum(CountBasis.Recorded, "16", [.. london.Forces], Violence));
        ratio.Denominator.Should().Be(RecordedCrimes([.. london.Forces], Violence));

        // All crime is not in a filtered import: the error says what is, and the nearest.
        var act = () => _calculator.Calculate(data, RatioDefinition.Withdrawal, london, Year, CrimeScope.AllCrime, CountBasis.Recorded);
        act.Should().Throw<KeyNotFoundException>().Where(e => e.Message.Contains($"Nearest the request: {scope}", StringComparison.Ordinal));
    }

    private OutcomeDataset Read(ImportOptions? options = null)
        => new OutcomesOpenDataReader(options ?? ImportOptions.Default).Read(_path).Dataset;

    private long Sum(CountBasis basis, string outcome, params PoliceForce[] forces) => Sum(basis, outcome, forces, null);

    private long Sum(CountBasis basis, string outcome, PoliceForce[] forces, string? group)
        => _rows.Where(r => r.Outcome == outcome && forces.Contains(r.Force) && (group is null || r.Group == group))
            .Sum(r => basis == CountBasis.Recorded ? r.Recorded : r.Closed);

    /// <summary>Recorded crimes, as importing.md says: the recorded-basis outcomes of every type, "not yet assigned" included.</summary>
    private long RecordedCrimes(PoliceForce[] forces, string? group = null)
        => Outcomes.Sum(o => Sum(CountBasis.Recorded, o, forces, group));

    private long RecordedCrimes(PoliceForce force) => RecordedCrimes([force]);

    private void WriteFixture()
    {
        var text = new StringBuilder("Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Outcome Description,Outcome Group,Outcome Type,Force outcomes for offences recorded in quarter,Force outcomes recorded in quarter\n");
        var forces = Registry.All;
        for (var f = 0; f < forces.Count; f++)
        {
            foreach (var quarter in new[] { 1, 2 })
            {
                for (var g = 0; g < Groups.Length; g++)
                {
                    for (var o = 0; o < Outcomes.Length; o++)
                    {
                        var outcome = OutcomeType.Parse(Outcomes[o]);
                        var row = new Row(forces[f], Groups[g], Outcomes[o], ((f * 7) + (quarter * 3) + (g * 5) + (o * 11)) % 50 + 1, ((f * 5) + (quarter * 13) + (g * 3) + (o * 7)) % 40);
                        _rows.Add(row);
                        var (description, subgroup, code) = g == 0 ? ("Assault with injury", "Violence with injury", "8N") : ("Shoplifting", "Shoplifting", "46");
                        text.Append(CultureInfo.InvariantCulture, $"2020/21,Q{quarter},{Quote(forces[f].HomeOfficeName)},{description},{Groups[g]},{subgroup},{code},{Quote(outcome.Meaning)},{Quote(outcome.Group.Name)},{outcome.Code},{row.Recorded},{row.Closed}\n");
                    }
                }
            }
        }

        File.WriteAllText(_path, text.ToString());
    }

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private sealed record Row(PoliceForce Force, string Group, string Outcome, long Recorded, long Closed);
}
