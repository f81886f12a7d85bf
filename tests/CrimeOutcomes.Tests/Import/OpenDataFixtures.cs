using System.Globalization;
using System.IO.Compression;
using System.Security;
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
    public static async Task WriteXlsxAsync(string path, IReadOnlyList<string> headers, IEnumerable<string[]> rows, string dataSheet = "Data")
    {
        await using var stream = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream);
        await spreadsheet.StartWorksheetAsync("Cover sheet");
        await spreadsheet.AddRowAsync([new DataCell("Police recorded crime and outcomes open data tables")]);
        await spreadsheet.AddRowAsync([new DataCell("This workbook is a test fixture in the published layout.")]);
        await spreadsheet.StartWorksheetAsync("Notes");
        await spreadsheet.AddRowAsync([new DataCell("Note 6"), new DataCell("The Metropolitan Police figures are provisional.")]);
        await spreadsheet.StartWorksheetAsync(dataSheet);
        await spreadsheet.AddRowAsync(headers.Select(h => new DataCell(h)).ToArray());
        foreach (var row in rows)
        {
            await spreadsheet.AddRowAsync(row.Select(Cell).ToArray());
        }

        await spreadsheet.FinishAsync();
    }

    /// <summary>Numbers go in as numbers (as the published workbooks store counts and outcome types), text as text.</summary>
    private static DataCell Cell(string text)
        => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && !text.StartsWith('0') || text == "0"
            ? new DataCell((double)number)
            : new DataCell(text);

    /// <summary>
    /// An ods workbook: a notes sheet, then one data sheet per entry of <paramref name="sheets"/>. Runs of equal
    /// cells and rows are written with number-columns-repeated and number-rows-repeated, and each sheet ends with a
    /// huge repeated empty row and repeated empty cells, as LibreOffice writes them.
    /// </summary>
    public static void WriteOds(string path, IReadOnlyList<(string Name, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)> sheets)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
        using (var writer = new StreamWriter(mimetype.Open(), new UTF8Encoding(false)))
        {
            writer.Write("application/vnd.oasis.opendocument.spreadsheet");
        }

        var content = zip.CreateEntry("content.xml", CompressionLevel.Fastest);
        using (var writer = new StreamWriter(content.Open(), new UTF8Encoding(false)))
        {
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>""");
            writer.Write("""<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>Notes</text:p></table:table-cell></table:table-row></table:table>""");
            foreach (var (name, headers, rows) in sheets)
            {
                writer.Write($"""<table:table table:name="{SecurityElement.Escape(name)}">""");
                writer.Write("""<table:table-row><table:table-cell office:value-type="string"><text:p>Title row above the header</text:p></table:table-cell></table:table-row>""");
                WriteOdsRows(writer, [[.. headers], .. rows]);
                writer.Write("""<table:table-row table:number-rows-repeated="1048500"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>""");
            }

            writer.Write("</office:spreadsheet></office:body></office:document-content>");
        }
    }

    private static void WriteOdsRows(StreamWriter writer, IReadOnlyList<string[]> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var repeat = 1;
            while (r + repeat < rows.Count && rows[r + repeat].SequenceEqual(rows[r]))
            {
                repeat++;
            }

            writer.Write(repeat > 1 ? $"""<table:table-row table:number-rows-repeated="{repeat}">""" : "<table:table-row>");
            var cells = rows[r];
            for (var c = 0; c < cells.Length; c++)
            {
                var run = 1;
                while (c + run < cells.Length && cells[c + run] == cells[c])
                {
                    run++;
                }

                var repeated = run > 1 ? $""" table:number-columns-repeated="{run}" """ : " ";
                var text = cells[c];
                if (text.Length == 0)
                {
                    writer.Write($"<table:table-cell{repeated.TrimEnd()}/>");
                }
                else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && !text.StartsWith('0') || text == "0")
                {
                    writer.Write($"""<table:table-cell{repeated}office:value-type="float" office:value="{number}"><text:p>{number:N0}</text:p></table:table-cell>""");
                }
                else
                {
                    // Runs of spaces are written as text:s, as LibreOffice does.
                    var escaped = SecurityElement.Escape(text).Replace("  ", """ <text:s text:c="1"/>""", StringComparison.Ordinal);
                    escaped = escaped.EndsWith(' ') ? escaped[..^1] + """<text:s/>""" : escaped;
                    writer.Write($"""<table:table-cell{repeated}office:value-type="string"><text:p>{escaped}</text:p></table:table-cell>""");
                }

                c += run - 1;
            }

            writer.Write("""<table:table-cell table:number-columns-repeated="1012"/></table:table-row>""");
            r += repeat - 1;
        }
    }

    /// <summary>A recorded-crime (PRC) table row: year, quarter, force, offence description, group, subgroup, code, number of offences.</summary>
    public static readonly string[] RecordedCrimeHeaders =
        ["Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group", "Offence Subgroup", "Offence Code", "Number of Offences"];
}
