using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Xml;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the rows of one xlsx worksheet from its XML bytes as they inflate, with span searches instead of an XML
/// parser: one buffer of the part (64 KiB, grown only for a tag longer than that, up to 1 MiB), one row of cells.
/// It reads what SpreadsheetML puts in <c>sheetData</c> — rows (<c>r</c> optional; a row number that skips is as many
/// empty rows), cells (<c>r</c> optional; a reference that skips columns leaves them empty), the value types
/// <c>t="s"</c> (the shared strings), <c>t="inlineStr"</c> (<c>&lt;is&gt;</c> with <c>&lt;t&gt;</c> or rich-text runs
/// <c>&lt;r&gt;&lt;t&gt;</c>; phonetic runs left out), <c>t="str"</c>, <c>t="n"</c> or none (numbers, in the invariant
/// form of <see cref="CellText"/>, flagged in <see cref="SheetRow.Numeric"/>), <c>t="b"</c> (TRUE/FALSE), <c>t="e"</c>
/// (the error text, such as #N/A) and <c>t="d"</c> (the ISO text); formulas are passed over for their cached values.
/// Text may hold the five XML entities, character references and CDATA sections; line ends are normalised as XML does.
/// Element prefixes (<c>x:row</c>) are allowed; comments and processing instructions are skipped; a document type
/// declaration is refused. Past the header (<see cref="SheetColumns.Limit"/>) cells right of the table are not decoded.
/// </summary>
/// <remarks>
/// Malformed XML (a tag left open, an end tag that does not match, an unknown entity, the part ending inside a row)
/// throws <see cref="XmlException"/> naming the sheet and row, which the sheet reader turns into a whole-file format
/// error; bad references to data (a shared string that does not exist, a column beyond XFD) throw a located
/// <see cref="ImportFormatException"/>; a value longer than the cell limit an <see cref="ImportLimitException"/>,
/// refused before more than three times the limit in bytes is buffered.
/// </remarks>
internal sealed class XlsxSheetScanner : IDisposable
{
    private const int InitialBuffer = 1 << 16;
    private const int MaxTagBytes = 1 << 20;
    private const int MaxColumns = 16_384;
    private const int MaxCachedTexts = 8_192;
    private const int MaxCachedLength = 64;

    /// <summary>"0" to "999": most counts of the published grid are small (most are 0).</summary>
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 1000).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _file;
    private readonly string _sheet;
    private readonly string?[] _sharedStrings;
    private readonly int _maxCell;
    private readonly SheetColumns _columns;
    private readonly SpanCache<string> _texts = new();

    private byte[] _buffer = new byte[InitialBuffer];
    private int _pos;
    private int _end;
    private bool _eof;

    private byte[] _value = new byte[256];
    private int _valueLength;
    private char[] _chars = new char[256];

    private readonly Stack<int> _open = new();
    private bool _started;
    private bool _rootSeen;
    private bool _inSheetData;
    private bool _finished;

    private string?[] _cells = new string?[16];
    private long _lastRow;
    private long _blankRows;

    public XlsxSheetScanner(Stream stream, string file, string sheet, string?[] sharedStrings, int maxCell, SheetColumns columns)
    {
        _stream = stream;
        _file = file;
        _sheet = sheet;
        _sharedStrings = sharedStrings;
        _maxCell = maxCell;
        _columns = columns;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>The next row (empty rows of a skipped row number included), or false after the last.</summary>
    public bool Next(out SheetRow row)
    {
        if (_blankRows > 0)
        {
            _blankRows--;
            row = new SheetRow(++_lastRow, _cells, 0);
            return true;
        }

        if (_pendingRow is { } pending)
        {
            _pendingRow = null;
            _lastRow = pending.Number;
            row = new SheetRow(pending.Number, _cells, pending.Count, pending.Numeric);
            return true;
        }

        if (!_started)
        {
            Start();
        }

        while (!_finished)
        {
            var tag = ReadTag(out var selfClosing, out var end);
            if (tag.IsEmpty)
            {
                if (_inSheetData || _open.Count > 0)
                {
                    throw Malformed("the XML ends before the sheet's end");
                }

                if (!_rootSeen)
                {
                    throw Malformed("Root element is missing");
                }

                _finished = true;
                break;
            }

            var local = LocalName(tag);
            if (end)
            {
                Close(local);
                if (_inSheetData && local.SequenceEqual("sheetData"u8))
                {
                    // Nothing after the sheet's data is needed.
                    _inSheetData = false;
                    _finished = true;
                }

                continue;
            }

            if (!_inSheetData)
            {
                _rootSeen = true;
                if (local.SequenceEqual("sheetData"u8) && !selfClosing)
                {
                    _inSheetData = true;
                    _open.Push(Hash(local));
                }
                else if (!selfClosing)
                {
                    _open.Push(Hash(local));
                }

                continue;
            }

            if (!local.SequenceEqual("row"u8))
            {
                if (!selfClosing)
                {
                    SkipContent(local);
                }

                continue;
            }

            var number = RowNumber(tag);
            var count = 0;
            ulong numeric = 0;
            if (!selfClosing)
            {
                count = ReadCells(number, ref numeric);
            }

            _blankRows = number - _lastRow - 1;
            if (_blankRows > 0)
            {
                // The row is read already; the empty rows before it come first, then it, from the pending state.
                _pendingRow = (number, count, numeric);
                _blankRows--;
                row = new SheetRow(++_lastRow, _cells, 0);
                return true;
            }

            _lastRow = number;
            row = new SheetRow(number, _cells, count, numeric);
            return true;
        }

        row = default;
        return false;
    }

    private (long Number, int Count, ulong Numeric)? _pendingRow;

    /// <summary>Skips a byte order mark and refuses UTF-16 (Excel writes UTF-8; so does every writer seen).</summary>
    private void Start()
    {
        _started = true;
        Fill(4);
        var head = _buffer.AsSpan(_pos, _end - _pos);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos += 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || (head.Length >= 2 && (head[0] == 0 || head[1] == 0)))
        {
            throw Malformed("the sheet's XML is not UTF-8 (UTF-16?); save the workbook again as xlsx");
        }
    }

    // ---- Rows and cells ----

    /// <summary>The row number of a row tag: its r attribute, or the one after the last.</summary>
    private long RowNumber(ReadOnlySpan<byte> tag)
    {
        var r = Attribute(tag, "r"u8);
        if (r.IsEmpty)
        {
            return _lastRow + 1;
        }

        if (!Utf8Parser.TryParse(r, out long number, out var used) || used != r.Length || number < 1 || number > (1L << 40))
        {
            throw Malformed($"the row number '{Shorten(r)}' is not a row number", _lastRow + 1);
        }

        if (number <= _lastRow)
        {
            throw Malformed($"row {number} comes after row {_lastRow}", number);
        }

        return number;
    }

    /// <summary>Reads the cells of the open row element up to its end tag; returns the count up to its last value.</summary>
    private int ReadCells(long row, ref ulong numeric)
    {
        var last = 0;
        var column = -1;
        while (true)
        {
            // Excel's own layout first: "</row>" straight after the last cell.
            if (TryConsume("</row>"u8))
            {
                return last;
            }

            var tag = ReadTagInside("a row", row, out var local, out var selfClosing, out var end);
            if (end)
            {
                if (!local.SequenceEqual("row"u8))
                {
                    throw Malformed($"the end tag </{Shorten(tag)}> closes a row", row);
                }

                return last;
            }

            if (!local.SequenceEqual("c"u8))
            {
                if (!selfClosing)
                {
                    SkipContent(local);
                }

                continue;
            }

            CellAttributes(tag, out var reference, out var type);
            column = CellColumn(reference, column, row);
            if (selfClosing)
            {
                continue;
            }

            if (column >= _columns.Limit)
            {
                SkipContent(local);
                continue;
            }

            var value = ReadCell(type, row, column, out var isNumber);
            if (value is null)
            {
                continue;
            }

            if (column >= _cells.Length)
            {
                Array.Resize(ref _cells, Math.Min(MaxColumns, Math.Max(_cells.Length * 2, column + 1)));
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

            _cells[column] = value;
            last = column + 1;
        }
    }

    /// <summary>The 0-based column of a cell tag: from its reference ("C5"), or the one after the last.</summary>
    private int CellColumn(ReadOnlySpan<byte> r, int previous, long row)
    {
        if (r.IsEmpty)
        {
            return CheckColumn(previous + 1, previous, row, r);
        }

        var column = 0;
        var i = 0;
        for (; i < r.Length && (uint)(r[i] - 'A') < 26; i++)
        {
            column = (column * 26) + (r[i] - 'A' + 1);
            if (column > MaxColumns)
            {
                throw new ImportFormatException(new ImportLocation(_file, _sheet, row, null),
                    string.Create(CultureInfo.InvariantCulture, $"the cell reference '{Shorten(r)}' is beyond column XFD ({MaxColumns:N0}), the last a sheet can have."));
            }
        }

        var digits = r[i..];
        if (i == 0 || (digits.Length > 0 && (digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0 || digits[0] == '0')))
        {
            throw Malformed($"the cell reference '{Shorten(r)}' is not a reference", row);
        }

        return CheckColumn(column - 1, previous, row, r);
    }

    private int CheckColumn(int column, int previous, long row, ReadOnlySpan<byte> reference)
    {
        if (column >= MaxColumns)
        {
            throw new ImportFormatException(new ImportLocation(_file, _sheet, row, null),
                string.Create(CultureInfo.InvariantCulture, $"a cell has a value beyond column {MaxColumns:N0}, the last a sheet can have."));
        }

        if (column <= previous)
        {
            throw Malformed($"the cell '{Shorten(reference)}' comes after a cell of its column or one to its right", row);
        }

        return column;
    }

    /// <summary>Reads the open cell element to its end tag; its value as text, or null when it has none.</summary>
    private string? ReadCell(ReadOnlySpan<byte> type, long row, int column, out bool isNumber)
    {
        isNumber = false;
        var kind = type.IsEmpty || type.SequenceEqual("n"u8) ? 'n'
            : type.SequenceEqual("s"u8) ? 's'
            : type.SequenceEqual("inlineStr"u8) ? 'i'
            : type.SequenceEqual("str"u8) ? 't'
            : type.SequenceEqual("b"u8) ? 'b'
            : type.SequenceEqual("e"u8) ? 'e'
            : type.SequenceEqual("d"u8) ? 'd'
            : throw Malformed($"the cell type '{Shorten(type)}' is not a cell type", row);
        var hasValue = false;
        var inline = false;
        _valueLength = 0;
        while (true)
        {
            // Excel's own layout first: "<v>value</v></c>".
            if (TryConsume("</c>"u8))
            {
                break;
            }

            if (kind != 'i' && TryConsume("<v>"u8))
            {
                _valueLength = 0;
                hasValue = true;
                var available = _buffer.AsSpan(_pos, _end - _pos);
                var stop = available.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
                if (stop >= 0 && available[stop] == '<' && available[stop..].StartsWith("</v>"u8))
                {
                    Append(available[..stop], row, column);
                    _pos += stop + 4;
                }
                else
                {
                    ReadText("v"u8, row, column);
                }

                continue;
            }

            var tag = ReadTagInside("a cell", row, out var local, out var selfClosing, out var end);
            if (end)
            {
                if (!local.SequenceEqual("c"u8))
                {
                    throw Malformed($"the end tag </{Shorten(tag)}> closes a cell", row);
                }

                break;
            }

            if (selfClosing)
            {
                continue;
            }

            if (local.SequenceEqual("v"u8) && kind != 'i')
            {
                _valueLength = 0;
                ReadText("v"u8, row, column);
                hasValue = true;
            }
            else if (local.SequenceEqual("is"u8) && kind == 'i')
            {
                inline = true;
                _valueLength = 0;
                ReadInline(row, column);
            }
            else
            {
                // A formula (its cached value is the <v>), extensions.
                SkipContent(local);
            }
        }

        if (kind == 'i')
        {
            return inline ? Text(row, column) : null;
        }

        if (!hasValue)
        {
            return null;
        }

        var value = _value.AsSpan(0, _valueLength);
        switch (kind)
        {
            case 's':
                if (!Utf8Parser.TryParse(value, out int index, out var used) || used != value.Length || index < 0)
                {
                    throw new ImportFormatException(new ImportLocation(_file, _sheet, row, null),
                        $"cell {column + 1} of the row refers to the shared string '{Shorten(value)}', which is not an index.");
                }

                if (index >= _sharedStrings.Length)
                {
                    throw new ImportFormatException(new ImportLocation(_file, _sheet, row, null),
                        string.Create(CultureInfo.InvariantCulture, $"cell {column + 1} of the row refers to shared string {index:N0}, and the workbook's table has {_sharedStrings.Length:N0}."));
                }

                return _sharedStrings[index];
            case 'n':
                return Number(value, row, column, out isNumber);
            case 'b':
                return value.SequenceEqual("1"u8) ? "TRUE" : value.SequenceEqual("0"u8) ? "FALSE" : Text(row, column);
            default:
                return Text(row, column);
        }
    }

    /// <summary>
    /// A number's text: a whole number as written (without a leading zero, as <see cref="CellText"/> gives it), any
    /// other in the invariant form of the double it is; a value that is not a number stays the text it is.
    /// </summary>
    private string? Number(ReadOnlySpan<byte> value, long row, int column, out bool isNumber)
    {
        isNumber = true;
        var digits = value.Length > 0 && value[0] == '-' ? value[1..] : value;
        if (digits.Length is > 0 and <= 15 && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 && (digits[0] != '0' || (digits.Length == 1 && digits.Length == value.Length)))
        {
            if (digits.Length == value.Length && digits.Length <= 3)
            {
                var small = 0;
                foreach (var digit in digits)
                {
                    small = (small * 10) + (digit - '0');
                }

                return SmallNumbers[small];
            }

            return Text(row, column);
        }

        var text = Text(row, column);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return CellText.Of(number);
        }

        isNumber = false;
        return text;
    }

    /// <summary>Reads an inline string's content (the open is element): its t elements and the t elements of its runs.</summary>
    private void ReadInline(long row, int column)
    {
        while (true)
        {
            var tag = ReadTagInside("a cell", row, out var local, out var selfClosing, out var end);
            if (end)
            {
                if (local.SequenceEqual("is"u8))
                {
                    return;
                }

                if (local.SequenceEqual("r"u8))
                {
                    continue;
                }

                throw Malformed($"the end tag </{Shorten(tag)}> closes an inline string", row);
            }

            if (selfClosing)
            {
                continue;
            }

            if (local.SequenceEqual("t"u8))
            {
                ReadText("t"u8, row, column);
            }
            else if (!local.SequenceEqual("r"u8))
            {
                // Phonetic runs (rPh), run properties (rPr): not part of the text.
                SkipContent(local);
            }
        }
    }

    // ---- Text ----

    /// <summary>Appends the text of the open element (named <paramref name="name"/>) to the value, up to its end tag.</summary>
    private void ReadText(ReadOnlySpan<byte> name, long row, int column)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_pos, _end - _pos);
            var lt = available.IndexOf((byte)'<');
            if (lt < 0)
            {
                // Keep an entity, or a carriage return before a line feed, that the buffer's end may cut for the next fill.
                var amp = available.LastIndexOf((byte)'&');
                var keep = amp >= 0 && available.Length - amp <= 12 && available[amp..].IndexOf((byte)';') < 0 ? available.Length - amp
                    : available.Length > 0 && available[^1] == '\r' ? 1 : 0;
                AppendText(available[..^keep], row, column);
                _pos += available.Length - keep;
                if (!Fill(_end - _pos + 1))
                {
                    throw Malformed("the XML ends inside a cell", row);
                }

                continue;
            }

            AppendText(available[..lt], row, column);
            _pos += lt;
            Fill(12);
            var rest = _buffer.AsSpan(_pos, _end - _pos);
            if (rest.StartsWith("<![CDATA["u8))
            {
                _pos += 9;
                ReadCData(row, column);
                continue;
            }

            var tag = ReadTagInside("a cell", row, out var local, out var selfClosing, out var end);
            if (end)
            {
                if (!local.SequenceEqual(name))
                {
                    throw Malformed($"the end tag </{Shorten(tag)}> closes <{Encoding.UTF8.GetString(name)}>", row);
                }

                return;
            }

            if (!selfClosing)
            {
                SkipContent(local);
            }
        }
    }

    private void ReadCData(long row, int column)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_pos, _end - _pos);
            var close = available.IndexOf("]]>"u8);
            if (close >= 0)
            {
                AppendRaw(available[..close], row, column);
                _pos += close + 3;
                return;
            }

            var keep = Math.Min(2, available.Length);
            AppendRaw(available[..^keep], row, column);
            _pos += available.Length - keep;
            if (!Fill(_end - _pos + 1))
            {
                throw Malformed("the XML ends inside a CDATA section", row);
            }
        }
    }

    /// <summary>Appends text with its entities and character references expanded and its line ends normalised.</summary>
    private void AppendText(ReadOnlySpan<byte> text, long row, int column)
    {
        Span<byte> expanded = stackalloc byte[4];
        while (!text.IsEmpty)
        {
            var amp = text.IndexOf((byte)'&');
            if (amp < 0)
            {
                AppendRaw(text, row, column);
                return;
            }

            AppendRaw(text[..amp], row, column);
            text = text[(amp + 1)..];
            var semicolon = text.IndexOf((byte)';');
            if (semicolon < 0 || semicolon > 10)
            {
                throw Malformed("a '&' starts no entity", row);
            }

            var entity = text[..semicolon];
            text = text[(semicolon + 1)..];
            var length = 1;
            if (entity.SequenceEqual("amp"u8))
            {
                expanded[0] = (byte)'&';
            }
            else if (entity.SequenceEqual("lt"u8))
            {
                expanded[0] = (byte)'<';
            }
            else if (entity.SequenceEqual("gt"u8))
            {
                expanded[0] = (byte)'>';
            }
            else if (entity.SequenceEqual("quot"u8))
            {
                expanded[0] = (byte)'"';
            }
            else if (entity.SequenceEqual("apos"u8))
            {
                expanded[0] = (byte)'\'';
            }
            else if (entity.Length > 1 && entity[0] == '#')
            {
                var hex = entity[1] == 'x';
                var digits = entity[(hex ? 2 : 1)..];
                if (!Utf8Parser.TryParse(digits, out uint code, out var used, hex ? 'x' : default) || used != digits.Length || digits.IsEmpty
                    || !IsXmlChar(code))
                {
                    throw Malformed($"'&{Shorten(entity)};' is not a character XML allows", row);
                }

                length = new Rune(code).EncodeToUtf8(expanded);
            }
            else
            {
                throw Malformed($"the entity '&{Shorten(entity)};' is not defined", row);
            }

            // A character reference is taken as written (no line-end normalisation).
            Append(expanded[..length], row, column);
        }
    }

    private static bool IsXmlChar(uint code)
        => code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>Appends literal text, carriage returns normalised to line feeds ("\r\n" and "\r" become "\n").</summary>
    private void AppendRaw(ReadOnlySpan<byte> text, long row, int column)
    {
        var cr = text.IndexOf((byte)'\r');
        if (cr < 0)
        {
            Append(text, row, column);
            return;
        }

        while (cr >= 0)
        {
            Append(text[..cr], row, column);
            Append("\n"u8, row, column);
            text = text[(cr + 1)..];
            if (!text.IsEmpty && text[0] == '\n')
            {
                text = text[1..];
            }

            cr = text.IndexOf((byte)'\r');
        }

        Append(text, row, column);
    }

    private void Append(ReadOnlySpan<byte> bytes, long row, int column)
    {
        var needed = _valueLength + bytes.Length;
        if (needed > _value.Length)
        {
            // A character takes at most three bytes per UTF-16 unit: more bytes than three times the limit is too long.
            if (needed > (3L * _maxCell) + 4)
            {
                throw TooLong(row, column, null);
            }

            Array.Resize(ref _value, (int)Math.Min(Math.Max(_value.Length * 2L, needed), (3L * _maxCell) + 4));
        }

        bytes.CopyTo(_value.AsSpan(_valueLength));
        _valueLength += bytes.Length;
    }

    /// <summary>The value's text (null when empty), from the cache of short texts when it was seen before.</summary>
    private string? Text(long row, int column)
    {
        if (_valueLength == 0)
        {
            return null;
        }

        var bytes = _value.AsSpan(0, _valueLength);
        if (_chars.Length < bytes.Length)
        {
            _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
        }

        int count;
        if (Ascii.IsValid(bytes))
        {
            count = Encoding.ASCII.GetChars(bytes, _chars);
        }
        else
        {
            count = Utf8.GetChars(bytes, _chars);
        }

        if (count > _maxCell)
        {
            throw TooLong(row, column, count);
        }

        var chars = _chars.AsSpan(0, count);
        if (count > MaxCachedLength)
        {
            return new string(chars);
        }

        if (_texts.TryGet(chars, out var cached))
        {
            return cached;
        }

        var text = new string(chars);
        return _texts.Count < MaxCachedTexts ? _texts.Add(chars, text) : text;
    }

    private ImportLimitException TooLong(long row, int column, int? count)
        => new(new ImportLocation(_file, _sheet, row, null), "ImportOptions.MaxCellLength", _maxCell, count is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"cell {column + 1} of the row holds {n:N0} characters")
            : string.Create(CultureInfo.InvariantCulture, $"cell {column + 1} of the row holds more than {_maxCell:N0} characters"));

    // ---- Tags ----

    /// <summary>
    /// Reads up to the next tag, passing over the text before it, comments and processing instructions; returns the
    /// tag's name and attributes (between "&lt;" or "&lt;/" and "&gt;" or "/&gt;"), or an empty span at the part's end.
    /// </summary>
    private ReadOnlySpan<byte> ReadTag(out bool selfClosing, out bool end)
    {
        while (true)
        {
            var lt = _pos < _end && _buffer[_pos] == '<' ? 0 : _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'<');
            if (lt < 0)
            {
                _pos = _end;
                if (!Fill(1))
                {
                    selfClosing = end = false;
                    return default;
                }

                continue;
            }

            _pos += lt;
            if (!Fill(2))
            {
                throw Malformed("the XML ends inside a tag");
            }

            var next = _buffer[_pos + 1];
            if (next == '?')
            {
                SkipPast("?>"u8, "a processing instruction");
                continue;
            }

            if (next == '!')
            {
                Fill(9);
                var rest = _buffer.AsSpan(_pos, _end - _pos);
                if (rest.StartsWith("<!--"u8))
                {
                    SkipPast("-->"u8, "a comment");
                    continue;
                }

                if (rest.StartsWith("<![CDATA["u8))
                {
                    // Character data outside a value: not part of any cell.
                    SkipPast("]]>"u8, "a CDATA section");
                    continue;
                }

                throw Malformed(rest.StartsWith("<!DOCTYPE"u8) ? "a document type declaration (DTD) is not allowed in a sheet" : "'<!' starts no comment or CDATA section");
            }

            var close = TagEnd();
            end = next == '/';
            var start = _pos + (end ? 2 : 1);
            selfClosing = !end && _buffer[close - 1] == '/';
            var tag = _buffer.AsSpan(start, close - start - (selfClosing ? 1 : 0));
            _pos = close + 1;
            if (tag.IsEmpty || tag[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                throw Malformed("a tag has no name");
            }

            return tag;
        }
    }

    /// <summary>Reads the next tag inside an element (<paramref name="inside"/>, for the message), where the part may not end.</summary>
    private ReadOnlySpan<byte> ReadTagInside(string inside, long row, out ReadOnlySpan<byte> local, out bool selfClosing, out bool end)
    {
        var tag = ReadTag(out selfClosing, out end);
        if (tag.IsEmpty)
        {
            throw Malformed($"the XML ends inside {inside}", row);
        }

        local = LocalName(tag);
        return tag;
    }

    /// <summary>The index of the "&gt;" that ends the tag at the position (a "&gt;" inside a quoted attribute value does not).</summary>
    private int TagEnd()
    {
        // Tags are short: one scalar pass, jumping over quoted values.
        var i = _pos + 1;
        while (true)
        {
            for (; i < _end; i++)
            {
                var b = _buffer[i];
                if (b == '>')
                {
                    return i;
                }

                if (b is (byte)'"' or (byte)'\'')
                {
                    var closing = _buffer.AsSpan(i + 1, _end - i - 1).IndexOf(b);
                    if (closing < 0)
                    {
                        break;
                    }

                    i += closing + 1;
                }
            }

            // The tag goes past the buffer: read more (tags are short; a megabyte of one is malformed).
            if (_end - _pos >= MaxTagBytes)
            {
                throw Malformed("a tag is longer than 1 MiB");
            }

            if (!Fill(_end - _pos + 1))
            {
                throw Malformed("the XML ends inside a tag");
            }

            // Fill may have moved the data to the buffer's start; rescan from the tag's start (quotes included).
            i = _pos + 1;
        }
    }

    /// <summary>Moves past the next <paramref name="marker"/>, reading as far as needed and keeping nothing.</summary>
    private void SkipPast(ReadOnlySpan<byte> marker, string what)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_pos, _end - _pos);
            var at = available.IndexOf(marker);
            if (at >= 0)
            {
                _pos += at + marker.Length;
                return;
            }

            _pos = Math.Max(_pos, _end - (marker.Length - 1));
            if (!Fill(_end - _pos + 1))
            {
                throw Malformed($"the XML ends inside {what}");
            }
        }
    }

    /// <summary>Skips the content of the element just opened, named <paramref name="local"/>, up to its matching end tag.</summary>
    private void SkipContent(ReadOnlySpan<byte> local)
    {
        var baseDepth = _open.Count;
        _open.Push(Hash(local));
        while (_open.Count > baseDepth)
        {
            var tag = ReadTag(out var selfClosing, out var end);
            if (tag.IsEmpty)
            {
                throw Malformed("the XML ends inside an element");
            }

            var name = LocalName(tag);
            if (end)
            {
                Close(name);
            }
            else if (!selfClosing)
            {
                _open.Push(Hash(name));
            }
        }
    }

    private void Close(ReadOnlySpan<byte> local)
    {
        if (_open.Count == 0 || _open.Pop() != Hash(local))
        {
            throw Malformed($"the end tag </{Shorten(local)}> matches no open element");
        }
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.AddBytes(name);
        return hash.ToHashCode();
    }

    /// <summary>The tag's name without its prefix ("x:row" is "row").</summary>
    private static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> tag)
    {
        var start = 0;
        var i = 0;
        for (; i < tag.Length && tag[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'); i++)
        {
            if (tag[i] == ':')
            {
                start = i + 1;
            }
        }

        return tag[start..i];
    }

    /// <summary>The r and t attributes of a cell tag, in one pass over its attributes.</summary>
    private void CellAttributes(ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> reference, out ReadOnlySpan<byte> type)
    {
        reference = type = default;
        var rest = tag[LocalNameEnd(tag)..];
        while (true)
        {
            if (!NextAttribute(ref rest, out var name, out var value))
            {
                return;
            }

            if (name.Length == 1 && name[0] == 'r')
            {
                reference = Plain(value, name);
            }
            else if (name.Length == 1 && name[0] == 't')
            {
                type = Plain(value, name);
            }
        }
    }

    /// <summary>The next attribute of a tag's attribute text (name and raw value); false after the last. Scalar: attributes are short.</summary>
    private bool NextAttribute(scoped ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = value = default;
        var i = 0;
        var n = rest.Length;
        while (i < n && IsSpace(rest[i]))
        {
            i++;
        }

        if (i == n)
        {
            return false;
        }

        var nameStart = i;
        while (i < n && rest[i] != '=' && !IsSpace(rest[i]))
        {
            i++;
        }

        name = rest[nameStart..i];
        while (i < n && IsSpace(rest[i]))
        {
            i++;
        }

        if (i == n || rest[i] != '=' || name.IsEmpty)
        {
            throw Malformed("an attribute has no value");
        }

        i++;
        while (i < n && IsSpace(rest[i]))
        {
            i++;
        }

        if (i == n || rest[i] is not ((byte)'"' or (byte)'\''))
        {
            throw Malformed("an attribute value is not quoted");
        }

        var quote = rest[i];
        var valueStart = ++i;
        while (i < n && rest[i] != quote)
        {
            i++;
        }

        if (i == n)
        {
            throw Malformed("an attribute value is not closed");
        }

        value = rest[valueStart..i];
        rest = rest[(i + 1)..];
        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>A short value without the spaces around it, checked for an entity (the values read here never need one).</summary>
    private ReadOnlySpan<byte> Plain(ReadOnlySpan<byte> value, ReadOnlySpan<byte> name)
    {
        foreach (var b in value)
        {
            if (b == '&')
            {
                throw Malformed($"the attribute {Encoding.UTF8.GetString(name)}=\"{Shorten(value)}\" holds an entity");
            }
        }

        var start = 0;
        var end = value.Length;
        while (start < end && IsSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>The raw value of an unprefixed attribute of a tag, or empty when it has none.</summary>
    private ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
    {
        var rest = tag[LocalNameEnd(tag)..];
        while (true)
        {
            if (!NextAttribute(ref rest, out var attribute, out var value))
            {
                return default;
            }

            if (attribute.SequenceEqual(name))
            {
                return Plain(value, name);
            }
        }
    }

    private static int LocalNameEnd(ReadOnlySpan<byte> tag)
    {
        var i = 0;
        while (i < tag.Length && tag[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Moves past <paramref name="literal"/> if the bytes at the position are it.</summary>
    private bool TryConsume(ReadOnlySpan<byte> literal)
    {
        if (_end - _pos < literal.Length)
        {
            Fill(literal.Length);
        }

        if (_buffer.AsSpan(_pos, _end - _pos).StartsWith(literal))
        {
            _pos += literal.Length;
            return true;
        }

        return false;
    }

    // ---- Buffer ----

    /// <summary>Makes at least <paramref name="count"/> bytes available from the position; false if the part ends first.</summary>
    private bool Fill(int count)
    {
        if (_end - _pos >= count)
        {
            return true;
        }

        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _end -= _pos;
            _pos = 0;
        }

        if (count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
        }

        while (_end < count && !_eof)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        return _end - _pos >= count;
    }

    private XmlException Malformed(string what, long? row = null)
        => new(row is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"sheet '{WorkbookFile.Shorten(_sheet)}', row {r}: {what}.")
            : string.Create(CultureInfo.InvariantCulture, $"sheet '{WorkbookFile.Shorten(_sheet)}' (after row {_lastRow}): {what}."));

    private static string Shorten(ReadOnlySpan<byte> bytes) => WorkbookFile.Shorten(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 400)]));
}
