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
internal sealed class XlsxSheetScanner : XmlByteScanner
{
    private const int MaxColumns = 16_384;

    private readonly string?[] _sharedStrings;
    private readonly SheetColumns _columns;

    private bool _started;
    private bool _rootSeen;
    private bool _inSheetData;
    private bool _finished;

    private string?[] _cells = new string?[16];
    private long _blankRows;

    public XlsxSheetScanner(Stream stream, string file, string sheet, string?[] sharedStrings, int maxCell, SheetColumns columns)
        : base(stream, file, sheet, maxCell)
    {
        _sharedStrings = sharedStrings;
        _columns = columns;
    }

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
            _started = true;
            Start("xlsx");
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
            if (digits.Length == value.Length && SmallNumber(value) is { } small)
            {
                return small;
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

}
