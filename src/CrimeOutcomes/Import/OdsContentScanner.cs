using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Xml;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the sheets of an OpenDocument spreadsheet from the UTF-8 bytes of its <c>content.xml</c> as they inflate,
/// with the span machinery of <see cref="XmlByteScanner"/> (one buffer of the part, one row of cells). It reads the
/// tables (<c>table:table</c>, named by <c>table:name</c>) at any depth, their rows (<c>table:table-row</c>, also
/// inside row groups and header rows; <c>table:number-rows-repeated</c>) and their cells (<c>table:table-cell</c> and
/// <c>table:covered-table-cell</c>; <c>table:number-columns-repeated</c>). A cell whose <c>office:value-type</c> is
/// <c>float</c>, <c>percentage</c> or <c>currency</c> and which has an <c>office:value</c> is that value as written,
/// flagged in <see cref="SheetRow.Numeric"/>; any other cell is the text of its paragraphs (<c>text:p</c>, joined by
/// line feeds), the text of spans and links inside them included, <c>text:s</c> as its <c>text:c</c> spaces,
/// <c>text:tab</c> a tab, <c>text:line-break</c> a line feed; a comment on the cell (<c>office:annotation</c>) is not
/// part of it. Text may hold the five XML entities and character references; CDATA sections, comments and processing
/// instructions are passed over; a document type declaration is refused. Repeated empty cells at a row's end and
/// repeated empty rows at a table's end (formatting spanning the whole sheet) are dropped.
/// </summary>
/// <remarks>
/// Names are matched with the prefixes the root element declares for the OpenDocument office, table and text
/// namespaces (LibreOffice and every writer seen declare them there, as <c>office:</c>, <c>table:</c> and
/// <c>text:</c>); a prefix declared again on an inner element is not followed. A root that does not declare the table
/// namespace is refused. Malformed XML throws <see cref="XmlException"/> naming the sheet and row (a whole-file format
/// error); a value beyond column 16,384 a located <see cref="ImportFormatException"/>; a cell longer than the cell
/// limit a located <see cref="ImportLimitException"/>.
/// </remarks>
internal sealed class OdsContentScanner : XmlByteScanner
{
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>Repeated cells beyond this many are formatting, not data.</summary>
    private const int MaxRepeat = 10_000;

    /// <summary>The most columns a sheet has (Excel's and LibreOffice's limit): a value beyond is malformed.</summary>
    private const int MaxColumns = 16_384;

    private static readonly System.Buffers.SearchValues<byte> NotInName = System.Buffers.SearchValues.Create(" />\"<&\t\r\n"u8);

    /// <summary>How many columns remember the text of the row above (<see cref="SameAsAbove"/>).</summary>
    private const int RememberedColumns = 32;

    /// <summary>How many texts each of those columns remembers.</summary>
    private const int TextsPerColumn = 16;

    private static readonly byte[] Spaces = [.. Enumerable.Repeat((byte)' ', 64)];

    // Qualified names with the root's prefixes, and the tags of LibreOffice's own layout for the fast paths.
    private byte[] _table = [];
    private byte[] _row = [];
    private byte[] _cell = [];
    private byte[] _coveredCell = [];
    private byte[] _p = [];
    private byte[] _s = [];
    private byte[] _tab = [];
    private byte[] _lineBreak = [];
    private byte[] _annotation = [];
    private byte[] _name = [];
    private byte[] _rowsRepeated = [];
    private byte[] _columnsRepeated = [];
    private byte[] _valueType = [];
    private byte[] _officeValue = [];
    private byte[] _spaceCount = [];
    private byte[] _pOpen = [];
    private byte[] _pClose = [];
    private byte[] _cellClose = [];
    private byte[] _rowClose = [];
    private byte[] _cellOpen = [];
    private byte[] _valueTypeIs = [];
    private byte[] _officeValueIs = [];
    private byte[] _columnsRepeatedIs = [];
    private byte[] _paragraphCellClose = [];
    private int _pHash;

    private bool _started;
    private bool _finished;
    private int _tableDepth = -1;

    private string?[] _cells = new string?[32];
    private readonly Above[] _above = new Above[RememberedColumns * TextsPerColumn];
    private long _pendingEmpty;
    private long _emptyToEmit;
    private long _repeatsToEmit;
    private int _count;
    private ulong _numeric;

    public OdsContentScanner(Stream stream, string file, int maxCell)
        : base(stream, file, string.Empty, maxCell)
    {
    }

    /// <summary>Moves to the next table (passing over the rest of the current one); its name, or false after the last.</summary>
    public bool NextSheet(out string name)
    {
        if (!_started)
        {
            _started = true;
            Start("ods");
            ReadRoot();
        }

        // The rest of the current table (its reader may stop early), its repeated rows not emitted one by one.
        while (_tableDepth >= 0)
        {
            _emptyToEmit = _repeatsToEmit = 0;
            NextRow(out _);
        }

        while (!_finished)
        {
            var tag = ReadTag(out var selfClosing, out var end);
            if (tag.IsEmpty)
            {
                if (_open.Count > 0)
                {
                    throw Malformed("the XML ends before the document's end");
                }

                _finished = true;
                break;
            }

            var local = LocalName(tag);
            if (end)
            {
                Close(local);
                continue;
            }

            if (QualifiedName(tag).SequenceEqual(_table))
            {
                _sheet = TryAttribute(tag, _name, out var raw) ? AttributeText(raw, null) : "(unnamed)";
                _lastRow = 0;
                _pendingEmpty = _emptyToEmit = _repeatsToEmit = 0;
                if (!selfClosing)
                {
                    _open.Push(Hash(local));
                    _tableDepth = _open.Count - 1;
                }

                name = _sheet;
                return true;
            }

            if (!selfClosing)
            {
                _open.Push(Hash(local));
            }
        }

        name = string.Empty;
        return false;
    }

    /// <summary>The next row of the current table (empty rows between rows with values included), or false after its last.</summary>
    public bool NextRow(out SheetRow row)
    {
        while (true)
        {
            if (_emptyToEmit > 0)
            {
                _emptyToEmit--;
                row = new SheetRow(++_lastRow, _cells, 0);
                return true;
            }

            if (_repeatsToEmit > 0)
            {
                // Every repeat of a row with values is a row (the reader stops at ImportOptions.MaxSheetRows).
                _repeatsToEmit--;
                row = new SheetRow(++_lastRow, _cells, _count, _numeric);
                return true;
            }

            if (_tableDepth < 0)
            {
                row = default;
                return false;
            }

            var tag = ReadTagInside("a table", _lastRow + _pendingEmpty + 1, out var local, out var selfClosing, out var end);
            if (end)
            {
                Close(local);
                if (_open.Count == _tableDepth)
                {
                    // Empty rows after the last row with values are formatting.
                    _tableDepth = -1;
                    _sheet = string.Empty;
                }

                continue;
            }

            if (!QualifiedName(tag).SequenceEqual(_row))
            {
                // Columns, row groups and header rows (their rows are the table's), shapes.
                if (!selfClosing)
                {
                    _open.Push(Hash(local));
                }

                continue;
            }

            var repeat = Repeat(AttributeValue(tag, _rowsRepeated));
            ulong numeric = 0;
            var count = selfClosing ? 0 : ReadCells(_lastRow + _pendingEmpty + 1, ref numeric);
            if (count == 0)
            {
                // Empty rows are emitted only when data follows them: trailing ones are formatting.
                _pendingEmpty += repeat;
                continue;
            }

            _emptyToEmit = _pendingEmpty;
            _pendingEmpty = 0;
            _repeatsToEmit = repeat;
            _count = count;
            _numeric = numeric;
        }
    }

    /// <summary>Reads the root element's tag and the prefixes it declares for the namespaces read.</summary>
    private void ReadRoot()
    {
        var tag = ReadTag(out var selfClosing, out var end);
        if (tag.IsEmpty || end)
        {
            throw Malformed("Root element is missing");
        }

        string? table = null, office = null, text = null;
        var rest = tag[LocalNameEnd(tag)..];
        while (NextAttribute(ref rest, out var attribute, out var value))
        {
            string? prefix = attribute.SequenceEqual("xmlns"u8) ? string.Empty
                : attribute.StartsWith("xmlns:"u8) ? Encoding.UTF8.GetString(attribute[6..])
                : null;
            if (prefix is null)
            {
                continue;
            }

            switch (AttributeText(value, null))
            {
                case TableNs:
                    table ??= prefix;
                    break;
                case OfficeNs:
                    office ??= prefix;
                    break;
                case TextNs:
                    text ??= prefix;
                    break;
            }
        }

        if (table is null)
        {
            throw Malformed("the root element does not declare the OpenDocument table namespace");
        }

        _table = Name(table, "table");
        _row = Name(table, "table-row");
        _cell = Name(table, "table-cell");
        _coveredCell = Name(table, "covered-table-cell");
        _p = Name(text, "p");
        _s = Name(text, "s");
        _tab = Name(text, "tab");
        _lineBreak = Name(text, "line-break");
        _annotation = Name(office, "annotation");

        // Attributes in a namespace always have a prefix.
        _name = AttributeName(table, "name");
        _rowsRepeated = AttributeName(table, "number-rows-repeated");
        _columnsRepeated = AttributeName(table, "number-columns-repeated");
        _valueType = AttributeName(office, "value-type");
        _officeValue = AttributeName(office, "value");
        _spaceCount = AttributeName(text, "c");
        _pOpen = [(byte)'<', .. _p, (byte)'>'];
        _pClose = [(byte)'<', (byte)'/', .. _p, (byte)'>'];
        _cellClose = [(byte)'<', (byte)'/', .. _cell, (byte)'>'];
        _rowClose = [(byte)'<', (byte)'/', .. _row, (byte)'>'];
        _pHash = Hash(LocalName(_p));
        _cellOpen = [(byte)'<', .. _cell];
        _valueTypeIs = [.. _valueType, (byte)'=', (byte)'"'];
        _officeValueIs = [.. _officeValue, (byte)'=', (byte)'"'];
        _columnsRepeatedIs = [.. _columnsRepeated, (byte)'=', (byte)'"'];
        _paragraphCellClose = [.. _pClose, .. _cellClose];
        if (!selfClosing)
        {
            _open.Push(Hash(LocalName(tag)));
        }

        // A namespace the root does not declare matches no name ("\0" is in no tag).
        static byte[] Name(string? prefix, string local)
            => prefix is null ? "\0"u8.ToArray() : Encoding.UTF8.GetBytes(prefix.Length == 0 ? local : prefix + ":" + local);

        static byte[] AttributeName(string? prefix, string local)
            => string.IsNullOrEmpty(prefix) ? "\0"u8.ToArray() : Encoding.UTF8.GetBytes(prefix + ":" + local);
    }

    /// <summary>Reads the cells of the open row element up to its end tag; returns the count up to the last cell with a value.</summary>
    private int ReadCells(long row, ref ulong numeric)
    {
        var depth = _open.Count;
        var column = 0;
        var last = 0;
        while (true)
        {
            // LibreOffice's own layout first: "</table:table-row>" straight after the last cell.
            if (_open.Count == depth && TryConsume(_rowClose))
            {
                return last;
            }

            if (!TryLayoutCell(row, column, out var value, out var repeat, out var isNumber))
            {
                var tag = ReadTagInside("a row", row, out var local, out var selfClosing, out var end);
                if (end)
                {
                    if (_open.Count > depth)
                    {
                        Close(local);
                        continue;
                    }

                    if (!QualifiedName(tag).SequenceEqual(_row))
                    {
                        throw Malformed($"the end tag </{Shorten(tag)}> closes a row", row);
                    }

                    return last;
                }

                var qualified = QualifiedName(tag);
                if (!qualified.SequenceEqual(_cell) && !qualified.SequenceEqual(_coveredCell))
                {
                    if (!selfClosing)
                    {
                        _open.Push(Hash(local));
                    }

                    continue;
                }

                value = ReadCell(tag, selfClosing, row, column, out repeat, out isNumber);
            }

            if (value is null)
            {
                column = (int)Math.Min((long)column + repeat, MaxColumns + 1);
                continue;
            }

            if (column >= MaxColumns)
            {
                throw new ImportFormatException(new ImportLocation(_file, _sheet, row, null),
                    string.Create(CultureInfo.InvariantCulture, $"a cell has a value beyond column {MaxColumns:N0}, the last a sheet can have."));
            }

            for (var r = 0; r < Math.Min(repeat, MaxRepeat) && column < MaxColumns; r++)
            {
                if (column >= _cells.Length)
                {
                    Array.Resize(ref _cells, Math.Max(_cells.Length * 2, column + 1));
                }

                // The empty cells skipped before this one.
                for (var i = last; i < column; i++)
                {
                    _cells[i] = null;
                }

                if (isNumber && column < 64)
                {
                    numeric |= 1UL << column;
                }

                _cells[column++] = value;
                last = column;
            }
        }
    }

    /// <summary>
    /// Reads a cell in LibreOffice's own layout when the buffer holds it whole: <c>&lt;table:table-cell</c>, attributes
    /// in double quotes separated by one space and holding no entity, then "/&gt;", or "&gt;" and either the end tag or
    /// one paragraph of plain text (no markup, entity or carriage return) and the end tags. False, with nothing
    /// consumed, for any other layout (read by the general path).
    /// </summary>
    private bool TryLayoutCell(long row, int column, out string? value, out int repeat, out bool isNumber)
    {
        value = null;
        repeat = 1;
        isNumber = false;
        var span = _buffer.AsSpan(_pos, _end - _pos);
        var i = _cellOpen.Length;
        if (span.Length <= i || !span.StartsWith(_cellOpen) || span[i] is not ((byte)' ' or (byte)'>' or (byte)'/'))
        {
            return false;
        }

        ReadOnlySpan<byte> type = default, number = default, repeated = default;
        var hasNumber = false;
        bool selfClosing;
        while (true)
        {
            if (i >= span.Length)
            {
                return false;
            }

            var b = span[i];
            if (b == '>')
            {
                i++;
                selfClosing = false;
                break;
            }

            if (b == '/')
            {
                if (i + 1 >= span.Length || span[i + 1] != '>')
                {
                    return false;
                }

                i += 2;
                selfClosing = true;
                break;
            }

            if (b != ' ')
            {
                return false;
            }

            // One attribute: ' name="value"', the three read recognised by their names, any other passed over.
            var rest = span[++i..];
            var which = 0;
            if (rest.StartsWith(_valueTypeIs))
            {
                which = 1;
                i += _valueTypeIs.Length;
            }
            else if (rest.StartsWith(_officeValueIs))
            {
                which = 2;
                i += _officeValueIs.Length;
            }
            else if (rest.StartsWith(_columnsRepeatedIs))
            {
                which = 3;
                i += _columnsRepeatedIs.Length;
            }
            else
            {
                var equals = rest.IndexOf("=\""u8);
                if (equals <= 0 || rest[..equals].IndexOfAny(NotInName) >= 0)
                {
                    return false;
                }

                i += equals + 2;
            }

            var close = span[i..].IndexOf((byte)'"');
            if (close < 0)
            {
                return false;
            }

            var raw = span.Slice(i, close);
            i += close + 1;
            if (which != 0 && raw.IndexOf((byte)'&') >= 0)
            {
                return false;
            }

            switch (which)
            {
                case 1:
                    type = raw;
                    break;
                case 2:
                    number = raw;
                    hasNumber = true;
                    break;
                case 3:
                    repeated = raw;
                    break;
            }
        }

        ReadOnlySpan<byte> text = default;
        if (!selfClosing)
        {
            var content = span[i..];
            if (content.StartsWith(_cellClose))
            {
                i += _cellClose.Length;
            }
            else if (content.StartsWith(_pOpen))
            {
                content = content[_pOpen.Length..];
                var stop = content.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
                if (stop < 0 || content[stop] != '<' || !content[stop..].StartsWith(_paragraphCellClose))
                {
                    return false;
                }

                text = content[..stop];
                i += _pOpen.Length + stop + _paragraphCellClose.Length;
            }
            else
            {
                return false;
            }
        }

        repeat = Repeat(repeated);
        isNumber = hasNumber && IsNumberType(type);
        if (isNumber)
        {
            value = SmallNumber(number) ?? AttributeText(number, row);

            // The text is bounded for a number too (its value is its office:value): more bytes than the limit may be too many characters.
            if (text.Length > _maxCell)
            {
                Decode(text, _maxCell, row, column);
            }
        }
        else
        {
            value = column < RememberedColumns ? SameAsAbove(column, text, row) : Decode(text, _maxCell, row, column);
        }

        _pos += i;
        return true;
    }

    /// <summary>
    /// The text of a cell of one of the first columns, the string of an earlier cell of the column when the bytes are
    /// the same (the published grid repeats its year, force and offence row after row, and cycles through a few
    /// outcome descriptions): no decoding, hashing of characters or allocation. Each column keeps the last text of
    /// each of <see cref="TextsPerColumn"/> slots, chosen by the length and the first and last bytes.
    /// </summary>
    private string? SameAsAbove(int column, ReadOnlySpan<byte> text, long row)
    {
        if (text.IsEmpty || text.Length > 256)
        {
            return Decode(text, _maxCell, row, column);
        }

        var mix = (uint)text.Length * 0x9E3779B1u;
        mix ^= text.Length >= 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(text) : text[0];
        mix ^= (text.Length >= 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(text[^4..]) : text[^1]) * 0x85EBCA6Bu;
        ref var slot = ref _above[(column * TextsPerColumn) + (int)((mix ^ (mix >> 15)) % TextsPerColumn)];
        if (slot.Text is not null && text.SequenceEqual(slot.Bytes.AsSpan(0, slot.Length)))
        {
            return slot.Text;
        }

        var value = Decode(text, _maxCell, row, column);
        if (slot.Bytes is null || slot.Bytes.Length < text.Length)
        {
            slot.Bytes = new byte[Math.Max(text.Length, 32)];
        }

        text.CopyTo(slot.Bytes);
        slot.Length = text.Length;
        slot.Text = value;
        return value;
    }

    private struct Above
    {
        public byte[] Bytes;
        public int Length;
        public string? Text;
    }

    private static bool IsNumberType(ReadOnlySpan<byte> type)
        => type.SequenceEqual("float"u8) || type.SequenceEqual("percentage"u8) || type.SequenceEqual("currency"u8);

    /// <summary>Reads the cell whose tag was just read (to its end tag unless self-closing); its value, or null when it has none.</summary>
    private string? ReadCell(ReadOnlySpan<byte> tag, bool selfClosing, long row, int column, out int repeat, out bool isNumber)
    {
        ReadOnlySpan<byte> repeated = default, type = default, number = default;
        var hasNumber = false;
        var rest = tag[LocalNameEnd(tag)..];
        while (NextAttribute(ref rest, out var attribute, out var raw))
        {
            if (attribute.SequenceEqual(_valueType))
            {
                type = raw;
            }
            else if (attribute.SequenceEqual(_officeValue))
            {
                number = raw;
                hasNumber = true;
            }
            else if (attribute.SequenceEqual(_columnsRepeated))
            {
                repeated = raw;
            }
        }

        repeat = Repeat(repeated);
        isNumber = hasNumber && (IsNumberType(type) || (type.IndexOf((byte)'&') >= 0 && IsNumberType(Encoding.UTF8.GetBytes(AttributeText(type, row)))));
        var value = isNumber ? AttributeText(number, row) : null;
        if (selfClosing)
        {
            return value;
        }

        // The text is read (and bounded) for a number too: a number's value is its office:value.
        var added = ReadCellText(row, column);
        return value ?? (_valueLength == 0 ? null : Text(row, column, added));
    }

    /// <summary>
    /// Reads the open cell element's content to its end tag into the value; returns how many characters were added
    /// without a check of the cell limit (the line feeds between paragraphs and the tabs after the last text).
    /// </summary>
    private int ReadCellText(long row, int column)
    {
        _valueLength = 0;
        var depth = _open.Count;
        var paragraphs = 0;
        var uncounted = 0;
        while (true)
        {
            // Text counts once the first paragraph has started, wherever it is in the cell.
            var before = _valueLength;
            TextToTag(row, column, append: paragraphs > 0);
            if (_valueLength > before)
            {
                uncounted = 0;
            }

            // LibreOffice's own layout first: "<text:p>…</text:p></table:table-cell>".
            if (_open.Count == depth && TryConsume(_cellClose))
            {
                return uncounted;
            }

            if (TryConsume(_pOpen))
            {
                if (paragraphs++ > 0)
                {
                    Append("\n"u8, row, column);
                    uncounted++;
                }

                _open.Push(_pHash);
                continue;
            }

            if (_open.Count > depth && TryConsume(_pClose))
            {
                Close(LocalName(_p));
                continue;
            }

            if (SkipMarkup())
            {
                continue;
            }

            var tag = ReadTagInside("a cell", row, out var local, out var selfClosing, out var end);
            if (end)
            {
                if (_open.Count > depth)
                {
                    Close(local);
                    continue;
                }

                var closing = QualifiedName(tag);
                if (!closing.SequenceEqual(_cell) && !closing.SequenceEqual(_coveredCell))
                {
                    throw Malformed($"the end tag </{Shorten(tag)}> closes a cell", row);
                }

                return uncounted;
            }

            var name = QualifiedName(tag);
            if (name.SequenceEqual(_p))
            {
                if (paragraphs++ > 0)
                {
                    Append("\n"u8, row, column);
                    uncounted++;
                }
            }
            else if (name.SequenceEqual(_s))
            {
                var spaces = Repeat(AttributeValue(tag, _spaceCount));
                if (_valueLength + (long)spaces > _maxCell * 3L)
                {
                    throw TooLong(row, column, null);
                }

                for (; spaces > 0; spaces -= Math.Min(spaces, Spaces.Length))
                {
                    Append(Spaces.AsSpan(0, Math.Min(spaces, Spaces.Length)), row, column);
                }

                uncounted = 0;
            }
            else if (name.SequenceEqual(_tab))
            {
                Append("\t"u8, row, column);
                uncounted++;
            }
            else if (name.SequenceEqual(_lineBreak))
            {
                Append("\n"u8, row, column);
                uncounted++;
            }
            else if (name.SequenceEqual(_annotation) && !selfClosing)
            {
                // A comment attached to the cell: not part of its value.
                SkipContent(local);
                continue;
            }

            if (!selfClosing)
            {
                _open.Push(Hash(local));
            }
        }
    }

    /// <summary>At a "&lt;": passes over a comment, processing instruction or CDATA section there and returns true.</summary>
    private bool SkipMarkup()
    {
        if (!Fill(2) || _buffer[_pos + 1] is not ((byte)'!' or (byte)'?'))
        {
            return false;
        }

        Fill(9);
        var rest = _buffer.AsSpan(_pos, _end - _pos);
        if (rest.StartsWith("<!--"u8))
        {
            SkipPast("-->"u8, "a comment");
        }
        else if (rest.StartsWith("<?"u8))
        {
            SkipPast("?>"u8, "a processing instruction");
        }
        else if (rest.StartsWith("<![CDATA["u8))
        {
            SkipPast("]]>"u8, "a CDATA section");
        }
        else
        {
            // ReadTag refuses it.
            return false;
        }

        return true;
    }

    /// <summary>A repeat count: a positive whole number as written (digits only), else 1.</summary>
    private static int Repeat(ReadOnlySpan<byte> value)
        => Utf8Parser.TryParse(value, out int n, out var used) && used == value.Length && n > 0 && value[0] is >= (byte)'0' and <= (byte)'9' ? n : 1;

    /// <summary>The tag's qualified name ("table:table-cell").</summary>
    private static ReadOnlySpan<byte> QualifiedName(ReadOnlySpan<byte> tag) => tag[..LocalNameEnd(tag)];

    /// <summary>The raw value of a (prefixed) attribute of a tag, or empty when it has none.</summary>
    private ReadOnlySpan<byte> AttributeValue(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
        => TryAttribute(tag, name, out var value) ? value : default;
}
