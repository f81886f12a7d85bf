using System.Globalization;
using System.Text;
using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Import;
using CrimeOutcomes.Tests.Properties;

namespace CrimeOutcomes.Tests.Reliability;

/// <summary>Allocation-measuring tests run alone, so that no other test's allocations are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSensitive
{
    public const string Name = "Allocation-sensitive";
}

/// <summary>
/// Hostile files for the readers: each ends in a clear <see cref="ImportFormatException"/> (or its
/// <see cref="ImportLimitException"/>) naming the file and, for a limit, the option, within bounded memory: the bytes
/// the test's thread and the reader's threads allocate stay far below the size of what the file would expand to
/// (GC.GetTotalAllocatedBytes, measured with no other test running). No timing is asserted.
/// </summary>
[Collection(AllocationSensitive.Name)]
public sealed class HostileImportTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const long MiB = 1 << 20;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs <paramref name="read"/>, which must throw <typeparamref name="T"/>; returns it and the bytes allocated meanwhile.</summary>
    private (T Error, long Allocated) Throws<T>(Action read)
        where T : Exception
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = read.Should().Throw<T>().Which;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{allocated:N0} bytes allocated: {error.Message}"));
        return (error, allocated);
    }

    private static readonly ImportOptions Lenient = ImportOptions.Default with { Strict = false };

    // ---- Zip bombs ----

    /// <summary>
    /// 3,700 repeats of 1 MiB of rows: the data sheet expands to 3,700 × 1,048,576 = 3,879,731,200 bytes, plus its
    /// 126-byte start and 24-byte end, from about 13 MB.
    /// </summary>
    private const long BombRepeats = 3_700;

    private static readonly string BombRows = string.Concat(Enumerable.Repeat("""<row><c t="inlineStr"><is><t>Kent</t></is></c><c><v>1</v></c></row>""", (int)(MiB / 64)))[..(int)MiB];

    private string XlsxBomb(string name, Func<ZipBomb.Part, long>? declared = null)
    {
        var parts = ImportReaderFuzzTests.Parts(ImportReaderFuzzTests.XlsxSeed)
            .Where(p => p.Key != "xl/worksheets/sheet3.xml")
            .Select(p => new ZipBomb.Part(p.Key, Encoding.UTF8.GetString(p.Value)))
            .Append(new ZipBomb.Part(
                "xl/worksheets/sheet3.xml",
                """<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""",
                BombRows,
                BombRepeats,
                "</sheetData></worksheet>"))
            .ToArray();
        var path = _dir.File(name);
        ZipBomb.Write(path, parts, declared);
        return path;
    }

    private string OdsBomb(string name, Func<ZipBomb.Part, long>? declared = null)
    {
        var path = _dir.File(name);
        ZipBomb.Write(path,
        [
            new ZipBomb.Part("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            new ZipBomb.Part(
                "content.xml",
                """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Data">""",
                new string(' ', (int)MiB),
                BombRepeats,
                "</table:table></office:spreadsheet></office:body></office:document-content>"),
        ], declared);
        return path;
    }

    [Fact]
    public void An_xlsx_zip_bomb_is_refused_for_its_compression_ratio_before_anything_is_expanded()
    {
        var path = XlsxBomb("bomb.xlsx");
        new FileInfo(path).Length.Should().BeLessThan(16 * MiB, "the bomb is small on disk");

        var (error, allocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader(Lenient).Read(path));

        error.LimitName.Should().Be("ImportOptions.MaxCompressionRatio");
        error.Limit.Should().Be(100);
        error.File.Should().Be("bomb.xlsx");
        error.Message.Should().StartWith("'bomb.xlsx': its part 'xl/worksheets/sheet3.xml' expands ")
            .And.Contain("to 3,879,731,350 bytes (a zip bomb?) (limit: ImportOptions.MaxCompressionRatio = 100).");
        allocated.Should().BeLessThan(4 * MiB, "the part's 3.9 GB are never expanded");
    }

    [Fact]
    public void An_ods_zip_bomb_is_refused_for_its_compression_ratio_before_anything_is_expanded()
    {
        var path = OdsBomb("bomb.ods");

        var (error, allocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader().Read(path));

        error.LimitName.Should().Be("ImportOptions.MaxCompressionRatio");
        error.Message.Should().StartWith("'bomb.ods': its part 'content.xml' expands ");
        allocated.Should().BeLessThan(4 * MiB);
    }

    [Fact]
    public void The_size_limit_refuses_a_part_too_large_even_when_the_ratio_limit_is_raised()
    {
        var options = ImportOptions.Default with { MaxCompressionRatio = 100_000, MaxEntryBytes = 1L << 30 };

        var (xlsx, xlsxAllocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader(options).Read(XlsxBomb("big.xlsx")));
        var (ods, odsAllocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader(options).Read(OdsBomb("big.ods")));

        xlsx.Message.Should().Be("'big.xlsx': its part 'xl/worksheets/sheet3.xml' expands to 3,879,731,350 bytes (limit: ImportOptions.MaxEntryBytes = 1,073,741,824).");
        ods.LimitName.Should().Be("ImportOptions.MaxEntryBytes");
        ods.Limit.Should().Be(1L << 30);
        (xlsxAllocated + odsAllocated).Should().BeLessThan(8 * MiB);
    }

    [Fact]
    public void A_part_that_declares_a_small_size_is_cut_at_that_size_and_fails_to_parse()
    {
        // The archive says the part expands to 2 MiB; it holds 3.9 GB. The runtime stops at the declared size.
        long Declared(ZipBomb.Part part) => part.Repeats > 0 ? 2 * MiB : part.Length;

        var (xlsx, xlsxAllocated) = Throws<ImportFormatException>(() => new OutcomesOpenDataReader().Read(XlsxBomb("liar.xlsx", Declared)));
        var (ods, odsAllocated) = Throws<ImportFormatException>(() => new OutcomesOpenDataReader().Read(OdsBomb("liar.ods", Declared)));

        xlsx.Message.Should().StartWith("'liar.xlsx' ");
        ods.Message.Should().StartWith("'liar.ods' is not a readable ods workbook: ");
        (xlsxAllocated + odsAllocated).Should().BeLessThan(64 * MiB, "at most the declared 2 MiB of each part is read");
    }

    // ---- Long lines and cells ----

    /// <summary>Writes a csv whose second line holds a field of <paramref name="length"/> characters, streamed in 1 MiB pieces.</summary>
    private string CsvWithLongField(string name, long length)
    {
        var path = _dir.File(name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(string.Join(',', OpenDataFixtures.NewHeaders) + "\n2020/21,Q1,Kent,");
        var piece = new string('a', (int)MiB);
        for (var left = length; left > 0; left -= MiB)
        {
            writer.Write(piece.AsSpan(0, (int)Math.Min(MiB, left)));
        }

        writer.Write(",Violence against the person,Violence with injury,8N,Charged,Charged/Summonsed,1,12,3\n");
        writer.Write("2020/21,Q2,Kent,x,Violence against the person,Violence with injury,8N,Charged,Charged/Summonsed,1,5,5\n");
        return path;
    }

    [Fact]
    public void A_csv_line_of_100_MB_is_refused_at_its_line_without_being_buffered()
    {
        var path = CsvWithLongField("long-line.csv", 100 * MiB);

        var (strict, strictAllocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader().Read(path));
        var (lenient, lenientAllocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader(Lenient with { MaxDegreeOfParallelism = 1 }).Read(path));

        strict.Message.Should().Be("long-line.csv, line 2: the line is longer than 1,048,576 bytes (limit: ImportOptions.MaxLineLength = 1,048,576).");
        strict.Location.Should().Be(new ImportLocation("long-line.csv", null, 2, null));
        lenient.LimitName.Should().Be("ImportOptions.MaxLineLength");
        strictAllocated.Should().BeLessThan(32 * MiB, "the 100 MB line is never held");
        lenientAllocated.Should().BeLessThan(32 * MiB);
    }

    [Fact]
    public void A_longer_line_is_read_when_the_limit_is_raised()
    {
        var path = CsvWithLongField("raised.csv", 2 * MiB);

        var act = () => new OutcomesOpenDataReader().Read(path);
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { MaxLineLength = 3 << 20 }).Read(path);

        act.Should().Throw<ImportLimitException>().Which.LineOrRow.Should().Be(2);
        result.Report.Files.Single().RowsKept.Should().Be(2);
    }

    [Fact]
    public void Lines_ended_by_carriage_returns_alone_are_lines_for_the_limit_too()
    {
        // 20,000 rows of about 90 bytes, 1.8 MB in all, each ended by a lone carriage return (old Mac files), read by
        // the csv parser as lines; the line limit once saw them as one line. Then a 2 MiB line: refused at its own
        // line. (The header line must end in a line feed: the reader finds the header and its byte ranges by those.)
        var row = string.Join(',', KentRow);
        var text = string.Join(',', OpenDataFixtures.NewHeaders) + "\n" + string.Concat(Enumerable.Repeat(row + "\r", 20_000));
        var path = _dir.File("mac.csv");
        File.WriteAllText(path, text);
        var tooLong = _dir.File("mac-long.csv");
        File.WriteAllText(tooLong, text + "2020/21,Q1,Kent," + new string('x', 2 << 20) + "\r" + row + "\r");

        var result = new OutcomesOpenDataReader().Read(path);
        var act = () => new OutcomesOpenDataReader().Read(tooLong);

        result.Report.Files.Single().RowsKept.Should().Be(20_000);
        act.Should().Throw<ImportLimitException>().Which.LineOrRow.Should().Be(20_002);
        var foi = () => new FoiTableReader().Read(new StringReader("Area,Year,Recorded\rKent,2016,5\r\nKent,2017," + new string('1', 2 << 20)), "mixed.csv");
        foi.Should().Throw<ImportLimitException>().Which.LineOrRow.Should().Be(3);
    }

    /// <summary>A text reader that yields a header, then one line of <paramref name="length"/> characters, without holding it.</summary>
    private sealed class EndlessLine(string header, long length) : TextReader
    {
        private long _position = -header.Length;

        public override int Read(Span<char> buffer)
        {
            if (_position < 0)
            {
                var start = header.Length + (int)_position;
                var count = Math.Min(buffer.Length, header.Length - start);
                header.AsSpan(start, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            var n = (int)Math.Min(buffer.Length, length - _position);
            buffer[..n].Fill('1');
            _position += n;
            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }

    [Fact]
    public void An_foi_line_of_100_million_characters_is_refused_at_its_line()
    {
        var (error, allocated) = Throws<ImportLimitException>(() => new FoiTableReader().Read(new EndlessLine("Area,Year,Recorded\nKent,2016,", 100 * MiB), "endless.csv"));

        error.Message.Should().Be("endless.csv, line 2: the line is longer than 1,048,576 characters (limit: FoiTableOptions.MaxLineLength = 1,048,576).");
        allocated.Should().BeLessThan(32 * MiB);
    }

    [Fact]
    public void An_ods_cell_of_a_million_characters_is_refused_at_its_row()
    {
        var rows = new[] { OpenDataFixtures.Fields(OpenDataFixtures.Generate(41, new FixtureSpec())[0]) };
        rows[0][3] = new string('d', 1_000_000);
        var path = _dir.File("long-cell.ods");
        OpenDataFixtures.WriteOds(path, [("Data", OpenDataFixtures.NewHeaders, rows)]);

        var act = () => new OutcomesOpenDataReader(Lenient).Read(path);

        // A title row, the header on row 2, the row on row 3.
        act.Should().Throw<ImportLimitException>().WithMessage(
            "long-cell.ods, sheet 'Data', row 3: cell 4 of the row holds more than 32,767 characters (limit: ImportOptions.MaxCellLength = 32,767).");
    }

    [Fact]
    public async Task An_xlsx_cell_longer_than_the_limit_is_refused_at_its_row()
    {
        var rows = new[] { OpenDataFixtures.Fields(OpenDataFixtures.Generate(42, new FixtureSpec())[0]) };
        rows[0][3] = new string('d', 40_000);
        var path = _dir.File("long-cell.xlsx");
        await OpenDataFixtures.WriteXlsxAsync(path, OpenDataFixtures.NewHeaders, rows);

        var act = () => new OutcomesOpenDataReader(Lenient).Read(path);

        act.Should().Throw<ImportLimitException>().WithMessage(
            "long-cell.xlsx, sheet 'Data', row 2: cell 4 of the row holds 40,000 characters (limit: ImportOptions.MaxCellLength = 32,767).");
    }

    [Fact]
    public void A_quoted_field_left_open_is_located_at_its_line()
    {
        // One quote opens a field that never closes: 17 MiB of short lines follow, more than the csv parser buffers.
        var path = _dir.File("open-quote.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write(string.Join(',', OpenDataFixtures.NewHeaders) + "\n");
            writer.Write("2020/21,Q1,Kent,x,Theft offences,Shoplifting,46,Charged,Charged/Summonsed,1,5,5\n");
            writer.Write("2020/21,Q1,Kent,\"x,Theft offences,Shoplifting,46,Charged,Charged/Summonsed,1,5,5\n");
            var line = "2020/21,Q2,Kent,x,Theft offences,Shoplifting,46,Charged,Charged/Summonsed,1,5,5\n";
            for (var written = 0L; written < 17 * MiB; written += line.Length)
            {
                writer.Write(line);
            }
        }

        var act = () => new OutcomesOpenDataReader(Lenient).Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage(
            "open-quote.csv, line 3: a quoted field is left open: its row runs past 16,777,216 characters, the most the csv parser buffers.");
    }

    // ---- Counts ----

    [Fact]
    public void Counts_beyond_a_64_bit_count_are_refused_naming_line_and_column()
    {
        var path = _dir.File("huge.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders,
        [
            ["2020/21", "Q1", "Kent", "x", "Theft offences", "Shoplifting", "46", "Charged", "Charged/Summonsed", "1", "9223372036854775807", "0"],
            ["2020/21", "Q1", "Kent", "x", "Theft offences", "Shoplifting", "46", "Charged", "Charged/Summonsed", "1", "9223372036854775808", "0"],
        ]);

        var strict = () => new OutcomesOpenDataReader().Read(path);
        var lenient = new OutcomesOpenDataReader(Lenient).Read(path).Report.Files.Single();

        strict.Should().Throw<ImportFormatException>().WithMessage(
            "huge.csv, line 3, column 'Force outcomes for offences recorded in quarter': '9223372036854775808' is beyond the range of a 64-bit count (−9,223,372,036,854,775,808 to 9,223,372,036,854,775,807).");
        lenient.RowsKept.Should().Be(1);
        lenient.RowsRejected.Should().Be(1);
        lenient.CountsKept.Recorded.Should().Be(long.MaxValue);
        lenient.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void Counts_whose_sum_passes_a_64_bit_count_are_refused_at_the_row_that_overflows()
    {
        var csv = _dir.File("sum.csv");
        string[] row = ["2020/21", "Q1", "Kent", "x", "Theft offences", "Shoplifting", "46", "Charged", "Charged/Summonsed", "1", "5000000000000000000", "0"];
        OpenDataFixtures.WriteCsv(csv, OpenDataFixtures.NewHeaders, [row, row.With(1, "Q2")]);
        var ods = _dir.File("sum.ods");
        OpenDataFixtures.WriteOds(ods, [("Data", OpenDataFixtures.NewHeaders, [row, row.With(1, "Q2")])]);
        const string foi = "Area,Year,Recorded\nKent,2016,5000000000000000000\nWest Mercia,2016,5000000000000000000\n";

        var fromCsv = () => new OutcomesOpenDataReader(Lenient).Read(csv);
        var fromOds = () => new OutcomesOpenDataReader(Lenient).Read(ods);
        var fromFoi = () => new FoiTableReader(FoiTableOptions.Default with { Strict = false }).Read(new StringReader(foi), "sum-foi.csv");

        const string Reason = "the counts of the rows read so far, with this row's, add up to more than a 64-bit count holds (9,223,372,036,854,775,807).";
        fromCsv.Should().Throw<ImportFormatException>().WithMessage("sum.csv, line 3: " + Reason);
        fromOds.Should().Throw<ImportFormatException>().WithMessage("sum.ods, sheet 'Data', row 4: " + Reason);
        fromFoi.Should().Throw<ImportFormatException>().WithMessage("sum-foi.csv, line 3: " + Reason);
    }

    // ---- Files that are not what they say ----

    public static TheoryData<string, string, string> Mislabelled => new()
    {
        { "table.xlsx", "csv", "'table.xlsx' is not an xlsx workbook: an xlsx workbook is a zip archive and this file does not start like one (is it a csv file named .xlsx?)." },
        { "noise.ods", "random", "'noise.ods' is not an ods workbook: an ods workbook is a zip archive and this file does not start like one (is it a csv file named .ods?)." },
        { "noise.xlsx", "random", "'noise.xlsx' is not an xlsx workbook: an xlsx workbook is a zip archive and this file does not start like one (is it a csv file named .xlsx?)." },
        { "workbook.csv", "xlsx", "'workbook.csv' is a zip archive (an xlsx or ods workbook?), not a csv file; name it .xlsx or .ods." },
        { "workbook.ods", "xlsx", "'workbook.ods' is not an OpenDocument spreadsheet: it has no content.xml." },
        { "spreadsheet.xlsx", "ods", "'spreadsheet.xlsx' is not a readable xlsx workbook: *" },
        { "old.xlsx", "xls", "'old.xlsx' is not an xlsx workbook: it is an Excel 97-2003 (.xls) file; save it as .xlsx." },
        { "table.pdf", "csv", "'table.pdf' is not a file the reader knows: expected .csv, .csv.gz, .zip, .xlsx or .ods." },
    };

    [Theory]
    [MemberData(nameof(Mislabelled))]
    public void A_file_that_is_not_what_its_extension_says_is_refused_naming_the_file(string name, string content, string message)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, content switch
        {
            "csv" => Encoding.UTF8.GetBytes(string.Join(',', OpenDataFixtures.NewHeaders) + "\n2020/21,Q1,Kent,x,Theft offences,Shoplifting,46,Charged,Charged/Summonsed,1,5,5\n"),
            "xlsx" => ImportReaderFuzzTests.XlsxSeed,
            "ods" => ImportReaderFuzzTests.OdsSeed,
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            _ => RandomBytes(5_000),
        });

        var act = () => new OutcomesOpenDataReader(Lenient).Read(path);

        var error = act.Should().Throw<ImportFormatException>().WithMessage(message).Which;
        error.File.Should().Be(name);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(8).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData("empty.csv", "'empty.csv' is empty; it should start with the header row.")]
    [InlineData("empty.xlsx", "'empty.xlsx' is empty; an xlsx workbook is a zip archive.")]
    [InlineData("empty.ods", "'empty.ods' is empty; an ods workbook is a zip archive.")]
    public void An_empty_file_is_refused_naming_the_file(string name, string message)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, []);

        var act = () => new OutcomesOpenDataReader(Lenient).Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage(message).Which.File.Should().Be(name);
        var foi = () => new FoiTableReader().Read(new StringReader(string.Empty), "empty-foi.csv");
        foi.Should().Throw<ImportFormatException>().WithMessage("empty-foi.csv, line 1: the table is empty; it should start with a header row.");
    }

    [Fact]
    public async Task A_header_only_file_is_refused_in_every_format()
    {
        var csv = _dir.File("header.csv");
        OpenDataFixtures.WriteCsv(csv, OpenDataFixtures.NewHeaders, []);
        var prc = _dir.File("header-prc.csv");
        OpenDataFixtures.WriteCsv(prc, OpenDataFixtures.RecordedCrimeHeaders, []);
        var xlsx = _dir.File("header.xlsx");
        await OpenDataFixtures.WriteXlsxAsync(xlsx, OpenDataFixtures.NewHeaders, []);
        var ods = _dir.File("header.ods");
        OpenDataFixtures.WriteOds(ods, [("Data", OpenDataFixtures.NewHeaders, [])]);

        foreach (var path in new[] { csv, prc, xlsx, ods })
        {
            var name = Path.GetFileName(path);
            var act = () => new OutcomesOpenDataReader(Lenient).Read(path);
            act.Should().Throw<ImportFormatException>().WithMessage($"'{name}' has a header row but no data rows.");
        }

        var foi = () => new FoiTableReader().Read(new StringReader("Area,Year,Recorded,Outcome 16\n"), "header-foi.csv");
        foi.Should().Throw<ImportFormatException>().WithMessage("'header-foi.csv' has a header row but no data rows.");
    }

    // ---- Sheets that repeat rows or columns without end ----

    private string OdsContent(string name, string rows)
    {
        var path = _dir.File(name);
        var header = string.Concat(OpenDataFixtures.NewHeaders.Select(h => $"<table:table-cell office:value-type=\"string\"><text:p>{h}</text:p></table:table-cell>"));
        var content = """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Data">"""
            + $"<table:table-row>{header}</table:table-row>{rows}</table:table></office:spreadsheet></office:body></office:document-content>";
        File.WriteAllBytes(path, ImportReaderFuzzTests.Zip(new Dictionary<string, byte[]> { ["content.xml"] = Encoding.UTF8.GetBytes(content) }));
        return path;
    }

    private static string OdsRow(IEnumerable<string> cells, string attributes = "")
        => $"<table:table-row{attributes}>" + string.Concat(cells.Select(c => $"<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>")) + "</table:table-row>";

    private static readonly string[] KentRow = ["2020/21", "Q1", "Kent", "x", "Theft offences", "Shoplifting", "46", "Charged", "Charged/Summonsed", "1", "5", "5"];

    [Fact]
    public void A_data_row_repeated_two_billion_times_stops_at_the_sheet_row_limit()
    {
        var path = OdsContent("repeated.ods", OdsRow(KentRow, " table:number-rows-repeated=\"2147483647\""));

        var (error, allocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader().Read(path));

        error.Message.Should().Be("repeated.ods, sheet 'Data', row 1048577: the sheet has more than 1,048,576 rows (limit: ImportOptions.MaxSheetRows = 1,048,576).");
        allocated.Should().BeLessThan(64 * MiB, "rows are counted, not stored");
    }

    [Fact]
    public void Repeated_data_rows_are_all_counted_up_to_the_limit()
    {
        // 10,001 repeats: the reader once cut any repeat at 10,000 and lost the rest without a word.
        var path = OdsContent("repeats.ods", OdsRow(KentRow, " table:number-rows-repeated=\"10001\""));

        var report = new OutcomesOpenDataReader().Read(path).Report.Files.Single();

        report.RowsKept.Should().Be(10_001);
        report.CountsKept.Recorded.Should().Be(5 * 10_001);
        var limited = () => new OutcomesOpenDataReader(ImportOptions.Default with { MaxSheetRows = 5_000 }).Read(path);
        limited.Should().Throw<ImportLimitException>().Which.LineOrRow.Should().Be(5_001);
    }

    [Fact]
    public void A_value_two_billion_columns_to_the_right_is_refused_without_allocating_the_columns()
    {
        var path = OdsContent("wide.ods", "<table:table-row><table:table-cell table:number-columns-repeated=\"2000000000\"/><table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>");

        var (error, allocated) = Throws<ImportFormatException>(() => new OutcomesOpenDataReader().Read(path));

        error.Message.Should().Be("wide.ods, sheet 'Data', row 2: a cell has a value beyond column 16,384, the last a sheet can have.");
        allocated.Should().BeLessThan(4 * MiB);
    }

    [Fact]
    public void An_xlsx_row_numbered_two_billion_stops_at_the_sheet_row_limit()
    {
        var parts = ImportReaderFuzzTests.Parts(ImportReaderFuzzTests.XlsxSeed);
        var sheet = Encoding.UTF8.GetString(parts["xl/worksheets/sheet3.xml"]);
        var cut = sheet.IndexOf("<row r=\"3\"", StringComparison.Ordinal);
        parts["xl/worksheets/sheet3.xml"] = Encoding.UTF8.GetBytes(sheet[..cut] + "<row r=\"2000000000\"><c t=\"inlineStr\"><is><t>Kent</t></is></c></row></sheetData></worksheet>");
        var path = _dir.File("far.xlsx");
        File.WriteAllBytes(path, ImportReaderFuzzTests.Zip(parts));

        var (error, allocated) = Throws<ImportLimitException>(() => new OutcomesOpenDataReader().Read(path));

        error.LimitName.Should().Be("ImportOptions.MaxSheetRows");
        error.LineOrRow.Should().Be(1_048_577);
        allocated.Should().BeLessThan(512 * MiB, "the empty rows of the gap are streamed one by one");
    }

    [Fact]
    public void An_xlsx_cell_in_the_last_column_does_not_make_every_row_cost_sixteen_thousand_cells()
    {
        // Found by fuzzing (a 2 KB input took 45 s): a header cell in column XFD makes every row of the sheet 16,384
        // cells wide, and a row numbered 200,000 makes 200,000 rows; the reader visited every cell of every row.
        // It now reads, past the header, only up to the table's last column.
        var parts = ImportReaderFuzzTests.Parts(ImportReaderFuzzTests.XlsxSeed);
        var sheet = Encoding.UTF8.GetString(parts["xl/worksheets/sheet3.xml"]);
        var headerEnd = sheet.IndexOf("</row>", StringComparison.Ordinal);
        var cut = sheet.IndexOf("<row r=\"3\"", StringComparison.Ordinal);
        sheet = sheet[..headerEnd] + "<c r=\"XFD1\"><v>1</v></c>" + sheet[headerEnd..cut]
            + "<row r=\"200000\"><c t=\"inlineStr\"><is><t>Kent</t></is></c></row></sheetData></worksheet>";
        parts["xl/worksheets/sheet3.xml"] = Encoding.UTF8.GetBytes(sheet);
        var path = _dir.File("wide.xlsx");
        File.WriteAllBytes(path, ImportReaderFuzzTests.Zip(parts));

        var report = new OutcomesOpenDataReader(Lenient).Read(path).Report.Files.Single();

        // The first data row (sheet row 2) is kept; the 199,997 empty rows before the last one are set aside as blank
        // rows between data rows; the last row ('Kent' alone) is rejected as short.
        report.RowsKept.Should().Be(1);
        report.RowsSetAside.Should().Be(199_997);
        report.RowsRejected.Should().Be(1);
    }

    [Fact]
    public void A_part_that_is_only_an_xml_declaration_with_a_non_ascii_version_is_a_format_error()
    {
        // Found by fuzzing: the XML mutator's own XDocument.Load threw ArgumentOutOfRangeException ("count ('-1') must
        // be a non-negative value") on a mutated part; XmlReader over bytes does so when a declaration with a non-ASCII
        // character ends the document (dotnet/runtime#113061). The ods reader made the same call, and ExcelDataReader
        // too (its exceptions were wrapped); the readers that replaced them scan the part's bytes themselves and find
        // no element after the declaration (the ods one before any sheet, so its message names none).
        var part = Encoding.UTF8.GetBytes("<?xml version=\"1.0\u00BF\"?>\n");
        var ods = _dir.File("declaration.ods");
        File.WriteAllBytes(ods, ImportReaderFuzzTests.OdsWith(part));
        var parts = ImportReaderFuzzTests.Parts(ImportReaderFuzzTests.XlsxSeed);
        parts["xl/worksheets/sheet3.xml"] = part;
        var xlsx = _dir.File("declaration.xlsx");
        File.WriteAllBytes(xlsx, ImportReaderFuzzTests.Zip(parts));

        var fromOds = () => new OutcomesOpenDataReader().Read(ods);
        var fromXlsx = () => new OutcomesOpenDataReader().Read(xlsx);

        fromOds.Should().Throw<ImportFormatException>().WithMessage("'declaration.ods' is not a readable ods workbook: Root element is missing.");
        fromXlsx.Should().Throw<ImportFormatException>().WithMessage("'declaration.xlsx' is not a readable xlsx workbook: sheet 'Data' (after row 0): Root element is missing.")
            .WithInnerException<System.Xml.XmlException>();
    }

    // ---- Many distinct texts ----

    [Fact]
    public void A_file_of_distinct_offence_groups_and_codes_is_read_in_linear_time()
    {
        // 30,000 distinct offence groups and codes: each new text was once compared with every text before it.
        var path = _dir.File("distinct.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, Enumerable.Range(0, 30_000).Select(i => new[]
        {
            "2020/21", "Q1", "Kent", "x", $"Group {i}", "Sub", (i % 1000).ToString(CultureInfo.InvariantCulture) + (char)('A' + (i / 1000 % 26)) + (char)('A' + (i / 26_000)), "Charged", "Charged/Summonsed", "1", "1", "1",
        }));

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGrain = OffenceGrain.Code }).Read(path);

        result.Report.Files.Single().RowsKept.Should().Be(30_000);
        result.Dataset.Scopes.Should().HaveCount(30_000);
    }

    [Fact]
    public void Too_many_distinct_unknown_force_names_stop_a_lenient_read()
    {
        // Each unknown name costs a search for suggestions (20,000 distinct names took 7.5 s): a file of millions of
        // distinct names would take hours. Past the limit the read stops; a limit of 10 keeps the test quick.
        var path = _dir.File("unknown.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, Enumerable.Range(0, 11).Select(i => KentRow.With(2, $"Unknown force {i}")));
        var foi = "Area,Year,Recorded\n" + string.Concat(Enumerable.Range(0, 11).Select(i => $"Unknown area {i},2016,5\n"));

        var csv = () => new OutcomesOpenDataReader(Lenient with { MaxUnknownForceNames = 10, MaxDegreeOfParallelism = 1 }).Read(path);
        var table = () => new FoiTableReader(FoiTableOptions.Default with { Strict = false, MaxUnknownAreaNames = 10 }).Read(new StringReader(foi), "unknown-foi.csv");
        var enough = new OutcomesOpenDataReader(Lenient with { MaxUnknownForceNames = 11 }).Read(path);

        csv.Should().Throw<ImportLimitException>().WithMessage(
            "unknown.csv, line 12, column 'Force Name': 'Unknown force 10' is one more force name than the 10 distinct names the registry does not know that a table may have (is this a table of police forces?) (limit: ImportOptions.MaxUnknownForceNames = 10).");
        table.Should().Throw<ImportLimitException>().Which.Location.Should().Be(new ImportLocation("unknown-foi.csv", null, 12, "Area"));
        enough.Report.Files.Single().UnknownNames.Should().HaveCount(11);
    }

    [Fact]
    public void An_foi_area_name_of_a_million_digits_and_spaces_is_rejected_promptly()
    {
        // "1 1 1 … forces": the counted-forces pattern backtracked quadratically over such a name.
        var name = string.Concat(Enumerable.Repeat("1 ", 500_000)) + "forces";
        var table = $"Area,Year,Recorded\n{name},2016,5\nKent,2016,7\n";

        var result = new FoiTableReader(FoiTableOptions.Default with { Strict = false, MaxLineLength = 2 << 20 }).Read(new StringReader(table), "digits.csv");

        var report = result.Report.Files.Single();
        report.RowsRejected.Should().Be(1);
        report.Rejected.Single().Reason.Length.Should().BeLessThan(2_000, "the value is shortened in the message");
        report.RowsKept.Should().Be(1);
    }

    // ---- Found by fuzzing or review: regressions ----

    [Fact]
    public void A_quoted_field_holding_a_line_break_is_read_when_the_file_is_split_across_threads()
    {
        // The parallel reader re-reads such a file on one thread; the re-read threw its internal exception out.
        var path = _dir.File("multi-line.csv");
        var rows = Enumerable.Range(0, 200).Select(i => KentRow.With(3, i == 150 ? "two\nlines" : "x")).ToArray();
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, rows);

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 2, CsvChunkBytes = 1024 }).Read(path);

        result.Report.Files.Single().RowsKept.Should().Be(200);
    }

    [Fact]
    public void An_foi_row_rejected_after_its_counts_were_read_keeps_them_in_the_account_and_adds_no_figure()
    {
        // Line 3 repeats Kent 2016: its recorded crimes are new, its outcome 16 a duplicate of line 2's. The reader once
        // added the recorded crimes before it found the duplicate (a rejected row left a figure in the dataset), and
        // left a rejected row's counts out of the rejected sums (the report did not reconcile).
        const string table = "Area,Year,Recorded,Outcome 16\nKent,2016,,12\nKent,2016,100,12\nKent,20x7,5,5\n";

        var result = new FoiTableReader(FoiTableOptions.Default with { Strict = false }).Read(new StringReader(table), "dup.csv");

        var report = result.Report.Files.Single();
        report.Rejected.Select(r => r.Location.Number).Should().Equal(3, 4);
        report.CountsRejected.Should().Be(new CountTotals(0, 0, 105, 17));
        report.Reconciles.Should().BeTrue();
        result.Dataset.RecordedCrimes.Should().BeEmpty("the rejected row's recorded crimes are not added");
    }
}
