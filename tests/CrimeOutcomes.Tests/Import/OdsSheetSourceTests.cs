using System.Text;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// The ods reader on OpenDocument <c>content.xml</c> written by hand: the cells it gives (text, empty cells, the
/// numeric flags), row numbers and sheet names, or the error it stops with. Each layout LibreOffice writes is read by
/// the scanner's fast path; the same cells written another way (attributes in another order or quoting, paragraphs
/// with attributes, markup inside) go through the general path and must read the same.
/// </summary>
public sealed class OdsSheetSourceTests : IDisposable
{
    private const string Declarations = """xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3" """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>An ods file whose content.xml holds the given tables (name, rows XML) under the standard prefixes.</summary>
    private string Write(IReadOnlyList<(string Name, string Rows)> tables, string? root = null, string name = "book.ods")
    {
        var body = new StringBuilder();
        foreach (var (table, rows) in tables)
        {
            body.Append($"""<table:table table:name="{table}" table:style-name="ta1"><table:table-column table:number-columns-repeated="3"/>{rows}</table:table>""");
        }

        return WriteContent($"""<?xml version="1.0" encoding="UTF-8"?><office:document-content {root ?? Declarations}><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>""", name);
    }

    private string WriteContent(string contentXml, string name = "book.ods")
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, Properties.ImportReaderFuzzTests.OdsWith(Encoding.UTF8.GetBytes(contentXml)));
        return path;
    }

    private static List<(string Sheet, List<ReadRow> Rows)> Read(string path, ImportOptions? options = null)
        => SheetSourceRows.ReadAll(OdsSheetSource.Open(path, Path.GetFileName(path), options ?? ImportOptions.Default));

    private static ReadRow OnlyRow(List<(string Sheet, List<ReadRow> Rows)> sheets) => SheetSourceRows.OnlyRow(sheets);

    [Fact]
    public void Float_percentage_and_currency_cells_are_their_office_value_as_written_and_flagged_as_numbers()
    {
        var path = Write([("Data", """
            <table:table-row><table:table-cell office:value-type="float" office:value="16" calcext:value-type="float"><text:p>16</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12.50%</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="GBP" office:value="1234.5"><text:p>£1,234.50</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1E-05"/><table:table-cell office:value-type="string" calcext:value-type="string"><text:p>12</text:p></table:table-cell><table:table-cell office:value-type="float"><text:p>no value</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2020-01-01"><text:p>01/01/2020</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell><table:table-cell office:value="7"><text:p>seven</text:p></table:table-cell></table:table-row>
            """)]);

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal("16", "0.125", "1234.5", "1E-05", "12", "no value", "01/01/2020", "TRUE", "seven");
        row.Numeric.Should().Be(0b1111UL, "the float, percentage and currency cells with an office:value are numbers; text '12', a float without a value and a value without a type are not");
    }

    [Fact]
    public void Paragraphs_are_joined_by_line_feeds_with_spaces_tabs_line_breaks_spans_links_and_entities()
    {
        var path = Write([("Data", """
            <table:table-row><table:table-cell office:value-type="string"><text:p>Line one</text:p><text:p>Line two</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:s/>c<text:tab/>d<text:line-break/>e</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p text:style-name="P1">West <text:span text:style-name="T1">Mer<text:span>cia</text:span></text:span> <text:a xlink:href="https://example.org/">link</text:a></text:p></table:table-cell><table:table-cell><text:p>Caution &#8211; adults &amp; youths &lt;&#x41;&#66;&gt; &quot;x&quot; &apos;y&apos;</text:p></table:table-cell><table:table-cell><text:p>before<!-- a comment -->after<?pi x?></text:p></table:table-cell><table:table-cell><text:p/><text:p>second</text:p></table:table-cell><table:table-cell><text:p></text:p></table:table-cell><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>
            """)], root: Declarations.Replace("office:version", "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version", StringComparison.Ordinal));

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal("Line one\nLine two", "a   b c\td\ne", "West Mercia link", "Caution – adults & youths <AB> \"x\" 'y'", "beforeafter", "\nsecond", null, "x");
        row.Numeric.Should().Be(0UL);
    }

    [Fact]
    public void A_comment_on_the_cell_is_not_part_of_its_value_and_cdata_is_passed_over_as_before()
    {
        var path = Write([("Data", """
            <table:table-row><table:table-cell office:value-type="string"><office:annotation><dc:creator>A</dc:creator><text:p>a note</text:p></office:annotation><text:p>Kent</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><office:annotation/><text:p>3</text:p></table:table-cell><table:table-cell><text:p>a<![CDATA[<b>]]>b</text:p></table:table-cell></table:table-row>
            """)], root: Declarations.Replace("office:version", "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version", StringComparison.Ordinal));

        var row = OnlyRow(Read(path));

        row.Cells.Should().Equal("Kent", "3", "ab");
        row.Numeric.Should().Be(0b10UL);
    }

    [Fact]
    public void Repeated_cells_and_rows_are_expanded_and_those_at_the_end_dropped()
    {
        var path = Write([("Data", """
            <table:table-row><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
            <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>twice</text:p></table:table-cell><table:covered-table-cell office:value-type="float" office:value="5"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            """)]);

        var rows = Read(path).Single().Rows;

        rows.Select(r => r.Number).Should().Equal(1, 2, 3, 4, 5, 6);
        rows[0].Cells.Should().Equal("0", "0", null, null, "x");
        rows[0].Numeric.Should().Be(0b11UL);
        rows[1].Cells.Should().BeEmpty();
        rows[3].Cells.Should().BeEmpty();
        rows[4].Cells.Should().Equal("twice", "5");
        rows[5].Cells.Should().Equal("twice", "5");
        rows[5].Numeric.Should().Be(0b10UL, "a covered cell's value is read like any cell's");
    }

    [Fact]
    public void Rows_in_header_rows_and_row_groups_are_the_tables_and_each_table_is_a_sheet_named_as_declared()
    {
        var path = Write([
            ("Q&amp;A &#8211; 2020", """<table:table-header-rows><table:table-row><table:table-cell><text:p>head</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-row-group><table:table-row><table:table-cell><text:p>body</text:p></table:table-cell></table:table-row></table:table-row-group>"""),
            ("Empty", """<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"""),
        ]);

        var sheets = Read(path);

        sheets.Select(s => s.Sheet).Should().Equal("Q&A – 2020", "Empty");
        sheets[0].Rows.Select(r => (r.Number, r.Cells.Single())).Should().Equal((1L, "head"), (2L, "body"));
        sheets[1].Rows.Should().BeEmpty();
    }

    [Fact]
    public void Cells_written_another_way_read_as_in_LibreOffices_layout()
    {
        // The fast path's layout, then the same cells with single quotes, spaces and line ends between attributes,
        // attributes in another order, a styled paragraph, a carriage return and an entity in the text.
        var libreOffice = Write([("Data", """<table:table-row><table:table-cell office:value-type="float" office:value="1234"><text:p>1234</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>A B</text:p></table:table-cell><table:table-cell /><table:table-cell office:value-type="string"><text:p>end</text:p></table:table-cell></table:table-row>""")]);
        var other = Write(name: "other.ods", tables: [("Data", "<table:table-row ><table:table-cell office:value='1234'\r\n office:value-type = 'float' ><text:p text:style-name=\"P1\">1234</text:p></table:table-cell><table:table-cell office:value-type=\"string\"\ttable:number-columns-repeated=\"2\"><text:p>A&#32;B</text:p></table:table-cell><table:table-cell\n/><table:table-cell office:value-type=\"string\"><text:p>e<text:span/>nd</text:p></table:table-cell></table:table-row >")]);

        var fast = OnlyRow(Read(libreOffice));
        var general = OnlyRow(Read(other));

        fast.Cells.Should().Equal("1234", "A B", "A B", null, "end");
        fast.Numeric.Should().Be(1UL);
        general.Cells.Should().Equal(fast.Cells);
        general.Numeric.Should().Be(fast.Numeric);
    }

    [Fact]
    public void Other_prefixes_declared_on_the_root_are_followed()
    {
        var path = WriteContent("""<?xml version="1.0"?><o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:p="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:example:not-the-table-namespace"><o:body><o:spreadsheet><t:table t:name="Data"><t:table-row><t:table-cell o:value-type="float" o:value="2" table:number-columns-repeated="5"><p:p>2</p:p></t:table-cell><t:table-cell t:number-columns-repeated="2"><p:p>a<p:s p:c="2"/>b</p:p></t:table-cell></t:table-row><table:table-row/></t:table></o:spreadsheet></o:body></o:document-content>""");

        var sheets = Read(path);

        sheets.Single().Sheet.Should().Be("Data");
        var row = OnlyRow(sheets);
        row.Cells.Should().Equal("2", "a  b", "a  b");
        row.Numeric.Should().Be(1UL, "table:number-columns-repeated is in another namespace here; t: is the table namespace");
    }

    [Fact]
    public void A_root_without_the_table_namespace_is_refused()
    {
        var path = WriteContent("""<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body/></office:document-content>""");

        var act = () => new OutcomesOpenDataReader().Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("'book.ods' is not a readable ods workbook: the root element does not declare the OpenDocument table namespace.");
    }

    [Fact]
    public void Malformed_xml_in_a_table_is_a_format_error_naming_the_file_sheet_and_row()
    {
        var path = Write([("Data", """<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row><table:table-row/><table:table-row><table:table-cell><text:p>b</text:span></table:table-cell></table:table-row>""")]);

        var act = () => new OutcomesOpenDataReader().Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("'book.ods' is not a readable ods workbook: sheet 'Data' (after row 1): the end tag </span> matches no open element.");
    }

    [Fact]
    public void A_value_beyond_the_last_column_and_a_cell_past_the_limit_are_refused_at_their_row()
    {
        var beyond = Write([("Data", """<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16384"/><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>""")]);
        var paragraphs = string.Concat(Enumerable.Repeat("<text:p>0123456789</text:p>", 11));
        var longCell = Write([("Data", $"""<table:table-row><table:table-cell/><table:table-cell><text:p>{new string('x', 40)}</text:p><text:p><text:s text:c="70"/></text:p></table:table-cell></table:table-row><table:table-row><table:table-cell/><table:table-cell>{paragraphs}</table:table-cell></table:table-row>""")], name: "long.ods");

        var trailing = Write([("Data", """<table:table-row><table:table-cell><text:p>0123456789</text:p><text:p/></table:table-cell></table:table-row>""")], name: "trailing.ods");

        var act = () => Read(beyond);

        act.Should().Throw<ImportFormatException>().WithMessage("book.ods, sheet 'Data', row 2: a cell has a value beyond column 16,384, the last a sheet can have.");

        // Row 1's second cell holds 40 + 1 + 70 = 111 characters; row 2's, eleven paragraphs of ten and the ten line
        // feeds between them (counted, as before), 120.
        Read(longCell, ImportOptions.Default with { MaxCellLength = 120 }).Single().Rows.Select(r => r.Cells[1]!.Length).Should().Equal(111, 120);
        var row2 = () => Read(longCell, ImportOptions.Default with { MaxCellLength = 119 });
        row2.Should().Throw<ImportLimitException>().WithMessage("long.ods, sheet 'Data', row 2: cell 2 of the row holds 120 characters (limit: ImportOptions.MaxCellLength = 119).");
        var row1 = () => Read(longCell, ImportOptions.Default with { MaxCellLength = 100 });
        row1.Should().Throw<ImportLimitException>().WithMessage("long.ods, sheet 'Data', row 1: cell 2 of the row holds 111 characters (limit: ImportOptions.MaxCellLength = 100).");

        // A line feed for an empty last paragraph was added after the last check, as before: allowed past the limit.
        OnlyRow(Read(trailing, ImportOptions.Default with { MaxCellLength = 10 })).Cells.Should().Equal("0123456789\n");
    }

    [Fact]
    public void A_sheet_read_only_in_part_is_passed_over_for_the_next()
    {
        var path = Write([
            ("First", """<table:table-row table:number-rows-repeated="2000000000"><table:table-cell><text:p>many</text:p></table:table-cell></table:table-row>"""),
            ("Second", """<table:table-row><table:table-cell office:value-type="float" office:value="42"><text:p>42</text:p></table:table-cell></table:table-row>"""),
        ]);

        using var source = OdsSheetSource.Open(path, "book.ods", ImportOptions.Default);
        var seen = new List<(string, long, string?)>();
        foreach (var sheet in source.Sheets())
        {
            var first = sheet.Rows.First();
            seen.Add((sheet.Name, first.Number, first.Cells[0]));
        }

        seen.Should().Equal(("First", 1L, "many"), ("Second", 1L, "42"));
    }
}
