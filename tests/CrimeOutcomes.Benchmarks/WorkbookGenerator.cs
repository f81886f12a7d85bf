using System.Globalization;

namespace CrimeOutcomes.Benchmarks;

/// <summary>
/// Writes twelve outcomes workbooks shaped like the republished releases 2014/15 to 2025/26 (see
/// shared/real/README.md): one xlsx file a financial year named like
/// <c>prc-outcomes-open-data-mar2015-tables-241024.xlsx</c>; sheets <c>Cover_sheet</c>, <c>Notes</c>, <c>Pivot</c>,
/// then the year's data sheet, whose name varies by year as in the real files; two title lines above the header;
/// the republished headers (offence code before the description, <c>Offence Code Expired</c>, the renamed count
/// headers, with a <c>Number of </c> prefix in some years). Each data sheet is the full grid of 44 forces (43 and
/// British Transport Police) × 4 quarters × the year's offence codes × its outcome types (0–18 and 20 in 2014/15;
/// 21 and 22 from 2015/16), mostly zeros, with the real markers: expired codes flagged <c>x</c> whose recorded-basis
/// cells read <c>N/A - offence code expired</c> (some years <c>N/A - Offence code expired</c>), the eight 2014/15
/// force-quarter gaps (<c>N/A - data not provided</c>), <c>--</c> for outcome 0 on the closed basis, and negative
/// counts (corrections) of outcome 0 and on the closed basis of outcomes 10 and 17. Offence codes that are whole
/// numbers (802), the quarter and the outcome type are stored as numbers, as in the published files. 130 offence
/// codes in 2014/15 and eight more each later year make 8.04 M rows in all (the published twelve have about 8.1 M).
/// Fixed seeds: the same files every time.
/// </summary>
internal static class WorkbookGenerator
{
    public sealed record Year(int Start, string FileName, string SheetName, bool NumberOfPrefix, string ExpiredMarker);

    /// <summary>The twelve releases: the file name ends in a release date (ddmmyy), the data sheet names follow the published ones.</summary>
    public static IReadOnlyList<Year> Years { get; } =
    [
        new(2014, "prc-outcomes-open-data-mar2015-tables-241024.xlsx", "Outcomes_open_data_2014-15", false, "N/A - offence code expired"),
        new(2015, "prc-outcomes-open-data-mar2016-tables-241024.xlsx", "Outcomes_open_data_2015-16", false, "N/A - offence code expired"),
        new(2016, "prc-outcomes-open-data-mar2017-tables-241024.xlsx", "Outcomes_open_data_2016-17", true, "N/A - offence code expired"),
        new(2017, "prc-outcomes-open-data-mar2018-tables-241024.xlsx", "Outcomes_open_data_2017-18", false, "N/A - offence code expired"),
        new(2018, "prc-outcomes-open-data-mar2019-tables-241024.xlsx", "Outcomes_open_data_2018-19", false, "N/A - Offence code expired"),
        new(2019, "prc-outcomes-open-data-mar2020-tables-241024.xlsx", "Outcomes_open_data_2019_20", true, "N/A - Offence code expired"),
        new(2020, "prc-outcomes-open-data-mar2021-tables-241024.xlsx", "Outcomes_open_data_2020_21", false, "N/A - Offence code expired"),
        new(2021, "prc-outcomes-open-data-mar2022-tables-241024.xlsx", "Outcomes open data 2021_22", false, "N/A - offence code expired"),
        new(2022, "prc-outcomes-open-data-mar2023-tables-241024.xlsx", "Outcomes_open_data_2022_23", true, "N/A - offence code expired"),
        new(2023, "prc-outcomes-open-data-mar2024-tables-240425.xlsx", "Outcomes_open_data_2023_24", false, "N/A - offence code expired"),
        new(2024, "prc-outcomes-open-data-mar2025-tables-240725.xlsx", "Outcomes open data 2024_25", true, "N/A - offence code expired"),
        new(2025, "prc-outcomes-open-data-mar2026-tables-230726.xlsx", "Outcomes open data 2025_26", false, "N/A - offence code expired"),
    ];

    public static readonly string[] Headers =
    [
        "Financial Year", "Financial Quarter", "Force Name", "Offence Code", "Offence Description", "Offence Group", "Offence Subgroup",
        "Offence Code Expired", "Outcome Description", "Outcome Group", "Outcome Type",
        "Outcomes for offences that were recorded in the quarter", "Outcomes for investigations closed in the quarter",
    ];

    /// <summary>The forces whose 2014/15 figures are "N/A - data not provided" for whole quarters, and which quarters.</summary>
    public static readonly (string Force, int[] Quarters)[] NotProvided2014 =
    [
        ("Bedfordshire", [1, 2]), ("British Transport Police", [1, 2, 3, 4]), ("Cumbria", [1]), ("Dyfed-Powys", [1, 2, 3]),
        ("Hertfordshire", [1]), ("Leicestershire", [1, 2]), ("Metropolitan Police", [1, 2, 3, 4]), ("South Yorkshire", [1]),
    ];

    private const int FirstYearCodes = 130;
    private const int CodesAddedEachYear = 8;

    private static readonly string[] Forces = [.. ForceRegistry.Default.All.Select(f => f.HomeOfficeName)];

    /// <summary>The offence codes of every year: the first <see cref="CodesIn"/> of them are listed in a given year.</summary>
    private static readonly Offence[] Offences = MakeOffences(FirstYearCodes + (CodesAddedEachYear * 11));

    public sealed record Offence(string Code, string Description, string Group, string Subgroup, bool Expired);

    public static int CodesIn(Year year) => FirstYearCodes + (CodesAddedEachYear * (year.Start - 2014));

    public static OutcomeType[] OutcomesIn(Year year)
        => [.. OutcomeCatalogue.Default.All.Where(o => !o.IsSubset && o.Number != 19 && (year.Start >= 2015 || o.Number < 21))];

    /// <summary>Rows of the data sheet of <paramref name="year"/>: 44 × 4 × codes × outcome types.</summary>
    public static long RowsIn(Year year) => Forces.Length * 4L * CodesIn(year) * OutcomesIn(year).Length;

    private static Offence[] MakeOffences(int count)
    {
        var groups = ImportComparison.LargeFileGenerator.Groups;
        var words = ImportComparison.LargeFileGenerator.Words;
        string[] dotted = ["1/4.1/4.10/4.2", "4.3", "4.4", "4.6", "4.7", "4.8", "4.9", "37.1", "37.2"];
        var subgroups = groups.SelectMany(g => g.Subgroups.Select(s => (g.Group, Subgroup: s))).ToArray();
        var random = new Random(7);
        var offences = new List<Offence>();
        for (var i = 0; offences.Count < count; i++)
        {
            var (group, subgroup) = subgroups[i % subgroups.Length];
            var description = string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => words[random.Next(words.Length)]));
            description = char.ToUpperInvariant(description[0]) + description[1..];
            var code = i < dotted.Length ? dotted[i]
                : i % 3 == 0 ? (200 + i).ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{i}{(char)('A' + (i % 20))}");

            // Every twentieth code is an expired fraud code whose outcomes are still published.
            var expired = i % 20 == 19;
            offences.Add(expired
                ? new Offence(code, description + " (outcomes only)", "Fraud offences to 2012/13", "Fraud offences to 2012/13", true)
                : new Offence(code, description, group, subgroup, false));
        }

        return [.. offences];
    }

    /// <summary>The data rows of one year in file order (year, quarter, force, code, outcome), each cell a string or a long.</summary>
    public static IEnumerable<object?[]> Rows(Year year)
    {
        var random = new Random(year.Start);
        var label = FinancialYear.StartingIn(year.Start).ToString();
        var outcomes = OutcomesIn(year);
        var codes = CodesIn(year);
        var row = new object?[Headers.Length];
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            foreach (var force in Forces)
            {
                var notProvided = year.Start == 2014 && NotProvided2014.Any(n => n.Force == force && n.Quarters.Contains(quarter));
                for (var c = 0; c < codes; c++)
                {
                    var offence = Offences[c];
                    foreach (var outcome in outcomes)
                    {
                        row[0] = label;
                        row[1] = (long)quarter;
                        row[2] = force;
                        row[3] = long.TryParse(offence.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : offence.Code;
                        row[4] = offence.Description;
                        row[5] = offence.Group;
                        row[6] = offence.Subgroup;
                        row[7] = offence.Expired ? "x" : null;
                        row[8] = outcome.Meaning;
                        row[9] = outcome.Group.Name;
                        row[10] = long.Parse(outcome.Code, CultureInfo.InvariantCulture);
                        if (notProvided)
                        {
                            row[11] = row[12] = "N/A - data not provided";
                        }
                        else
                        {
                            row[11] = offence.Expired ? year.ExpiredMarker : Count(random, outcome.Number == 0, negativeShare: outcome.Number == 0 ? 40 : 0);
                            row[12] = outcome.Number == 0 ? "--" : Count(random, false, negativeShare: outcome.Number is 10 or 17 ? 200 : 0);
                        }

                        yield return row;
                    }
                }
            }
        }
    }

    /// <summary>Mostly zeros (as the published grid), else a small count; one in <paramref name="negativeShare"/> is a negative correction.</summary>
    private static long Count(Random random, bool large, int negativeShare)
    {
        if (negativeShare > 0 && random.Next(negativeShare) == 0)
        {
            return -random.Next(1, 60);
        }

        return random.Next(100) < (large ? 40 : 80) ? 0 : random.Next(1, large ? 400 : 40);
    }

    /// <summary>Writes the twelve workbooks into <paramref name="directory"/>, two at a time; returns their paths in year order.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, int parallelism)
    {
        Directory.CreateDirectory(directory);
        var paths = Years.Select(y => Path.Combine(directory, y.FileName)).ToArray();
        Parallel.For(0, Years.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => Write(paths[i], Years[i]));
        return paths;
    }

    /// <summary>The year's workbook as ods (the same sheets and rows), streamed by the tests' ods fixture writer.</summary>
    public static void WriteOds(string path, Year year)
    {
        static string[] Text(object?[] row) => [.. row.Select(c => c switch { null => string.Empty, long n => n.ToString(CultureInfo.InvariantCulture), _ => (string)c })];
        CrimeOutcomes.Tests.Import.OdsFixtureWriter.Write(path, Sheets(year).Select(s => new CrimeOutcomes.Tests.Import.FixtureSheet(s.Name, s.Rows.Select(Text))));
    }

    public static void Write(string path, Year year) => XlsxWriter.Write(path, Sheets(year));

    private static IReadOnlyList<(string Name, IEnumerable<object?[]> Rows)> Sheets(Year year)
    {
        var title = year.SheetName.Replace('_', ' ');
        var headers = year.NumberOfPrefix ? Headers.Select(h => h.StartsWith("Outcomes for ", StringComparison.Ordinal) ? "Number of outcomes for " + h["Outcomes for ".Length..] : h).ToArray() : Headers;
        object?[][] cover =
        [
            ["Police recorded crime and outcomes open data tables"],
            [$"Outcomes open data, year ending March {year.Start + 1} (generated for benchmarks in the republished layout)"],
            ["Released under the Open Government Licence v3.0"],
        ];
        object?[][] notes =
        [
            ["Notes"],
            ["Note 1", "Outcomes for offences that were recorded in the quarter count the outcomes of the crimes recorded in the quarter."],
            ["Note 2", "Outcomes for investigations closed in the quarter count the outcomes assigned in the quarter, whenever the crime was recorded."],
            ["Note 3", "Expired offence codes are flagged x; their counts may read N/A - offence code expired."],
        ];
        var label = FinancialYear.StartingIn(year.Start).ToString();
        object?[][] pivot =
        [
            ["Financial Year", label],
            [],
            ["Sum of Outcomes for offences that were recorded in the quarter", "Column Labels"],
            ["Row Labels", 1L, 16L, "Grand Total"],
            ["Kent", 120L, 300L, 420L],
            ["West Mercia", 80L, 200L, 280L],
            ["Grand Total", 200L, 500L, 700L],
        ];
        IEnumerable<object?[]> data = new object?[][]
        {
            [$"Police recorded crime and outcomes open data: {title}"],
            ["Source: Home Office. Counts of outcomes by force, offence and outcome type; see the Notes sheet."],
            headers,
        }.Concat(Rows(year));
        return [("Cover_sheet", cover), ("Notes", notes), ("Pivot", pivot), (year.SheetName, data)];
    }
}
