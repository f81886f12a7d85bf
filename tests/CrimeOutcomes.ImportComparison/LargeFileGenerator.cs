using System.Globalization;
using System.Text;
using SpreadCheetah;

namespace CrimeOutcomes.ImportComparison;

/// <summary>
/// Writes realistic outcomes open-data files of any size, streaming: the real column names, 43 forces, British
/// Transport Police and the non-force rows, offence codes with their groups and subgroups (about 14 % of rows have a
/// description with a comma, so quoted), outcome types 0 to 22 with 1A, 2A and 3A, mostly small counts, about 220
/// bytes a row. Years run from 2014/15 upwards until the row count is reached. Fixed seed: the same file every time.
/// </summary>
internal static class LargeFileGenerator
{
    public static readonly string[] Headers =
    [
        "Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group", "Offence Subgroup",
        "Offence Code", "Outcome Description", "Outcome Group", "Outcome Type",
        "Force outcomes for offences recorded in quarter", "Force outcomes recorded in quarter",
    ];

    /// <summary>The offence groups and their subgroups (shared with the workbook generator of the benchmarks).</summary>
    internal static readonly (string Group, string[] Subgroups)[] Groups =
    [
        ("Violence against the person", ["Homicide", "Death or serious injury caused by unlawful driving", "Violence with injury", "Violence without injury", "Stalking and harassment"]),
        ("Sexual offences", ["Rape", "Other sexual offences"]),
        ("Robbery", ["Robbery of business property", "Robbery of personal property"]),
        ("Theft offences", ["Burglary", "Vehicle offences", "Theft from the person", "Bicycle theft", "Shoplifting", "All other theft offences"]),
        ("Criminal damage and arson", ["Arson", "Criminal damage"]),
        ("Drug offences", ["Trafficking of drugs", "Possession of drugs"]),
        ("Possession of weapons offences", ["Possession of weapons offences"]),
        ("Public order offences", ["Public order offences"]),
        ("Miscellaneous crimes against society", ["Miscellaneous crimes against society"]),
    ];

    internal static readonly string[] Words =
        ["assault", "occasioning", "actual", "bodily", "harm", "threat", "intent", "property", "dwelling", "vehicle", "person", "aggravated", "racially", "religiously", "public", "order", "possession", "article", "blade", "point", "attempted", "conspiracy"];

    public static IReadOnlyList<(string Description, string Group, string Subgroup, string Code)> Offences { get; } = MakeOffences();

    private static List<(string, string, string, string)> MakeOffences()
    {
        var random = new Random(7);
        var offences = new List<(string, string, string, string)>();
        var number = 1;
        foreach (var (group, subgroups) in Groups)
        {
            foreach (var subgroup in subgroups)
            {
                for (var i = 0; i < 5; i++, number++)
                {
                    var words = Enumerable.Range(0, random.Next(3, 7)).Select(_ => Words[random.Next(Words.Length)]).ToList();
                    var description = char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..];

                    // About one offence in seven has a comma in its description, so its rows are quoted.
                    if (random.Next(7) == 0)
                    {
                        description += ", " + Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)];
                    }

                    var letter = (char)('A' + random.Next(0, 20));
                    offences.Add((description, group, subgroup, string.Create(CultureInfo.InvariantCulture, $"{number}{letter}")));
                }
            }
        }

        return offences;
    }

    private static readonly string[] Forces =
    [
        .. ForceRegistry.Default.All.Select(f => f.HomeOfficeName),
        "Action Fraud", "CIFAS", "UK Finance",
    ];

    private static readonly OutcomeType[] Outcomes = [.. OutcomeCatalogue.Default.All.Where(o => o.Number != 19)];

    /// <summary>The rows in file order, as fields; enumerates lazily.</summary>
    public static IEnumerable<string[]> Rows(long count)
    {
        var random = new Random(2024);
        var fields = new string[12];
        long written = 0;
        for (var year = FinancialYear.StartingIn(2014); ; year = year.Next())
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                foreach (var force in Forces)
                {
                    foreach (var offence in Offences)
                    {
                        foreach (var outcome in Outcomes)
                        {
                            if (written++ == count)
                            {
                                yield break;
                            }

                            fields[0] = year.ToString();
                            fields[1] = "Q" + quarter.ToString(CultureInfo.InvariantCulture);
                            fields[2] = force;
                            fields[3] = offence.Description;
                            fields[4] = offence.Group;
                            fields[5] = offence.Subgroup;
                            fields[6] = offence.Code;
                            fields[7] = outcome.Meaning.Replace(",", string.Empty, StringComparison.Ordinal);
                            fields[8] = outcome.Group.Name.Replace(",", string.Empty, StringComparison.Ordinal);
                            fields[9] = outcome.Code;
                            var scale = random.Next(0, 4) == 0 ? 0 : random.Next(0, 60);
                            fields[10] = (outcome.IsAssignedOutcome ? scale : scale - 3).ToString(CultureInfo.InvariantCulture);
                            fields[11] = (outcome.IsAssignedOutcome ? random.Next(0, 60) : random.Next(-3, 40)).ToString(CultureInfo.InvariantCulture);
                            yield return fields;
                        }
                    }
                }
            }
        }
    }

    public static void WriteCsv(string path, long rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', Headers));
        foreach (var row in Rows(rows))
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                var field = row[i];
                if (field.Contains(',', StringComparison.Ordinal))
                {
                    writer.Write('"');
                    writer.Write(field);
                    writer.Write('"');
                }
                else
                {
                    writer.Write(field);
                }
            }

            writer.WriteLine();
        }
    }

    public static async Task WriteXlsxAsync(string path, long rows)
    {
        await using var stream = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream);
        await spreadsheet.StartWorksheetAsync("Cover");
        await spreadsheet.AddRowAsync([new DataCell("Police recorded crime and outcomes open data tables (generated)")]);
        await spreadsheet.StartWorksheetAsync("Data");
        await spreadsheet.AddRowAsync(Headers.Select(h => new DataCell(h)).ToArray());
        var cells = new DataCell[12];
        foreach (var row in Rows(rows))
        {
            for (var i = 0; i < 10; i++)
            {
                cells[i] = new DataCell(row[i]);
            }

            cells[10] = new DataCell(int.Parse(row[10], CultureInfo.InvariantCulture));
            cells[11] = new DataCell(int.Parse(row[11], CultureInfo.InvariantCulture));
            await spreadsheet.AddRowAsync(cells);
        }

        await spreadsheet.FinishAsync();
    }
}
