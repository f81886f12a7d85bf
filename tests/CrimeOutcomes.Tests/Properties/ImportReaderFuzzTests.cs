using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Import;
using Xunit.Abstractions;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// Mutational fuzzing of the file readers (csv outcomes and recorded-crime tables, xlsx, ods, FOI tables), seeded
/// with the real-layout fixtures. Workbooks are fuzzed twice: as zip bytes, and (more usefully) through their XML
/// parts, mutated and zipped again around the seed's other parts. Every input is read strictly and leniently; the
/// only exception allowed out is an <see cref="ImportFormatException"/> (an <see cref="ImportLimitException"/> is
/// one) that names the file, with its message starting at its location when it has one; a lenient read must
/// reconcile. A normal run tries a fixed, seeded set of inputs; CRIMEOUTCOMES_FUZZ_SECONDS=N makes each test a
/// timed run on every core (docs/reliability.md).
/// </summary>
[Collection("Fuzz")]
[Trait("Category", "Fuzz")]
public sealed class ImportReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TempDirectory Dir = CreateDirectory();

    /// <summary>One folder for the inputs of every test of the class (and every thread), removed when the test process ends.</summary>
    private static TempDirectory CreateDirectory()
    {
        var directory = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        return directory;
    }

    public void Dispose()
    {
        // The folder is shared by the tests of the class: it is removed when the process ends.
    }

    // ---- Oracles ----

    /// <summary>A documented reading error naming <paramref name="name"/>: at its location, or (whole file) quoting the name.</summary>
    internal static bool IsDocumented(Exception ex, string name)
        => ex is ImportFormatException error
           && error.File == name
           && (error.Location is { } location
               ? error.Message.StartsWith(location + ": ", StringComparison.Ordinal)
               : error.Message.Contains($"'{name}'", StringComparison.Ordinal));

    /// <summary>Reads strictly, then leniently; a lenient read that does not reconcile is a failure.</summary>
    private static void ReadBoth(Func<ImportOptions, ImportResult> read)
    {
        try
        {
            read(Options);
        }
        catch (ImportFormatException)
        {
            // Strict mode may refuse the first bad row; the lenient read below must still be allowed or succeed.
        }

        var lenient = read(Options with { Strict = false });
        if (!lenient.Report.Reconciles)
        {
            throw new InvalidOperationException("The lenient read does not reconcile:\n" + lenient.Report);
        }
    }

    /// <summary>Small ranges on two threads, so that mutated files also exercise the parallel csv reader's seams.</summary>
    private static readonly ImportOptions Options = ImportOptions.Default with { MaxDegreeOfParallelism = 2, CsvChunkBytes = 512 };

    /// <summary>The input, written as "fuzz" with the given extension in this thread's own folder; returns its path.</summary>
    private static string WriteInput(byte[] input, string extension)
    {
        var folder = Directory.CreateDirectory(Dir.File($"thread-{Environment.CurrentManagedThreadId}")).FullName;
        var path = Path.Combine(folder, "fuzz" + extension);
        File.WriteAllBytes(path, input);
        return path;
    }

    private static void ReadFile(byte[] input, string extension)
    {
        var path = WriteInput(input, extension);
        ReadBoth(options => new OutcomesOpenDataReader(options).Read(path));
    }

    private static void ReadFoi(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        try
        {
            new FoiTableReader().Read(new StringReader(text), "fuzz.csv");
        }
        catch (ImportFormatException)
        {
        }

        var lenient = new FoiTableReader(FoiTableOptions.Default with { Strict = false }).Read(new StringReader(text), "fuzz.csv");
        if (!lenient.Report.Reconciles)
        {
            throw new InvalidOperationException("The lenient read does not reconcile:\n" + lenient.Report);
        }
    }

    /// <summary>Runs the fuzzer, timing each input, and prints the counts and the slowest input (a hang shows there first).</summary>
    private FuzzReport Fuzz(string label, IReadOnlyList<byte[]> seeds, Action<byte[]> target, string name, IReadOnlyList<string> dictionary, long iterations, string seed, Func<byte[], int, byte[]>? structural = null, double structuralShare = 0)
    {
        var slowest = (Ticks: 0L, Input: Array.Empty<byte>());
        var reasons = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var causes = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var gate = new Lock();
        var report = MutationFuzzer.Run(
            seeds,
            input =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    target(input);
                }
                finally
                {
                    var ticks = Stopwatch.GetTimestamp() - started;
                    lock (gate)
                    {
                        if (ticks > slowest.Ticks)
                        {
                            slowest = (ticks, input);
                        }
                    }
                }
            },
            ex =>
            {
                var allowed = IsDocumented(ex, name);
                if (allowed)
                {
                    // The kind of rejection, and which exception of a parsing library it wraps, if any.
                    var inner = ex.InnerException is { } cause ? $"[{cause.GetType().Name}] " : string.Empty;
                    reasons.AddOrUpdate(inner + ReasonKind(((ImportFormatException)ex).Reason ?? ex.Message), 1, (_, n) => n + 1);
                    if (ex.InnerException is { } wrapped)
                    {
                        causes.AddOrUpdate($"{wrapped.GetType().Name} in {wrapped.TargetSite?.DeclaringType?.Name}.{wrapped.TargetSite?.Name}", 1, (_, n) => n + 1);
                    }
                }

                return allowed;
            },
            dictionary,
            iterations,
            seed,
            structural,
            structuralShare);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {report}; slowest input {Stopwatch.GetElapsedTime(0, slowest.Ticks).TotalMilliseconds:N0} ms, {slowest.Input.Length:N0} bytes"));
        if (Stopwatch.GetElapsedTime(0, slowest.Ticks) > TimeSpan.FromSeconds(1))
        {
            // Not a failure (the machine may be busy), but worth a look: a slow input can be a hang in the making.
            output.WriteLine("  slowest input: " + MutationFuzzer.Describe(slowest.Input));
        }

        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).Take(6))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,9:N0}  {reason}"));
        }

        if (!causes.IsEmpty)
        {
            output.WriteLine("  wrapped: " + string.Join("; ", causes.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}"))));
        }

        return report;
    }

    /// <summary>A rejection's reason with quoted values and numbers blanked, to count the kinds of rejection.</summary>
    private static string ReasonKind(string reason)
    {
        var kind = System.Text.RegularExpressions.Regex.Replace(reason, "'[^']*'|\\d[\\d,]*", "…");
        return kind.Length <= 90 ? kind : kind[..90];
    }

    // ---- Seeds ----

    private static readonly FixtureSpec SmallSpec = new() { Forces = ["West Mercia", "Kent "], OffenceCount = 1 };

    /// <summary>The first rows of a generated outcomes file: every quirk of the fixtures in a few hundred bytes each.</summary>
    private static string[][] SampleRows(int seed, FixtureSpec spec, int count)
        => [.. OpenDataFixtures.Generate(seed, spec).Where((_, i) => i % 7 == 0).Take(count).Select(OpenDataFixtures.Fields)];

    private static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var path = Dir.File($"seed-{Guid.NewGuid():N}.csv");
        OpenDataFixtures.WriteCsv(path, headers, rows);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private static string[][] RecordedCrimeRows() =>
    [
        ["2020/21", "Q1", "Kent", "Assault with injury", "Violence against the person", "Violence with injury", "8N", "1,200"],
        ["2020/21", "Q2", "Kent", "Assault with injury", "Violence against the person", "Violence with injury", "8N", "1300"],
        ["2020/21", "Q1", "West Mercia", "Shoplifting", "Theft offences", "Shoplifting", "46", "800"],
        ["2020/21", "Q1", "UK Finance", "Cheque fraud", "Fraud offences", "Fraud", "53A", "50"],
    ];

    internal static IReadOnlyList<byte[]> CsvSeeds { get; } =
    [
        Encoding.UTF8.GetBytes(CrimeOutcomes.Tests.Shared.RealData.SampleLines()),
        Csv(OpenDataFixtures.NewHeaders, SampleRows(31, SmallSpec, 12)),
        Csv(OpenDataFixtures.OldHeaders, SampleRows(32, SmallSpec with { QuarterWithQ = false, TitleCaseGroups = true }, 8)),
        Csv(OpenDataFixtures.RecordedCrimeHeaders, RecordedCrimeRows()),
        Encoding.UTF8.GetBytes(string.Join(',', OpenDataFixtures.NewHeaders) + "\n"
            + "2020/21,Q1,\"London, City of\",\"Assault \"\"with\"\" injury\",\"Violence against the person\",Violence with injury,8N,Charged,\"Charged/Summonsed\",\"1\",\"12\",3\n"
            + "2020/21,Q2,Kent,\"multi\nline\",Theft offences,Shoplifting,46,Charged,Charged/Summonsed,1,5,5\n\n"
            + "2020/21,Q3,Action Fraud,x,Fraud offences,Fraud,53A,Not yet assigned,Investigation not yet complete,0,-2,4\n"),
        Encoding.UTF8.GetBytes(string.Join(';', OpenDataFixtures.RecordedCrimeHeaders) + "\r\n2019/20;4;Gwent Police;Shoplifting;Theft offences;Shoplifting;46;12\r\n"),
    ];

    internal static readonly string[] CsvDictionary =
    [
        ",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "\r", " ", "\uFEFF", "PK\u0003\u0004", "\u00A0", "–",
        "Financial Year", "Financial Quarter", "Force Name", "Offence Group", "Offence Subgroup", "Offence Code", "Outcome Group", "Outcome Type",
        "Force outcomes for offences recorded in quarter", "Force outcomes recorded in quarter", "Number of Offences",
        "West Mercia", "Metropolitan Police[Note 6]", "Action Fraud", "Total", "England and Wales", "Mercia West",
        "2020/21", "2019/20", "1899/00", "Q1", "Q4", "Q5", "4", "0", "1", "16", "1A", "22", "99", "8N", "999ZZ",
        "Charged/Summonsed", "Evidential difficulties: suspect identified; victim supports action", "Investigation not yet complete",
        "-1", "-0", "12.0", "1,234", "5 523", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999", "1e5", "n/a",
        // The real tables' quirks: dotted and compound offence codes, markers of absent figures, the expired column.
        "1/4.1/4.10/4.2", "1/4.1/4.2/4.10", "4.10", "4.1", "37.2", "105A", "802", "--", "..", "NA", "N/a", "#N/A", "NULL", "[x]", "[c]", "[z]", "[low]",
        "N/A - offence code expired", "N/A - Offence code expired", "N/A - data not provided", "Offence code expired", "x",
        "Outcomes for offences that were recorded in the quarter", "Outcomes for investigations closed in the quarter", "-353", "-65",
    ];

    internal static IReadOnlyList<byte[]> FoiSeeds { get; } = new[]
    {
        """
        Area ,Year, Recorded domestic abuse crimes ,Outcome 16,OC15
        West Mercia Police ,2015,"9,773","4,519","2,128"
        West Mercia Police,2016," 10,829 ","5,523",1953

        36 responding forces,2015,"393,551","117,196","90,204"
        """,
        """
        Force,Financial year,Recorded crimes,Outcome 16,Outcome 15
        Kent,2020/21,"12 345",n/a,
        England and Wales,2020/21,"5,000,000","1,100,000","650,000"
        North West,2020/21,400,-,[x]
        Total,2020/21,"5,012,345",,
        """,
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    internal static readonly string[] FoiDictionary =
    [
        ",", "\"", "\n", " ", "Area", "Force", "Year", "Calendar year", "Financial year", "Recorded", "Outcome 16", "OC15", "16", "1A",
        "Charged/Summonsed", "West Mercia", "England and Wales", "Wales", "North West", "36 responding forces", "99 forces", "1 1 1 1 forces",
        "Total", "Action Fraud", "2016", "2016/17", "1899", "n/a", "-", "[x]", "1,234", "-5", "9223372036854775807", "9,223,372,036,854,775,808",
    ];

    /// <summary>A small workbook in the published layout (cover and notes sheets, then the data), as bytes.</summary>
    private static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var path = Dir.File($"seed-{Guid.NewGuid():N}.xlsx");
        OpenDataFixtures.WriteXlsxAsync(path, headers, rows).GetAwaiter().GetResult();
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private static byte[] Ods(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var path = Dir.File($"seed-{Guid.NewGuid():N}.ods");
        OpenDataFixtures.WriteOds(path, [("Data", headers, rows)]);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    internal static byte[] XlsxSeed { get; } = Xlsx(OpenDataFixtures.NewHeaders, SampleRows(33, SmallSpec, 10));

    internal static byte[] OdsSeed { get; } = Ods(OpenDataFixtures.NewHeaders, SampleRows(34, SmallSpec, 10));

    internal static IReadOnlyList<byte[]> WorkbookSeeds { get; } =
    [
        XlsxSeed,
        Xlsx(OpenDataFixtures.RecordedCrimeHeaders, RecordedCrimeRows()),
    ];

    internal static IReadOnlyList<byte[]> OdsSeeds { get; } =
    [
        OdsSeed,
        Ods(OpenDataFixtures.RecordedCrimeHeaders, RecordedCrimeRows()),
    ];

    internal static Dictionary<string, byte[]> Parts(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    internal static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> parts)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    /// <summary>The seed workbook's parts, and a variant whose data sheet uses shared strings and cell references (as Excel writes).</summary>
    private static readonly Dictionary<string, byte[]> XlsxParts = Parts(XlsxSeed);

    private const string DataSheet = "xl/worksheets/sheet3.xml";

    private static (string Sheet, string SharedStrings) SharedStringSheet()
    {
        string[][] rows = [OpenDataFixtures.NewHeaders, .. SampleRows(35, SmallSpec, 4)];
        var strings = new List<string>();
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:L5"/><sheetData>""");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}" spans="1:12">""");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                if (long.TryParse(rows[r][c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    sheet.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}"><v>{n}</v></c>""");
                }
                else
                {
                    sheet.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}" t="s"><v>{strings.Count}</v></c>""");
                    strings.Add(rows[r][c]);
                }
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        var sst = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
            + string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) + "</sst>";
        return (sheet.ToString(), sst);
    }

    private static readonly Dictionary<string, byte[]> SharedStringParts = BuildSharedStringParts();

    private static Dictionary<string, byte[]> BuildSharedStringParts()
    {
        var (sheet, sst) = SharedStringSheet();
        var parts = new Dictionary<string, byte[]>(XlsxParts)
        {
            [DataSheet] = Encoding.UTF8.GetBytes(sheet),
            ["xl/sharedStrings.xml"] = Encoding.UTF8.GetBytes(sst),
        };
        parts["xl/_rels/workbook.xml.rels"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(parts["xl/_rels/workbook.xml.rels"]).Replace(
            "</Relationships>", """<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rId99" /></Relationships>""", StringComparison.Ordinal));
        parts["[Content_Types].xml"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(parts["[Content_Types].xml"]).Replace(
            "</Types>", """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" /></Types>""", StringComparison.Ordinal));
        return parts;
    }

    /// <summary>Which part of an xlsx an XML input replaces, by its root element; the data sheet when it has none.</summary>
    private static string PartOf(ReadOnlySpan<byte> xml)
    {
        var head = xml[..Math.Min(xml.Length, 200)];
        return head.IndexOf("<workbook"u8) >= 0 ? "xl/workbook.xml"
            : head.IndexOf("<Types"u8) >= 0 ? "[Content_Types].xml"
            : head.IndexOf("<Relationships"u8) >= 0 ? "xl/_rels/workbook.xml.rels"
            : head.IndexOf("<sst"u8) >= 0 ? "xl/sharedStrings.xml"
            : head.IndexOf("<styleSheet"u8) >= 0 ? "xl/styles.xml"
            : DataSheet;
    }

    internal static IReadOnlyList<byte[]> XlsxXmlSeeds { get; } =
    [
        XlsxParts[DataSheet],
        SharedStringParts[DataSheet],
        SharedStringParts["xl/sharedStrings.xml"],
        XlsxParts["xl/workbook.xml"],
        SharedStringParts["xl/_rels/workbook.xml.rels"],
        SharedStringParts["[Content_Types].xml"],
        XlsxParts["xl/styles.xml"],
    ];

    /// <summary>The xlsx around a mutated XML part: the shared-strings variant for a data sheet or string table that uses them.</summary>
    internal static byte[] XlsxWith(byte[] xml)
    {
        var part = PartOf(xml);
        var uses = xml.AsSpan().IndexOf("t=\"s\""u8) >= 0 || part is "xl/sharedStrings.xml" || xml.AsSpan().IndexOf("sharedStrings"u8) >= 0;
        var parts = new Dictionary<string, byte[]>(uses ? SharedStringParts : XlsxParts) { [part] = xml };
        return Zip(parts);
    }

    internal static readonly string[] XlsxDictionary =
    [
        "<", ">", "/>", "\"", "=", " ", "&amp;", "&#0;", "&#xD800;", "&lt;", "<![CDATA[x]]>", "<?xml version=\"1.0\u00BF\"?>", "encoding=\"utf-16\"", "<!-- c -->", "<?pi x?>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "xml:space=\"preserve\"",
        "<row r=\"1048577\">", "<row r=\"2147483648\">", "<row r=\"0\">", "<row>", "</row>", "<c>", "</c>", "<c r=\"XFD1\">", "<c r=\"ZZZZZZZ1\">", "<c r=\"A0\">",
        " r=\"", " t=\"s\"", " t=\"inlineStr\"", " t=\"str\"", " t=\"b\"", " t=\"e\"", " t=\"d\"", " t=\"n\"", " s=\"99\"", " s=\"-1\"",
        "<v>", "</v>", "<v>1e308</v>", "<v>1e400</v>", "<v>NaN</v>", "<v>-0</v>", "<v>4294967296</v>", "<v>99999999999999999999</v>", "<v>-1</v>",
        "<is><t>", "</t></is>", "<f>SUM(A1)</f>", "<dimension ref=\"A1:XFD1048576\"/>", "<sheetData>", "</sheetData>", "<si><t>x</t></si>",
        "<sheet name=\"x\" sheetId=\"9\" r:id=\"rId9\"/>", "<sheet name=\"\" sheetId=\"1\" r:id=\"rId1\"/>", "Target=\"/xl/worksheets/sheet1.xml\"", "Target=\"../../../etc\"",
        "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>", "<xf numFmtId=\"14\"/>", "numFmtId=\"22\"",
        "Force Name", "Outcome Type", "West Mercia", "2020/21", "16", "Action Fraud",
    ];

    internal static IReadOnlyList<byte[]> OdsXmlSeeds { get; } = [Parts(OdsSeed)["content.xml"], Parts(OdsSeeds[1])["content.xml"]];

    internal static byte[] OdsWith(byte[] contentXml) => Zip(new Dictionary<string, byte[]>(Parts(OdsSeed)) { ["content.xml"] = contentXml });

    internal static readonly string[] OdsDictionary =
    [
        "<", ">", "/>", "\"", "=", " ", "&amp;", "&#0;", "&#xD800;", "<![CDATA[x]]>", "<?xml version=\"1.0\u00BF\"?>", "encoding=\"utf-16\"", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;",
        "<table:table-row>", "</table:table-row>", "<table:table-row table:number-rows-repeated=\"1048576\">", "<table:table-row table:number-rows-repeated=\"2147483647\"/>",
        "<table:table-cell/>", "<table:table-cell>", "</table:table-cell>", " table:number-columns-repeated=\"", " table:number-columns-repeated=\"2147483647\"",
        " table:number-columns-repeated=\"16385\"", " table:number-rows-repeated=\"", "<table:covered-table-cell/>",
        " office:value-type=\"float\" office:value=\"", " office:value=\"1e20\"", " office:value=\"NaN\"", " office:value=\"-1\"", " office:value-type=\"string\"",
        " office:value-type=\"percentage\"", " office:value-type=\"date\" office:date-value=\"2020-01-01\"",
        "<text:p>", "</text:p>", "<text:s text:c=\"100000\"/>", "<text:s text:c=\"2147483647\"/>", "<text:s/>", "<text:tab/>", "<text:span>x</text:span>",
        "<office:annotation><text:p>note</text:p></office:annotation>", "<table:table table:name=\"x\">", "</table:table>", "<table:table/>",
        "Force Name", "Outcome Type", "West Mercia", "2020/21", "16", "Action Fraud", "9223372036854775808",
    ];

    // ---- Tests ----

    [Fact]
    public void Mutated_csv_tables_only_ever_fail_with_a_located_ImportFormatException()
    {
        var report = Fuzz("csv (outcomes and recorded-crime tables)", CsvSeeds, input => ReadFile(input, ".csv"), "fuzz.csv", CsvDictionary, 1_000, "0000CsvFuzz1", FormatMutations.Csv, 0.3);

        report.Rejected.Should().BeGreaterThan(0, "many mutations break the table");
        report.Accepted.Should().BeGreaterThan(0, "many mutations keep it readable");
    }

    [Fact]
    public void Mutated_foi_tables_only_ever_fail_with_a_located_ImportFormatException()
    {
        var report = Fuzz("FOI tables", FoiSeeds, ReadFoi, "fuzz.csv", FoiDictionary, 1_000, "0000FoiFuzz1", FormatMutations.Csv, 0.3);

        report.Rejected.Should().BeGreaterThan(0);
        report.Accepted.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Mutated_xlsx_zips_and_xml_parts_only_ever_fail_with_an_ImportFormatException_naming_the_file()
    {
        var zips = Fuzz("xlsx (zip bytes)", WorkbookSeeds, input => ReadFile(input, ".xlsx"), "fuzz.xlsx", XlsxDictionary, 100, "0000XlsxZip1");
        var parts = Fuzz("xlsx (XML parts, zipped again)", XlsxXmlSeeds, input => ReadFile(XlsxWith(input), ".xlsx"), "fuzz.xlsx", XlsxDictionary, 400, "0000XlsxXml1", FormatMutations.Xml, 0.6);

        zips.Rejected.Should().BeGreaterThan(0);
        parts.Rejected.Should().BeGreaterThan(0);
        parts.Accepted.Should().BeGreaterThan(0, "many mutated parts still make a readable workbook");
    }

    [Fact]
    public void Mutated_ods_zips_and_content_xml_only_ever_fail_with_an_ImportFormatException_naming_the_file()
    {
        var zips = Fuzz("ods (zip bytes)", OdsSeeds, input => ReadFile(input, ".ods"), "fuzz.ods", OdsDictionary, 100, "0000OdsZip01");
        var parts = Fuzz("ods (content.xml, zipped again)", OdsXmlSeeds, input => ReadFile(OdsWith(input), ".ods"), "fuzz.ods", OdsDictionary, 400, "0000OdsXml01", FormatMutations.Xml, 0.6);

        zips.Rejected.Should().BeGreaterThan(0);
        parts.Rejected.Should().BeGreaterThan(0);
        parts.Accepted.Should().BeGreaterThan(0);
    }
}
