using System.IO.Compression;
using System.Text;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// The xlsx reader on the SpreadsheetML that Excel, LibreOffice and other writers produce, part by part: each test
/// writes the XML of the parts by hand and checks the cells the reader gives (text, empty cells, the numeric flags),
/// row numbers and sheet names, or the error it stops with.
/// </summary>
public sealed class XlsxSheetSourceTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A workbook of worksheets (name, sheetData content) in workbook order; the parts are numbered in that order unless <paramref name="partOrder"/> says otherwise.</summary>
    private string Write(IReadOnlyList<(string Name, string SheetData)> sheets, string? sharedStrings = null, int[]? partOrder = null, string? extraSheets = null,
        string? extraRels = null, Func<string, string>? sheetXml = null, string name = "book.xlsx")
    {
        var path = _dir.File(name);
        var parts = new Dictionary<string, string>
        {
            ["_rels/.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
        };
        var list = new StringBuilder();
        var rels = new StringBuilder();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = partOrder?[i] ?? (i + 1);
            list.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<sheet name="{System.Security.SecurityElement.Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
            rels.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i + 1}" Type="{Rels}/worksheet" Target="worksheets/sheet{part}.xml"/>""");
            var body = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}" xmlns:r="{Rels}"><dimension ref="A1"/><sheetData>{sheets[i].SheetData}</sheetData><pageMargins left="0.7"/></worksheet>""";
            parts[$"xl/worksheets/sheet{part}.xml"] = sheetXml?.Invoke(body) ?? body;
        }

        if (sharedStrings is not null)
        {
            rels.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<Relationship Id="rId100" Type="{Rels}/sharedStrings" Target="sharedStrings.xml"/>""");
            parts["xl/sharedStrings.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}">{sharedStrings}</sst>""";
        }

        parts["xl/workbook.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rels}"><sheets>{list}{extraSheets}</sheets></workbook>""";
        parts["xl/_rels/workbook.xml.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}{extraRels}</Relationships>""";
        File.WriteAllBytes(path, Properties.ImportReaderFuzzTests.Zip(parts.Select(p => KeyValuePair.Create(p.Key, Encoding.UTF8.GetBytes(p.Value)))));
        return path;
    }

    private static List<(string Sheet, List<ReadRow> Rows)> Read(string path, ImportOptions? options = null)
        => SheetSourceRows.ReadAll(XlsxSheetSource.Open(path, Path.GetFileName(path), options ?? ImportOptions.Default));

    private static ReadRow OnlyRow(List<(string Sheet, List<ReadRow> Rows)> sheets) => SheetSourceRows.OnlyRow(sheets);

    [Fact]
    public void Shared_strings_give_their_text_with_rich_text_runs_joined_phonetic_runs_left_out_and_entities_expanded()
    {
        var path = Write(
            [("Data", """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>""")],
            """<si><t xml:space="preserve"> Kent </t></si><si><r><rPr><b/><sz val="11"/></rPr><t>West </t></r><r><t>Mercia</t></r><rPh sb="0" eb="4"><t>ウエスト</t></rPh><phoneticPr fontId="1"/></si><si><t>Caution &#8211; adults &amp; youths &lt;&#x41;&#66;&gt; &quot;x&quot; &apos;y&apos;</t></si><si><t/></si>""");

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal(" Kent ", "West Mercia", "Caution – adults & youths <AB> \"x\" 'y'");
        row.Numeric.Should().Be(0UL, "no cell holds a number; the empty shared string (D1) is an empty cell");
    }

    [Fact]
    public void Inline_strings_plain_and_in_runs_and_formula_strings_give_their_text()
    {
        var path = Write([("Data", """
            <row r="1">
              <c r="A1" t="inlineStr"><is><t>Dyfed-Powys</t></is></c>
              <c r="B1" t="inlineStr"><is><r><t>London, </t></r><r><rPr><i/></rPr><t xml:space="preserve">City of</t></r><rPh sb="0" eb="1"><t>no</t></rPh></is></c>
              <c r="C1" t="str"><f>A1&amp;"!"</f><v>Dyfed-Powys!</v></c>
              <c r="D1" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c>
            </row>
            """)]);

        OnlyRow(Read(path)).Cells.Should().Equal("Dyfed-Powys", "London, City of", "Dyfed-Powys!", "a <b> & c");
    }

    [Fact]
    public void Numbers_read_in_invariant_form_and_are_flagged_numeric_by_column()
    {
        var path = Write([("Data", """<row r="1"><c r="A1"><v>802</v></c><c r="B1" t="n"><v>-3</v></c><c r="C1" s="4"><v>1.5</v></c><c r="D1"><v>1E3</v></c><c r="E1"><v>-0</v></c><c r="F1"><v>007</v></c><c r="G1" t="s"><v>0</v></c><c r="H1"><v>123456789012</v></c><c r="I1"><f>SUM(A1:B1)</f><v>799</v></c></row>""")],
            "<si><t>8N</t></si>");

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal("802", "-3", "1.5", "1000", "0", "7", "8N", "123456789012", "799");
        row.Numeric.Should().Be(0b1_1011_1111UL, "every cell but G1 (a shared string) holds a number");
    }

    [Fact]
    public void Booleans_errors_and_dates_read_as_their_text()
    {
        var path = Write([("Data", """<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="d"><v>2024-04-25T00:00:00</v></c></row>""")]);

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal("TRUE", "FALSE", "#N/A", "#DIV/0!", "2024-04-25T00:00:00");
        row.Numeric.Should().Be(0UL);
    }

    [Fact]
    public void A_reference_that_skips_columns_leaves_them_empty_and_a_row_number_that_skips_gives_empty_rows()
    {
        // Row 2 has cells in B and E only (A, C, D empty); rows 3 and 4 are missing; row 5 starts at C with a
        // number; cells without a reference follow the one before (D5, E5).
        var path = Write([("Data", """
            <row r="2" spans="2:5"><c r="B2" t="inlineStr"><is><t>Kent</t></is></c><c r="E2"><v>16</v></c></row>
            <row r="5"><c r="C5"><v>4</v></c><c t="inlineStr"><is><t>x</t></is></c><c><v>5</v></c></row>
            <row><c r="A6"><v>1</v></c></row>
            """)]);

        var rows = Read(path).Single().Rows;

        rows.Select(r => r.Number).Should().Equal(1, 2, 3, 4, 5, 6);
        rows[0].Cells.Should().BeEmpty("row 1 is not in the sheet: an empty row");
        rows[1].Cells.Should().Equal(null, "Kent", null, null, "16");
        rows[1].Numeric.Should().Be(1UL << 4);
        rows[2].Cells.Should().BeEmpty();
        rows[3].Cells.Should().BeEmpty();
        rows[4].Cells.Should().Equal(null, null, "4", "x", "5");
        rows[4].Numeric.Should().Be((1UL << 2) | (1UL << 4), "C5 and E5 hold numbers, D5 text; the flags are those of this row, not of row 2");
        rows[5].Cells.Should().Equal("1");
        rows[5].Numeric.Should().Be(1UL);
    }

    [Fact]
    public void Sheets_come_in_workbook_order_with_their_names_whatever_their_parts_are_called_and_chart_sheets_are_passed_over()
    {
        var path = Write(
            [("Cover_sheet", """<row r="1"><c r="A1" t="inlineStr"><is><t>cover</t></is></c></row>"""), ("Outcomes open data 2021_22", """<row r="1"><c r="A1"><v>1</v></c></row>""")],
            partOrder: [7, 2],
            extraSheets: """<sheet name="Chart1" sheetId="9" r:id="rId9"/>""",
            extraRels: $"""<Relationship Id="rId9" Type="{Rels}/chartsheet" Target="chartsheets/sheet1.xml"/>""");

        var sheets = Read(path);

        sheets.Select(s => s.Sheet).Should().Equal("Cover_sheet", "Outcomes open data 2021_22");
        sheets[0].Rows.Single().Cells.Should().Equal("cover");
    }

    [Fact]
    public void Prefixed_elements_comments_processing_instructions_and_line_ends_are_read_as_XML_says()
    {
        var path = Write([("Data", "<x:row r=\"1\"><!-- a comment <c> --><?pi x?><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>two\r\nlines\rhere&#13;</x:t></x:is></x:c><x:c r=\"B1\"><x:v> 12 </x:v></x:c></x:row>")],
            sheetXml: xml => xml.Replace("<worksheet xmlns=", "<x:worksheet xmlns:x=", StringComparison.Ordinal).Replace("</worksheet>", "</x:worksheet>", StringComparison.Ordinal)
                .Replace("<sheetData>", "<x:sheetData>", StringComparison.Ordinal).Replace("</sheetData>", "</x:sheetData>", StringComparison.Ordinal)
                .Replace("<dimension ref=\"A1\"/>", "<x:dimension ref=\"A1\"/>", StringComparison.Ordinal).Replace("<pageMargins left=\"0.7\"/>", string.Empty, StringComparison.Ordinal));

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal("two\nlines\nhere\r", "12");
        row.Numeric.Should().Be(0b10UL);
    }

    [Fact]
    public void A_shared_string_that_does_not_exist_is_a_format_error_at_its_row()
    {
        var path = Write([("Data", """<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c></row>""")], "<si><t>a</t></si>");

        var act = () => Read(path);

        act.Should().Throw<ImportFormatException>().Which.Message.Should().Be(
            "book.xlsx, sheet 'Data', row 2: cell 1 of the row refers to shared string 5, and the workbook's table has 1.");
    }

    [Theory]
    [InlineData("""<row r="1"><c r="A1"><v>1</v></row>""", "sheet 'Data', row 1: the end tag </row> closes a cell.")]
    [InlineData("""<row r="1"><c r="A1" t="inlineStr"><is><t>a &nbsp; b</t></is></c></row>""", "sheet 'Data', row 1: the entity '&nbsp;' is not defined.")]
    [InlineData("""<row r="2"><c r="A2"><v>1</v></c></row><row r="2"/>""", "sheet 'Data', row 2: row 2 comes after row 2.")]
    [InlineData("""<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>""", "sheet 'Data', row 1: the cell 'A1' comes after a cell of its column or one to its right.")]
    [InlineData("""<row r="1"><c r="A1" t="q"><v>1</v></c></row>""", "sheet 'Data', row 1: the cell type 'q' is not a cell type.")]
    [InlineData("""<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>""", "sheet 'Data', row 1: '&#0;' is not a character XML allows.")]
    public void Malformed_sheet_XML_is_refused_naming_the_file_sheet_and_row(string sheetData, string reason)
    {
        var path = Write([("Data", sheetData)]);

        var act = () => new OutcomesOpenDataReader().Read(path);

        act.Should().Throw<ImportFormatException>().Which.Message.Should().Be($"'book.xlsx' is not a readable xlsx workbook: {reason}");
    }

    [Fact]
    public void A_sheet_cut_short_and_a_document_type_declaration_are_refused()
    {
        var cut = Write([("Data", """<row r="1"><c r="A1"><v>1</v></c></row>""")], sheetXml: xml => xml[..xml.IndexOf("</row>", StringComparison.Ordinal)], name: "cut.xlsx");
        var dtd = Write([("Data", "<row r=\"1\"/>")], sheetXml: xml => xml.Replace("<worksheet", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet", StringComparison.Ordinal), name: "dtd.xlsx");

        ((Action)(() => Read(cut))).Should().Throw<ImportFormatException>().WithMessage("'cut.xlsx' is not a readable xlsx workbook: sheet 'Data', row 1: the XML ends inside a row.");
        ((Action)(() => Read(dtd))).Should().Throw<ImportFormatException>().WithMessage("'dtd.xlsx' is not a readable xlsx workbook: sheet 'Data' (after row 0): a document type declaration (DTD) is not allowed in a sheet.");
    }

    [Fact]
    public void A_cell_reference_beyond_column_XFD_is_a_format_error_at_its_row()
    {
        var path = Write([("Data", """<row r="3"><c r="XFE3"><v>1</v></c></row>""")]);

        var act = () => Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("book.xlsx, sheet 'Data', row 3: the cell reference 'XFE3' is beyond column XFD (16,384), the last a sheet can have.");
    }

    [Fact]
    public void The_shared_strings_table_is_bounded_by_its_limit_and_each_string_by_the_cell_limit()
    {
        var strings = string.Concat(Enumerable.Range(0, 100).Select(i => $"<si><t>string number {i}</t></si>"));
        var path = Write([("Data", """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""")], strings);

        var tooMany = () => Read(path, ImportOptions.Default with { MaxSharedStringsLength = 1_000 });
        var tooLong = () => Read(path, ImportOptions.Default with { MaxCellLength = 15 });

        // Each string is 15 or 16 characters and counts 16 more: the 32nd passes 1,000.
        tooMany.Should().Throw<ImportLimitException>().Which.Message.Should().Be(
            "'book.xlsx': its shared-strings table holds more than 1,000 characters (32 strings so far) (limit: ImportOptions.MaxSharedStringsLength = 1,000).");
        tooLong.Should().Throw<ImportLimitException>().Which.Message.Should().Be(
            "'book.xlsx': string 11 of its shared-strings table holds more than 15 characters (limit: ImportOptions.MaxCellLength = 15).");
        Read(path).Single().Rows.Single().Cells.Should().Equal("string number 0");
    }

    [Fact]
    public void An_inline_string_longer_than_the_cell_limit_is_refused_before_it_is_buffered_whole()
    {
        var path = Write([("Data", $"""<row r="4"><c r="B4" t="inlineStr"><is><t>{new string('é', 200_000)}</t></is></c></row>""")]);

        var act = () => Read(path, ImportOptions.Default with { MaxCellLength = 1_000 });

        act.Should().Throw<ImportLimitException>().WithMessage("book.xlsx, sheet 'Data', row 4: cell 2 of the row holds more than 1,000 characters (limit: ImportOptions.MaxCellLength = 1,000).");
    }

    [Fact]
    public void A_workbook_in_Excels_layout_gives_the_figures_of_the_same_rows_in_csv_and_counts_offence_codes_stored_as_numbers()
    {
        // Shared strings, a reference on every cell, empty cells (the expired flag) left out, whole numbers as numbers:
        // the offence codes 802 and 46 of the fixtures are stored as numbers.
        var spec = new FixtureSpec { Years = ["2017/18"], QuarterWithQ = false };
        var rows = OpenDataFixtures.Generate(51, spec);
        var csvPath = _dir.File("outcomes.csv");
        OpenDataFixtures.WriteCsv(csvPath, spec, rows);
        var path = _dir.File("prc-outcomes-open-data-mar2018-tables-241024.xlsx");
        static object?[] Cells(string[] fields) => [.. fields.Select(f => string.IsNullOrEmpty(f) ? null : OpenDataFixtures.IsWholeNumber(f, out var n) ? (object)n : f)];
        Benchmarks.XlsxWriter.Write(path, [.. OpenDataFixtures.RepublishedSheets("Outcomes_open_data_2017-18", OpenDataFixtures.RepublishedHeaders, rows.Select(OpenDataFixtures.RepublishedFields))
            .Select(s => (s.Name, s.Rows.Select(Cells)))]);
        var options = ImportOptions.Default with { OffenceGrain = OffenceGrain.Code, ByQuarter = true };

        var xlsx = new OutcomesOpenDataReader(options).Read(path);
        var csv = new OutcomesOpenDataReader(options).Read(csvPath);

        xlsx.Dataset.OutcomeCounts.Should().BeEquivalentTo(csv.Dataset.OutcomeCounts);
        xlsx.Dataset.MissingFigures.Should().BeEquivalentTo(csv.Dataset.MissingFigures);
        var report = xlsx.Report.Files.Single();
        report.Sheets.Should().Equal("Outcomes_open_data_2017-18");
        report.RowsRead.Should().Be(rows.Count);
        report.Reconciles.Should().BeTrue();
        report.OffenceCodesStoredAsNumbers.Should().Be(rows.Count(r => OpenDataFixtures.IsWholeNumber(r.OffenceCode, out _))).And.BeGreaterThan(0);
        report.Markers.Should().BeEquivalentTo(csv.Report.Files.Single().Markers);
    }
}
