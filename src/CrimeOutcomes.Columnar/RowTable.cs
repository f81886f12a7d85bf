namespace CrimeOutcomes.Columnar;

/// <summary>The clean row-level table: a row per kept row of the published outcomes tables, as typed columns.</summary>
internal static class RowTable
{
    public static TableSchema Schema { get; } = new("outcome-rows", 1,
    [
        new("force_code", ColumnType.Text, true, "the force's ONS police force area code (E23000001); null for national forces such as British Transport Police"),
        new("force_name", ColumnType.Text, false, "the force's name"),
        new("financial_year", ColumnType.Text, false, "the financial year: 2017/18"),
        new("quarter", ColumnType.Int32, true, "the financial quarter, 1 (April to June) to 4; null when the table has no quarters"),
        new("offence_group", ColumnType.Text, true, "the offence group as published"),
        new("offence_subgroup", ColumnType.Text, true, "the offence subgroup as published"),
        new("offence_code", ColumnType.Text, true, "the offence code as published (8N, 1/4.1/4.10/4.2)"),
        new("outcome", ColumnType.Text, false, "the outcome type's code (1, 3a, 16)"),
        new("outcome_group", ColumnType.Text, false, "the outcome type's group"),
        new("recorded", ColumnType.Int64, true, "the recorded basis: outcomes for offences recorded in the quarter; null when the cell held a marker (never zero for an absent figure)"),
        new("recorded_absence", ColumnType.Text, true, "why recorded is null: not_reported, not_applicable, not_available, not_provided or suppressed"),
        new("closed", ColumnType.Int64, true, "the closed basis: outcomes of investigations closed in the quarter; null when the cell held a marker"),
        new("closed_absence", ColumnType.Text, true, "why closed is null"),
        new("expired", ColumnType.Boolean, false, "whether the offence code is marked as expired"),
        new("source_file", ColumnType.Text, false, "the file (or archive entry) the row was read from"),
        new("source_sheet", ColumnType.Text, true, "the workbook sheet; null for csv"),
        new("source_line", ColumnType.Int64, false, "the line of the csv file (the header is line 1) or the row of the sheet"),
    ],
    ["force_name", "financial_year", "quarter", "offence_code", "outcome"]);
}
