using System.IO.Compression;
using System.Text;
using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Reliability;
using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// Files as people have them: gzip-compressed csv, zip archives of csv, xlsx and ods files, Excel's UTF-16 "Unicode
/// text", Windows-1252 text, and files that are none of these. Each readable form gives the same figures and the same
/// row account as the plain UTF-8 csv of the same rows, and its report says how it was read.
/// </summary>
public sealed class FileFormatTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const long MiB = 1 << 20;

    private const string Released = "prc-outcomes-open-data-mar2021-tables-240425";

    private static readonly FixtureSpec Spec = new() { Years = ["2019/20", "2020/21"] };

    /// <summary>The fixture's rows, outcome 3 described with an en dash as the real files do ("Caution – adults").</summary>
    private static readonly IReadOnlyList<FixtureRow> Rows = OpenDataFixtures.Generate(61, Spec)
        .Select(r => r.OutcomeType == "3" ? r with { OutcomeDescription = "Caution – adults" } : r)
        .ToArray();

    private readonly TempDirectory _dir = new();

    static FileFormatTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Dispose();

    /// <summary>The encoding the report names so, writing a byte order mark for UTF-16 and none for UTF-8.</summary>
    private static Encoding Named(string encoding) => encoding switch
    {
        "UTF-16LE" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "UTF-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        "Windows-1252" => Encoding.GetEncoding(1252),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    private static IEnumerable<string[]> Fields(IEnumerable<FixtureRow> rows) => rows.Select(OpenDataFixtures.Fields);

    private string Csv(string name, Encoding encoding, char separator = ',', IEnumerable<FixtureRow>? rows = null)
    {
        var path = _dir.File(name);
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.Headers(Spec), Fields(rows ?? Rows), encoding, separator);
        return path;
    }

    private string PlainCsv(string name = "plain.csv") => Csv(name, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    private static byte[] Gzipped(string path) => Gzipped(File.ReadAllBytes(path));

    private static byte[] Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>An archive holding the files (by entry name), with a folder entry and macOS metadata beside them, as people zip folders.</summary>
    private string Zip(string name, IReadOnlyDictionary<string, byte[]> entries)
    {
        var path = _dir.File(name);
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        zip.CreateEntry("data/");
        zip.CreateEntry("__MACOSX/data/._notes").Open().Dispose();
        foreach (var (entry, bytes) in entries)
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
            stream.Write(bytes);
        }

        return path;
    }

    private static readonly byte[] Readme = Encoding.UTF8.GetBytes("Police recorded crime and outcomes open data tables. See the user guide.\n");

    private static ImportResult Read(string path, ImportOptions? options = null) => new OutcomesOpenDataReader(options).Read(path);

    /// <summary>The same figures, and the same account of rows and counts, as the plain csv.</summary>
    private void ShouldMatchPlainCsv(ImportResult result)
    {
        var plain = Read(PlainCsv());
        result.Dataset.OutcomeCounts.Should().BeEquivalentTo(plain.Dataset.OutcomeCounts);
        result.Dataset.RecordedCrimes.Should().BeEquivalentTo(plain.Dataset.RecordedCrimes);
        var report = result.Report.Files.Single();
        var expected = plain.Report.Files.Single();
        report.RowsRead.Should().Be(Rows.Count);
        report.Should().BeEquivalentTo(expected, o => o.Including(f => f.Kind).Including(f => f.RowsRead).Including(f => f.RowsKept).Including(f => f.RowsSetAside)
            .Including(f => f.RowsRejected).Including(f => f.CountsRead).Including(f => f.CountsKept).Including(f => f.Years));
        report.Reconciles.Should().BeTrue();
    }

    // ---- The plain file ----

    [Fact]
    public void A_plain_csv_file_is_reported_as_utf_8_read_as_it_is()
    {
        var report = Read(PlainCsv()).Report.Files.Single();

        report.Encoding.Should().Be("UTF-8");
        report.Container.Should().BeNull();
    }

    // ---- gzip ----

    [Fact]
    public void A_csv_gz_file_gives_the_same_figures_as_the_plain_csv_and_its_release_date_from_its_name()
    {
        var path = _dir.File(Released + ".csv.gz");
        File.WriteAllBytes(path, Gzipped(PlainCsv()));

        var result = Read(path);

        ShouldMatchPlainCsv(result);
        var report = result.Report.Files.Single();
        report.File.Should().Be(path);
        report.FileName.Should().Be(Released + ".csv.gz");
        report.ReleaseDate.Should().Be(new DateOnly(2024, 4, 25));
        report.Container.Should().Be("gzip");
        report.Encoding.Should().Be("UTF-8");
    }

    [Fact]
    public void A_gzip_file_is_known_by_its_first_bytes_whatever_its_name_says()
    {
        var path = _dir.File("outcomes.csv");
        File.WriteAllBytes(path, Gzipped(PlainCsv()));

        var result = Read(path);

        ShouldMatchPlainCsv(result);
        result.Report.Files.Single().Container.Should().Be("gzip");
    }

    [Fact]
    public void A_gzip_bomb_of_one_endless_line_stops_at_the_line_limit_without_expanding()
    {
        // 4,000 MiB of the digit zero after the header, from a file of about 4 MB: one line that never ends.
        var path = _dir.File("endless.csv.gz");
        GzipBomb.Write(path, new ZipBomb.Part("endless.csv", string.Join(',', OpenDataFixtures.NewHeaders) + "\n", new string('0', (int)MiB), 4_000));
        new FileInfo(path).Length.Should().BeLessThan(16 * MiB);

        var (error, allocated) = Throws<ImportLimitException>(() => Read(path));

        error.Message.Should().Be("endless.csv.gz, line 2: the line is longer than 1,048,576 characters (limit: ImportOptions.MaxLineLength = 1,048,576).");
        error.File.Should().Be("endless.csv.gz");
        allocated.Should().BeLessThan(64 * MiB, "the expanded bytes are never held");
    }

    [Fact]
    public void A_gzip_bomb_of_rows_stops_at_the_entry_size_limit_as_it_expands()
    {
        // Rows of 1 MiB repeated 4,000 times: 4,000 MiB expanded, from about 4 MB. With a limit of 8 MiB the read
        // stops after about 8 MiB of rows.
        var row = string.Join(',', "2020/21", "Q1", "Kent", "x", "Theft offences", "Shoplifting", "46", "Charged", "Charged/Summonsed", "1", "5", "5") + "\n";
        var body = string.Concat(Enumerable.Repeat(row, (int)(MiB / row.Length) + 1))[..(int)MiB];
        body = body[..(body.LastIndexOf('\n') + 1)];
        var path = _dir.File("rows.csv.gz");
        GzipBomb.Write(path, new ZipBomb.Part("rows.csv", string.Join(',', OpenDataFixtures.NewHeaders) + "\n", body, 4_000));

        var (error, allocated) = Throws<ImportLimitException>(() => Read(path, ImportOptions.Default with { MaxEntryBytes = 8 * MiB }));

        error.Message.Should().Be("'rows.csv.gz': it expands to more than 8,388,608 bytes (a gzip bomb?) (limit: ImportOptions.MaxEntryBytes = 8,388,608).");
        error.LimitName.Should().Be("ImportOptions.MaxEntryBytes");
        error.File.Should().Be("rows.csv.gz");
        allocated.Should().BeLessThan(64 * MiB);
    }

    [Fact]
    public void The_real_2017_18_gzip_file_is_recognised_and_its_header_and_every_row_read()
    {
        var path = Path.Combine(RepositoryPaths.Root, "..", "shared", "real", "outcomes-2017-18.csv.gz");

        // Lenient: its dotted offence codes (37.2) are not yet read in strict mode; every row is still accounted for.
        var report = Read(path, ImportOptions.Default with { Strict = false }).Report.Files.Single();

        report.Container.Should().Be("gzip");
        report.Encoding.Should().Be("UTF-8");
        report.Kind.Should().Be(OpenDataTableKind.Outcomes);
        report.RowsRead.Should().Be(450_912);
        report.Reconciles.Should().BeTrue();
    }

    // ---- zip ----

    public static TheoryData<string> ArchivedFormats => new() { "csv", "csv.gz", "xlsx", "ods" };

    [Theory]
    [MemberData(nameof(ArchivedFormats))]
    public async Task A_table_in_a_zip_archive_gives_the_same_figures_as_the_plain_csv_named_after_the_archive_and_its_entry(string format)
    {
        var table = _dir.File("table." + format);
        switch (format)
        {
            case "csv":
                File.Copy(PlainCsv(), table);
                break;
            case "csv.gz":
                File.WriteAllBytes(table, Gzipped(PlainCsv()));
                break;
            case "xlsx":
                await OpenDataFixtures.WriteXlsxAsync(table, OpenDataFixtures.Headers(Spec), [.. Fields(Rows)]);
                break;
            default:
                OpenDataFixtures.WriteOds(table, [("Data", OpenDataFixtures.Headers(Spec), [.. Fields(Rows)])]);
                break;
        }

        var path = Zip("tables.zip", new Dictionary<string, byte[]> { ["readme.txt"] = Readme, [$"data/{Released}.{format}"] = File.ReadAllBytes(table) });

        var result = Read(path);

        ShouldMatchPlainCsv(result);
        var report = result.Report.Files.Single();
        report.FileName.Should().Be($"tables.zip/data/{Released}.{format}");
        report.File.Should().Be(Path.Combine(_dir.Path, $"tables.zip/data/{Released}.{format}"), "the archive's path as given, then its entry");
        report.ReleaseDate.Should().Be(new DateOnly(2024, 4, 25));
        report.Container.Should().Be(format == "csv.gz" ? "zip/gzip" : "zip");
        report.Encoding.Should().Be(format.StartsWith("csv", StringComparison.Ordinal) ? "UTF-8" : null);
        Directory.GetFiles(Path.GetTempPath(), ArchiveEntries.TemporaryPrefix + "*").Should().BeEmpty("a workbook's temporary copy is deleted");
    }

    [Fact]
    public void Every_table_of_a_zip_archive_is_read_as_a_file_of_its_own()
    {
        var first = Csv("2019.csv", Encoding.UTF8, rows: Rows.Where(r => r.FinancialYear == "2019/20"));
        var second = _dir.File("2020.ods");
        OpenDataFixtures.WriteOds(second, [("Data", OpenDataFixtures.Headers(Spec), [.. Fields(Rows.Where(r => r.FinancialYear == "2020/21"))])]);
        var path = Zip("years.zip", new Dictionary<string, byte[]>
        {
            ["outcomes-2019-20.csv"] = File.ReadAllBytes(first),
            ["notes.pdf"] = "%PDF-1.7"u8.ToArray(),
            ["outcomes-2020-21.ods"] = File.ReadAllBytes(second),
        });

        var result = Read(path);

        result.Report.Files.Select(f => f.FileName).Should().Equal("years.zip/outcomes-2019-20.csv", "years.zip/outcomes-2020-21.ods");
        result.Dataset.OutcomeCounts.Should().BeEquivalentTo(Read(PlainCsv()).Dataset.OutcomeCounts);
    }

    [Fact]
    public void A_zip_archive_without_a_table_is_refused_listing_what_it_holds()
    {
        var path = Zip("notes.zip", new Dictionary<string, byte[]> { ["readme.txt"] = Readme, ["data/notes.pdf"] = "%PDF-1.7"u8.ToArray() });

        var act = () => Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("'notes.zip' holds no table (a .csv, .csv.gz, .xlsx or .ods file); it holds readme.txt, data/notes.pdf.")
            .Which.File.Should().Be("notes.zip");
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_from_its_declared_sizes_before_it_is_expanded()
    {
        var path = _dir.File("bomb.zip");
        var row = string.Join(',', "2020/21", "Q1", "Kent", "x", "Theft offences", "Shoplifting", "46", "Charged", "Charged/Summonsed", "1", "5", "5") + "\n";
        ZipBomb.Write(path, [new ZipBomb.Part("outcomes.csv", string.Join(',', OpenDataFixtures.NewHeaders) + "\n", string.Concat(Enumerable.Repeat(row, 10_000)), 3_000)]);

        var (error, allocated) = Throws<ImportLimitException>(() => Read(path));

        error.LimitName.Should().Be("ImportOptions.MaxCompressionRatio");
        error.Message.Should().StartWith("'bomb.zip': its entry 'outcomes.csv' expands ");
        allocated.Should().BeLessThan(64 * MiB);
    }

    // ---- Encodings ----

    public static TheoryData<string, string, char> Encodings => new()
    {
        { "UTF-16LE", "unicode-text.txt", '\t' },
        { "UTF-16BE", "big-endian.csv", '\t' },
        { "UTF-16BE", "big-endian-commas.csv", ',' },
        { "Windows-1252", "windows.csv", ',' },
        { "UTF-8", "no-bom.csv", ';' },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_in_each_encoding_gives_the_same_figures_as_the_plain_csv(string encoding, string name, char separator)
    {
        var path = Csv(name, Named(encoding), separator);

        var result = Read(path);

        ShouldMatchPlainCsv(result);
        result.Report.Files.Single().Encoding.Should().Be(encoding);
    }

    [Fact]
    public void Windows_1252_text_keeps_its_en_dash_as_byte_0x96()
    {
        var path = Csv("windows.csv", Encoding.GetEncoding(1252));
        var bytes = File.ReadAllBytes(path);

        // "Caution – adults", and the outcome groups whose texts have an en dash: the group is checked against its
        // code, so a dash decoded wrongly would make the strict read fail.
        bytes.AsSpan().IndexOf((byte[])[.. "Caution "u8, 0x96, .. " adults"u8]).Should().BePositive();
        System.Text.Unicode.Utf8.IsValid(bytes).Should().BeFalse();

        Read(path).Report.Files.Single().Encoding.Should().Be("Windows-1252");
    }

    [Fact]
    public void Windows_1252_text_whose_first_64_KB_are_ascii_is_read_again_as_windows_1252_when_the_parallel_read_meets_a_dash()
    {
        // The rows without a dash first: the first non-ASCII byte is far past the sample the encoding is chosen from,
        // so the parallel UTF-8 read meets it in one of its ranges and the file is read again, as Windows-1252.
        var ordered = Rows.OrderBy(r => OpenDataFixtures.Fields(r).Any(f => !Ascii.IsValid(f))).ToArray();
        var path = Csv("late-dash.csv", Encoding.GetEncoding(1252), rows: ordered);
        var firstNonAscii = File.ReadAllBytes(path).AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        firstNonAscii.Should().BeGreaterThan(64 * 1024);

        var result = Read(path, ImportOptions.Default with { MaxDegreeOfParallelism = 2, CsvChunkBytes = 16 * 1024 });

        ShouldMatchPlainCsv(result);
        result.Report.Files.Single().Encoding.Should().Be("Windows-1252");
    }

    [Fact]
    public void A_quoted_field_over_two_lines_in_utf_16_is_one_row()
    {
        var rows = Rows.Select((r, i) => i == 5 ? r with { OffenceDescription = "Shoplifting\r\n(two lines)" } : r).ToArray();
        var path = Csv("two-lines.txt", Encoding.Unicode, '\t', rows);

        var report = Read(path).Report.Files.Single();

        report.RowsRead.Should().Be(Rows.Count);
        report.Encoding.Should().Be("UTF-16LE");
    }

    [Fact]
    public void A_row_error_in_decoded_text_names_its_line_of_the_file()
    {
        var rows = Rows.Select((r, i) => i == 99 ? r with { OutcomeType = "99" } : r).ToArray();
        var path = Csv("bad-row.txt", Encoding.Unicode, '\t', rows);

        var act = () => Read(path);

        // The header is line 1: the 100th row is line 101.
        act.Should().Throw<ImportFormatException>().Which.Location.Should().BeEquivalentTo(new { File = "bad-row.txt", Number = 101L, Column = "Outcome Type" });
    }

    // ---- FOI tables ----

    [Theory]
    [InlineData("Windows-1252", ',')]
    [InlineData("UTF-16LE", '\t')]
    [InlineData("UTF-8", ',')]
    public void An_foi_table_is_read_in_each_encoding_an_en_dash_meaning_no_figure(string encoding, char separator)
    {
        var path = _dir.File("foi.csv");
        var text = string.Join("\r\n", new[] { "Area,Year,Recorded,Outcome 16", "Kent,2016,100,–", "West Mercia,2016,50,7" }.Select(l => l.Replace(',', separator)));
        File.WriteAllText(path, text + "\r\n", Named(encoding));

        var result = new FoiTableReader().Read(path);

        var report = result.Report.Files.Single();
        report.Encoding.Should().Be(encoding);
        report.RowsKept.Should().Be(2);
        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), CalendarYear.Parse("2016"), CrimeScope.AllCrime);
        result.Dataset.RecordedCrimesFor(kent).Should().Be(100);
        result.Dataset.HasOutcomeCounts(kent, FoiTableOptions.Default.Basis).Should().BeFalse("'–' means not available");
    }

    // ---- Files that are none of these ----

    public static TheoryData<string, string, string> Junk => new()
    {
        { "junk.csv", "random", "'junk.csv' is not a csv file: it looks like binary data (it has NUL bytes near its start). Expected text with a header row (UTF-8, UTF-16 with a byte order mark, or Windows-1252), or a .csv.gz, .zip, .xlsx or .ods file." },
        { "report.csv", "pdf", "'report.csv' is not a csv file: it looks like a PDF document. Expected text with a header row (UTF-8, UTF-16 with a byte order mark, or Windows-1252), or a .csv.gz, .zip, .xlsx or .ods file." },
        { "download.csv", "html", "'download.csv' is not a csv file: it looks like an HTML page (a web page saved in place of the file?). Expected *" },
        { "old.csv", "xls", "'old.csv' is not a csv file: it looks like an Excel 97-2003 (.xls) workbook or another Office 97-2003 file. Expected *" },
        { "workbook.csv", "zip", "'workbook.csv' is a zip archive (an xlsx or ods workbook?), not a csv file; name it .xlsx or .ods." },
        { "truncated.csv.gz", "bad-gzip", "'truncated.csv.gz' is cut short or damaged: it expands to * bytes where its gzip trailer says * (modulo 4 GiB). Was its download or copy interrupted? *" },
        { "corrupt.csv.gz", "corrupt-gzip", "'corrupt.csv.gz' could not be expanded: *" },
        { "gunzipped.csv.gz", "csv", "'gunzipped.csv.gz' is not a gzip file: it does not start like one (expanded already? then name it .csv)." },
        { "empty.csv.gz", "empty", "'empty.csv.gz' is empty; a gzip file was expected." },
        { "junk.csv.gz", "gzipped-random", "'junk.csv.gz' is not a csv file: it looks like binary data (it has NUL bytes near its start). Expected *" },
        { "tables.zip", "pdf", "'tables.zip' is not a zip archive: it looks like a PDF document." },
        { "empty.zip", "empty", "'empty.zip' is empty; a zip archive of csv, xlsx or ods files was expected." },
        { "table.xlsx", "pdf", "'table.xlsx' is not an xlsx workbook: it looks like a PDF document, and an xlsx workbook is a zip archive." },
    };

    [Theory]
    [MemberData(nameof(Junk))]
    public void A_file_that_is_no_table_is_refused_naming_the_file_and_what_it_looks_like(string name, string content, string message)
    {
        var random = new byte[5_000];
        new Random(9).NextBytes(random);
        var path = _dir.File(name);
        File.WriteAllBytes(path, content switch
        {
            "random" => random,
            "pdf" => [.. "%PDF-1.7\n1 0 obj\n"u8, .. random],
            "html" => "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Police recorded crime and outcomes open data tables - GOV.UK</title></head></html>\n"u8.ToArray(),
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. random],
            "zip" => File.ReadAllBytes(Zip("inner.zip", new Dictionary<string, byte[]> { ["content.xml"] = Readme })),
            "bad-gzip" => Gzipped(PlainCsv())[..2_000],
            "corrupt-gzip" => [.. Gzipped(PlainCsv())[..100], .. random],
            "csv" => File.ReadAllBytes(PlainCsv()),
            "gzipped-random" => Gzipped(random),
            _ => [],
        });

        var act = () => Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage(message).Which.File.Should().Be(name);
    }

    [Fact]
    public void An_foi_file_that_is_a_workbook_is_refused_saying_to_save_it_as_csv()
    {
        var path = Zip("foi.csv", new Dictionary<string, byte[]> { ["xl/workbook.xml"] = Readme });

        var act = () => new FoiTableReader().Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("'foi.csv' is a zip archive (an xlsx or ods workbook?), not a csv file; save it as csv.");
    }

    /// <summary>
    /// Runs <paramref name="read"/>, which must throw <typeparamref name="T"/>; returns it and the bytes this thread
    /// allocated meanwhile (a streamed or refused file is read on the calling thread alone).
    /// </summary>
    private (T Error, long Allocated) Throws<T>(Action read)
        where T : Exception
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = read.Should().Throw<T>().Which;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{allocated:N0} bytes allocated: {error.Message}"));
        return (error, allocated);
    }
}
