using System.Globalization;
using System.Text;
using CrimeOutcomes;
using SpreadCheetah;

namespace CrimeOutcomes.Tests.Import;

/// <summary>One row of the outcomes open data, every field as the published file writes it.</summary>
public sealed record FixtureRow(
    string FinancialYear,
    string Quarter,
    string Force,
    string OffenceDescription,
    string OffenceGroup,
    string OffenceSubgroup,
    string OffenceCode,
    string OutcomeDescription,
    string OutcomeGroup,
    string OutcomeType,
    long Recorded,
    long Closed);

/// <summary>What a generated outcomes file looks like: its forces, years, quirks and header wording.</summary>
public sealed record FixtureSpec
{
    /// <summary>Force names exactly as written, quirks included.</summary>
    public IReadOnlyList<string> Forces { get; init; } = ["West Mercia", "Metropolitan Police[Note 6]", "Kent ", "Devon & Cornwall"];

    /// <summary>Financial years as written ("2020/21").</summary>
    public IReadOnlyList<string> Years { get; init; } = ["2020/21"];

    /// <summary>Quarters written "Q1" (true) or 1 (false).</summary>
    public bool QuarterWithQ { get; init; } = true;

    /// <summary>Non-force rows (Action Fraud) added for every year and quarter.</summary>
    public bool NonForceRows { get; init; } = true;

    /// <summary>The older header wording of the two count columns.</summary>
    public bool OldCountHeaders { get; init; }

    /// <summary>Offence groups written in title case, as some editions do.</summary>
    public bool TitleCaseGroups { get; init; }

    /// <summary>How many offences (from <see cref="OpenDataFixtures.Offences"/>, in order) to use.</summary>
    public int OffenceCount { get; init; } = 4;
}

/// <summary>
/// Writes small files in the exact published layouts of the Home Office outcomes open data (csv, xlsx, ods) and of
/// the recorded-crime tables, with the real quirks: note markers and trailing spaces in force names, en dashes in
/// outcome group texts, "Q1" or 1 for quarters, an expired offence code with zero counts, negative outcome 0
/// counts, both wordings of the count columns, descriptions with commas (quoted in csv). Random counts come from a
/// fixed seed so that every run writes the same file.
/// </summary>
public static class OpenDataFixtures
{
    public static readonly string[] NewHeaders =
    [
        "Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group", "Offence Subgroup",
        "Offence Code", "Outcome Description", "Outcome Group", "Outcome Type",
        "Force outcomes for offences recorded in quarter", "Force outcomes recorded in quarter",
    ];

    public static readonly string[] OldHeaders =
    [
        "Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group", "Offence Subgroup",
        "Offence Code", "Outcome Description", "Outcome Group", "Outcome Type",
        "Outcomes for offences that were recorded in the quarter", "Outcomes for investigations that were closed in the quarter",
    ];

    /// <summary>Offences as (group, subgroup, code, description, expired); the last one is an expired code whose counts are all zero.</summary>
    public static readonly IReadOnlyList<(string Group, string Subgroup, string Code, string Description, bool Expired)> Offences =
    [
        ("Violence against the person", "Violence with injury", "8N", "Assault with injury", false),
        ("Theft offences", "Shoplifting", "46", "Shoplifting", false),
        ("Criminal damage and arson", "Criminal damage", "58C", "Criminal damage to a vehicle, including interference", false),
        ("Violence against the person", "Stalking and harassment", "8Q", "Stalking", false),
        ("Public order offences", "Public order offences", "9A", "Public fear, alarm or distress", false),
        ("Sexual offences", "Rape", "19C", "Rape of a female aged 16 and over", false),
        // The codes of the real tables that are not digits and letters: compound (homicide) and dotted; 4.10 is not 4.1.
        ("Violence against the person", "Homicide", "1/4.1/4.10/4.2", "Murder, manslaughter, corporate manslaughter and infanticide", false),
        ("Violence against the person", "Death or serious injury caused by unlawful driving", "4.10", "Death or serious injury by dangerous driving", false),
        ("Miscellaneous crimes against society", "Miscellaneous crimes", "37.2", "Aggravated vehicle taking", false),
        ("Violence against the person", "Stalking and harassment", "8L", "Harassment (expired code)", true),
    ];

    /// <summary>Outcome types that appear in the open data (19, fraud, is published separately; 1A etc. in their own file).</summary>
    public static IReadOnlyList<OutcomeType> Outcomes { get; } =
        OutcomeCatalogue.Default.All.Where(o => o.Group.IsOpenDataText && !o.IsSubset).ToArray();

    /// <summary>The rows of one outcomes file: every force × year × quarter × offence × outcome type.</summary>
    public static IReadOnlyList<FixtureRow> Generate(int seed, FixtureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(seed);
        var offences = Offences.Take(spec.OffenceCount).Append(Offences[^1]).Distinct().ToArray();
        var rows = new List<FixtureRow>();
        var forces = spec.NonForceRows ? spec.Forces.Append("Action Fraud") : spec.Forces;
        foreach (var year in spec.Years)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                foreach (var force in forces)
                {
                    foreach (var offence in offences)
                    {
                        foreach (var outcome in Outcomes)
                        {
                            var share = Share(outcome);
                            long recorded = offence.Expired ? 0 : outcome.IsAssignedOutcome ? (long)Math.Round(share * random.Next(100, 400)) : random.Next(-5, 60);
                            long closed = offence.Expired ? 0 : outcome.IsAssignedOutcome ? (long)Math.Round(share * random.Next(100, 400)) : random.Next(-5, 60);
                            rows.Add(new FixtureRow(
                                year,
                                spec.QuarterWithQ ? $"Q{quarter}" : quarter.ToString(CultureInfo.InvariantCulture),
                                force,
                                offence.Description,
                                spec.TitleCaseGroups ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(offence.Group) : offence.Group,
                                offence.Subgroup,
                                offence.Code,
                                outcome.Meaning,
                                outcome.Group.Name,
                                outcome.Code,
                                recorded,
                                closed));
                        }
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Roughly the national shares of each outcome (per cent of recorded crime, year ending March 2021), so that generated ratios look like real ones.</summary>
    private static double Share(OutcomeType outcome) => outcome.Number switch
    {
        1 => 7.3,
        3 => 1,
        8 => 2,
        14 => 5,
        15 => 13,
        16 => 22,
        18 => 40,
        20 or 21 => 1,
        _ => 0.3,
    };

    public static string[] Headers(FixtureSpec spec) => spec.OldCountHeaders ? OldHeaders : NewHeaders;

    public static string[] Fields(FixtureRow row) =>
    [
        row.FinancialYear, row.Quarter, row.Force, row.OffenceDescription, row.OffenceGroup, row.OffenceSubgroup,
        row.OffenceCode, row.OutcomeDescription, row.OutcomeGroup, row.OutcomeType,
        row.Recorded.ToString(CultureInfo.InvariantCulture), row.Closed.ToString(CultureInfo.InvariantCulture),
    ];

    public static void WriteCsv(string path, IEnumerable<string> headers, IEnumerable<string[]> rows)
        => WriteCsv(path, headers, rows, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    /// <summary>
    /// The rows as text in <paramref name="encoding"/> (its byte order mark first, if it has one), fields separated by
    /// <paramref name="separator"/> and quoted when they hold it, a quote or a line break; lines end in CR LF, as Excel
    /// writes csv and "Unicode text" (UTF-16, tab-separated).
    /// </summary>
    public static void WriteCsv(string path, IEnumerable<string> headers, IEnumerable<string[]> rows, Encoding encoding, char separator = ',')
    {
        using var writer = new StreamWriter(path, false, encoding);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(separator, headers.Select(h => Quote(h, separator))));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(separator, row.Select(f => Quote(f, separator))));
        }
    }

    public static void WriteCsv(string path, FixtureSpec spec, IEnumerable<FixtureRow> rows)
        => WriteCsv(path, Headers(spec), rows.Select(Fields));

    private static string Quote(string field, char separator)
        => field.AsSpan().IndexOfAny(separator, '"', '\r') >= 0 || field.Contains('\n', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    /// <summary>An xlsx workbook like the published one: a cover sheet, a notes sheet, then the data sheet (numbers as numbers).</summary>
    public static Task WriteXlsxAsync(string path, IReadOnlyList<string> headers, IEnumerable<string[]> rows, string dataSheet = "Data")
        => WriteWorkbookXlsxAsync(path,
        [
            new("Cover sheet", [["Police recorded crime and outcomes open data tables"], ["This workbook is a test fixture in the published layout."]]),
            new("Notes", [["Note 6", "The Metropolitan Police figures are provisional."]]),
            new(dataSheet, rows.Prepend([.. headers])),
        ]);

    /// <summary>
    /// An xlsx workbook of <paramref name="sheets"/>, streamed with SpreadCheetah (each row enumerated once as it is
    /// written): whole numbers as numbers, other cells as text (see <see cref="IsWholeNumber"/>), empty cells empty.
    /// </summary>
    public static async Task WriteWorkbookXlsxAsync(string path, IEnumerable<FixtureSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        await using var stream = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream);
        foreach (var sheet in sheets)
        {
            await spreadsheet.StartWorksheetAsync(sheet.Name);
            foreach (var row in sheet.Rows)
            {
                await spreadsheet.AddRowAsync(row.Select(Cell).ToArray());
            }
        }

        await spreadsheet.FinishAsync();
    }

    /// <summary>Numbers go in as numbers (as the published workbooks store counts and outcome types), text as text.</summary>
    private static DataCell Cell(string? text)
        => string.IsNullOrEmpty(text) ? new DataCell((string?)null)
            : IsWholeNumber(text, out var number) ? new DataCell((double)number)
            : new DataCell(text);

    /// <summary>
    /// Whether a cell is written as a number: a whole number ("123", "-5", "0") without leading zeros. Codes such as
    /// "8N", "37.2", "4.10" or "1/4.1/4.10/4.2", and markers such as "--", stay text.
    /// </summary>
    public static bool IsWholeNumber(string text, out long number)
        => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) && (!text.StartsWith('0') || text == "0");

    /// <summary>
    /// An ods workbook: a notes sheet, then one data sheet per entry of <paramref name="sheets"/>, each with a title
    /// row above its header. Runs of equal cells and rows are written with number-columns-repeated and
    /// number-rows-repeated, and each sheet ends with a huge repeated empty row and repeated empty cells, as
    /// LibreOffice writes them.
    /// </summary>
    public static void WriteOds(string path, IReadOnlyList<(string Name, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var ods = new OdsFixtureWriter(path);
        ods.StartSheet("Notes");
        ods.AddRow(["Notes"]);
        foreach (var (name, headers, rows) in sheets)
        {
            ods.StartSheet(name);
            ods.AddRow(["Title row above the header"]);
            IReadOnlyList<string[]> all = [[.. headers], .. rows];
            for (var r = 0; r < all.Count; r++)
            {
                var repeat = 1;
                while (r + repeat < all.Count && all[r + repeat].SequenceEqual(all[r]))
                {
                    repeat++;
                }

                ods.AddRow(all[r], repeat, trailingEmptyCells: 1012);
                r += repeat - 1;
            }

            ods.AddEmptyRows(1_048_500, 1024);
        }
    }

    /// <summary>An ods workbook of <paramref name="sheets"/>, streamed (see <see cref="OdsFixtureWriter"/>).</summary>
    public static void WriteWorkbookOds(string path, IEnumerable<FixtureSheet> sheets) => OdsFixtureWriter.Write(path, sheets);

    /// <summary>
    /// The headers of the republished outcomes workbooks (2024–26): the offence code before the description, an
    /// "Offence Code Expired" column, and the renamed count columns (some years write them with a "Number of "
    /// prefix: <see cref="WithNumberOfPrefix"/>).
    /// </summary>
    public static readonly string[] RepublishedHeaders =
    [
        "Financial Year", "Financial Quarter", "Force Name", "Offence Code", "Offence Description", "Offence Group", "Offence Subgroup",
        "Offence Code Expired", "Outcome Description", "Outcome Group", "Outcome Type",
        "Outcomes for offences that were recorded in the quarter", "Outcomes for investigations closed in the quarter",
    ];

    /// <summary>The headers with the count columns written "Number of outcomes for …", as some republished years write them.</summary>
    public static string[] WithNumberOfPrefix(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return [.. headers.Select(h => h.StartsWith("Outcomes for ", StringComparison.Ordinal) ? "Number of outcomes for " + h["Outcomes for ".Length..] : h)];
    }

    /// <summary>A generated row in the order of <see cref="RepublishedHeaders"/>; an expired offence code is flagged "x".</summary>
    public static string[] RepublishedFields(FixtureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var expired = Offences.Any(o => o.Code == row.OffenceCode && o.Expired) ? "x" : string.Empty;
        return
        [
            row.FinancialYear, row.Quarter, row.Force, row.OffenceCode, row.OffenceDescription, row.OffenceGroup, row.OffenceSubgroup,
            expired, row.OutcomeDescription, row.OutcomeGroup, row.OutcomeType,
            row.Recorded.ToString(CultureInfo.InvariantCulture), row.Closed.ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>
    /// An xlsx workbook in the layout of the republished outcomes open data (2024–26): <c>Cover_sheet</c>,
    /// <c>Notes</c>, <c>Pivot</c> (see <see cref="PivotRows"/>), then the data sheet named
    /// <paramref name="dataSheetName"/> (<c>Outcomes_open_data_2017-18</c>, <c>Outcomes open data 2021_22</c> …)
    /// with two title lines above the header row. Cells that are whole numbers are written as numbers, others
    /// (codes such as "37.2", markers such as "--" or "N/A - offence code expired") as text. The rows are streamed:
    /// enumerated once, as they are written, so a whole year (450,912 rows for 2017/18) never sits in memory.
    /// </summary>
    public static Task WriteRepublishedXlsxAsync(string path, string dataSheetName, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
        => WriteWorkbookXlsxAsync(path, RepublishedSheets(dataSheetName, headers, rows));

    /// <summary>The ods equivalent of <see cref="WriteRepublishedXlsxAsync"/>, streamed the same way (see <see cref="OdsFixtureWriter"/>).</summary>
    public static void WriteRepublishedOds(string path, string dataSheetName, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
        => WriteWorkbookOds(path, RepublishedSheets(dataSheetName, headers, rows));

    /// <summary>The sheets of a republished workbook, the data rows enumerated lazily.</summary>
    public static IReadOnlyList<FixtureSheet> RepublishedSheets(string dataSheetName, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        IEnumerable<string[]> title =
        [
            [$"Police recorded crime and outcomes open data: {dataSheetName.Replace('_', ' ')}"],
            ["Source: Home Office. Counts of outcomes by force, offence and outcome type; see the Notes sheet."],
        ];
        return
        [
            new("Cover_sheet",
            [
                ["Police recorded crime and outcomes open data tables"],
                ["This workbook is a test fixture in the layout of the 2024–26 republished releases."],
                ["Released under the Open Government Licence v3.0"],
            ]),
            new("Notes",
            [
                ["Notes"],
                ["Note 1", "Outcomes for offences that were recorded in the quarter count the outcomes of the crimes recorded in the quarter."],
                ["Note 2", "Outcomes for investigations closed in the quarter count the outcomes assigned in the quarter, whenever the crime was recorded."],
                ["Note 3", "Expired offence codes are flagged x; their counts may read N/A - offence code expired."],
            ]),
            new("Pivot", PivotRows),
            new(dataSheetName, title.Concat(rows.Prepend([.. headers]))),
        ];
    }

    /// <summary>
    /// The Pivot sheet of a republished workbook: two pivot tables over the data, with fixed counts for Kent and West
    /// Mercia. The first in Excel's compact layout ("Sum of …", "Column Labels", "Row Labels", "Grand Total"); the
    /// second in tabular layout with its value fields renamed to the count columns' names (Excel refuses a caption
    /// equal to a field's name, so authors add a trailing space), whose header row, under the "Values" caption,
    /// has a force column, an outcome type and both count columns: read as data, it would add its sums to the
    /// figures a second time.
    /// </summary>
    public static IReadOnlyList<string[]> PivotRows { get; } =
    [
        ["Financial Year", "2017/18"],
        [],
        ["Sum of Outcomes for offences that were recorded in the quarter", "Column Labels"],
        ["Row Labels", "1", "16", "Grand Total"],
        ["Kent", "120", "300", "420"],
        ["West Mercia", "80", "200", "280"],
        ["Grand Total", "200", "500", "700"],
        [],
        ["", "", "", "Values"],
        ["Financial Year", "Force Name", "Outcome Type", "Outcomes for offences that were recorded in the quarter ", "Outcomes for investigations closed in the quarter "],
        ["2017/18", "Kent", "16", "300", "280"],
        ["2017/18", "West Mercia", "16", "200", "190"],
        ["Grand Total", "", "", "500", "470"],
    ];

    /// <summary>A recorded-crime (PRC) table row: year, quarter, force, offence description, group, subgroup, code, number of offences.</summary>
    public static readonly string[] RecordedCrimeHeaders =
        ["Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group", "Offence Subgroup", "Offence Code", "Number of Offences"];
}
