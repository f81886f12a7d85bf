using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>The row sink: every kept row, validated, with its markers' reasons and its line; nothing else.</summary>
public sealed class RowSinkTests : IDisposable
{
    /// <summary>The header of the 2017/18 csv release, with the expired-code column.</summary>
    internal const string Header = "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Offence code expired,Outcome Description,Outcome Group,Outcome Type,Force outcomes for offences recorded in quarter,Force outcomes recorded in quarter";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"rowsink-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    private sealed class Rows : IOpenDataRowSink
    {
        public List<OpenDataRow> Taken { get; } = [];

        public void Add(in OpenDataRow row) => Taken.Add(row);
    }

    [Fact]
    public void Kept_rows_reach_the_sink_with_absences_for_markers_and_their_lines()
    {
        File.WriteAllText(_path, string.Join('\n',
            Header,
            "2017/18,1,West Mercia,Murder,Homicide,Homicide,1,,Charged/Summonsed,Charged/Summonsed,1,5,--",
            "2017/18,2,British Transport Police,Murder,Homicide,Homicide,1,x,Charged/Summonsed,Charged/Summonsed,1,3,4",
            "2017/18,2,Action Fraud,Fraud,Fraud,Fraud,53A,,Charged/Summonsed,Charged/Summonsed,1,3,4",
            "2017/18,3,Nowhere Constabulary,Murder,Homicide,Homicide,1,,Charged/Summonsed,Charged/Summonsed,1,3,4") + "\n");
        var rows = new Rows();

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = rows, Strict = false }).Read(_path);

        result.Report.Files.Single().RowsKept.Should().Be(2);
        rows.Taken.Should().HaveCount(2, "rows set aside (non-force) and rejected (unknown force) are not handed over");
        var first = rows.Taken[0];
        first.Force.Name.Should().Be("West Mercia");
        first.Year.Should().Be(FinancialYear.Parse("2017/18"));
        first.Quarter.Should().Be(FinancialQuarter.Of(FinancialYear.Parse("2017/18"), 1));
        first.OffenceGroup.Should().Be("Homicide");
        first.OffenceSubgroup.Should().Be("Homicide", "the subgroup is handed over even when the figures are not kept by subgroup");
        first.OffenceCode.Should().Be(OffenceCode.Parse("1"));
        first.Outcome.Should().Be(OutcomeType.ChargedOrSummonsed);
        first.RecordedInPeriod.Should().Be(5);
        first.RecordedInPeriodAbsence.Should().BeNull();
        first.AssignedInPeriod.Should().BeNull("a marker is an absent figure, never zero");
        first.AssignedInPeriodAbsence.Should().Be(FigureAbsence.NotApplicable);
        first.IsExpiredCode.Should().BeFalse();
        first.Line.Should().Be(2);
        first.File.Should().Be(Path.GetFileName(_path));
        first.Sheet.Should().BeNull();
        rows.Taken[1].IsExpiredCode.Should().BeTrue();
        rows.Taken[1].Line.Should().Be(3);
    }
}
