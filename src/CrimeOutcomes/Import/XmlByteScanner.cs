using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Xml;

namespace CrimeOutcomes.Import;

/// <summary>
/// The machinery shared by the span scanners of spreadsheet XML (<see cref="XlsxSheetScanner"/> for an xlsx
/// worksheet, <see cref="OdsContentScanner"/> for an OpenDocument <c>content.xml</c>): one buffer of the part as it
/// inflates (64 KiB, grown only for a tag longer than that, up to 1 MiB); tags read with their names and attributes as
/// spans, comments and processing instructions passed over, a document type declaration refused; open elements
/// tracked by name so that an end tag must match; text with the five XML entities, character references and CDATA
/// sections expanded and line ends normalised as XML does, gathered into one value buffer bounded by the cell limit
/// (refused before more than three times the limit in bytes is buffered); short texts shared through a cache.
/// </summary>
/// <remarks>
/// Malformed XML throws <see cref="XmlException"/> naming the sheet (<see cref="_sheet"/>) and the row (given, or
/// after <see cref="_lastRow"/>), which the readers turn into a whole-file format error; a value longer than the cell
/// limit throws a located <see cref="ImportLimitException"/>.
/// </remarks>
internal abstract class XmlByteScanner : IDisposable
{
    private const int InitialBuffer = 1 << 16;
    private const int MaxTagBytes = 1 << 20;
    private const int MaxCachedTexts = 8_192;
    private const int MaxCachedLength = 64;

    /// <summary>"0" to "999": most counts of the published grid are small (most are 0).</summary>
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 1000).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly SpanCache<string> _texts = new();
    private bool _eof;
    private char[] _chars = new char[256];

    /// <summary>The file's name, for messages.</summary>
    private protected readonly string _file;

    /// <summary>The sheet being read, for messages.</summary>
    private protected string _sheet;

    /// <summary>The last row read, for messages that name no row.</summary>
    private protected long _lastRow;

    private protected readonly int _maxCell;
    private protected byte[] _buffer = new byte[InitialBuffer];
    private protected int _pos;
    private protected int _end;
    private protected byte[] _value = new byte[256];
    private protected int _valueLength;
    private protected readonly Stack<int> _open = new();

    private protected XmlByteScanner(Stream stream, string file, string sheet, int maxCell)
    {
        _stream = stream;
        _file = file;
        _sheet = sheet;
        _maxCell = maxCell;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Skips a byte order mark and refuses UTF-16 (<paramref name="saveAs"/> names the format to save again as).</summary>
    private protected void Start(string saveAs)
    {
        Fill(4);
        var head = _buffer.AsSpan(_pos, _end - _pos);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos += 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || (head.Length >= 2 && (head[0] == 0 || head[1] == 0)))
        {
            throw Malformed($"the sheet's XML is not UTF-8 (UTF-16?); save the workbook again as {saveAs}");
        }
    }


    // ---- Text ----

    /// <summary>Appends the text of the open element (named <paramref name="name"/>) to the value, up to its end tag.</summary>
    private protected void ReadText(ReadOnlySpan<byte> name, long row, int column)
    {
        while (true)
        {
            TextToTag(row, column, append: true);
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

    /// <summary>
    /// Reads up to the next '&lt;' (the part may not end first), appending the text before it to the value when
    /// <paramref name="append"/>, else passing over it.
    /// </summary>
    private protected void TextToTag(long row, int column, bool append)
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
                if (append)
                {
                    AppendText(available[..^keep], row, column);
                }

                _pos += available.Length - keep;
                if (!Fill(_end - _pos + 1))
                {
                    throw Malformed("the XML ends inside a cell", row);
                }

                continue;
            }

            if (append)
            {
                AppendText(available[..lt], row, column);
            }

            _pos += lt;
            return;
        }
    }

    private protected void ReadCData(long row, int column)
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
    private protected void AppendText(ReadOnlySpan<byte> text, long row, int column)
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
            var length = Entity(ref text, expanded, row);

            // A character reference is taken as written (no line-end normalisation).
            Append(expanded[..length], row, column);
        }
    }

    /// <summary>
    /// Expands the entity or character reference after a '&amp;' at the start of <paramref name="text"/> into
    /// <paramref name="expanded"/> (four bytes), moving the text past its ';'; returns the bytes written.
    /// </summary>
    private int Entity(scoped ref ReadOnlySpan<byte> text, scoped Span<byte> expanded, long? row)
    {
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

        return length;
    }

    /// <summary>
    /// The text of an attribute's raw value as an XML parser gives it: entities and character references expanded,
    /// each literal tab, line end ("\r\n" one) and line feed a space. Not bounded by the cell limit: a tag is at most 1 MiB.
    /// </summary>
    private protected string AttributeText(ReadOnlySpan<byte> raw, long? row)
    {
        if (raw.IndexOfAny("&\t\r\n"u8) < 0)
        {
            return Decode(raw, int.MaxValue, 0, 0) ?? string.Empty;
        }

        Span<byte> expanded = stackalloc byte[4];
        var decoded = new byte[raw.Length];
        var length = 0;
        while (!raw.IsEmpty)
        {
            var b = raw[0];
            raw = raw[1..];
            if (b == '&')
            {
                var n = Entity(ref raw, expanded, row);
                expanded[..n].CopyTo(decoded.AsSpan(length));
                length += n;
                continue;
            }

            if (b == '\r' && !raw.IsEmpty && raw[0] == '\n')
            {
                raw = raw[1..];
            }

            decoded[length++] = b is (byte)'\t' or (byte)'\r' or (byte)'\n' ? (byte)' ' : b;
        }

        return Decode(decoded.AsSpan(0, length), int.MaxValue, 0, 0) ?? string.Empty;
    }

    /// <summary>The shared text of a whole number from 0 to 999 written without a leading zero, or null for any other text.</summary>
    private protected static string? SmallNumber(ReadOnlySpan<byte> value)
    {
        if (value.Length is 0 or > 3 || (value[0] == '0' && value.Length > 1))
        {
            return null;
        }

        var small = 0;
        foreach (var digit in value)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            small = (small * 10) + (digit - '0');
        }

        return SmallNumbers[small];
    }

    private protected static bool IsXmlChar(uint code)
        => code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>Appends literal text, carriage returns normalised to line feeds ("\r\n" and "\r" become "\n").</summary>
    private protected void AppendRaw(ReadOnlySpan<byte> text, long row, int column)
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

    private protected void Append(ReadOnlySpan<byte> bytes, long row, int column)
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
    /// <param name="row">The row, for the message.</param>
    /// <param name="column">The 0-based column, for the message.</param>
    /// <param name="allowance">Characters allowed beyond the cell limit (separators a reader adds unchecked).</param>
    private protected string? Text(long row, int column, int allowance = 0)
    {
        if (_valueLength == 0)
        {
            return null;
        }

        return Decode(_value.AsSpan(0, _valueLength), (int)Math.Min(int.MaxValue, (long)_maxCell + allowance), row, column);
    }

    /// <summary>UTF-8 bytes as text (null when empty), refused past <paramref name="limit"/> characters, from the cache of short texts when seen before.</summary>
    private protected string? Decode(ReadOnlySpan<byte> bytes, int limit, long row, int column)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

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

        if (count > limit)
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

    private protected ImportLimitException TooLong(long row, int column, int? count)
        => new(new ImportLocation(_file, _sheet, row, null), "ImportOptions.MaxCellLength", _maxCell, count is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"cell {column + 1} of the row holds {n:N0} characters")
            : string.Create(CultureInfo.InvariantCulture, $"cell {column + 1} of the row holds more than {_maxCell:N0} characters"));

    // ---- Tags ----

    /// <summary>
    /// Reads up to the next tag, passing over the text before it, comments and processing instructions; returns the
    /// tag's name and attributes (between "&lt;" or "&lt;/" and "&gt;" or "/&gt;"), or an empty span at the part's end.
    /// </summary>
    private protected ReadOnlySpan<byte> ReadTag(out bool selfClosing, out bool end)
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
    private protected ReadOnlySpan<byte> ReadTagInside(string inside, long row, out ReadOnlySpan<byte> local, out bool selfClosing, out bool end)
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
    private protected int TagEnd()
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
    private protected void SkipPast(ReadOnlySpan<byte> marker, string what)
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
    private protected void SkipContent(ReadOnlySpan<byte> local)
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

    private protected void Close(ReadOnlySpan<byte> local)
    {
        if (_open.Count == 0 || _open.Pop() != Hash(local))
        {
            throw Malformed($"the end tag </{Shorten(local)}> matches no open element");
        }
    }

    private protected static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.AddBytes(name);
        return hash.ToHashCode();
    }

    /// <summary>The tag's name without its prefix ("x:row" is "row").</summary>
    private protected static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> tag)
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

    /// <summary>The next attribute of a tag's attribute text (name and raw value); false after the last. Scalar: attributes are short.</summary>
    private protected bool NextAttribute(scoped ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
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

    private protected static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>A short value without the spaces around it, checked for an entity (the values read here never need one).</summary>
    private protected ReadOnlySpan<byte> Plain(ReadOnlySpan<byte> value, ReadOnlySpan<byte> name)
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

    /// <summary>The value of an unprefixed attribute of a tag, trimmed and checked (<see cref="Plain"/>), or empty when it has none.</summary>
    private protected ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
        => TryAttribute(tag, name, out var value) ? Plain(value, name) : default;

    /// <summary>Whether a tag has the attribute <paramref name="name"/> (as written, prefix included), and its raw value.</summary>
    private protected bool TryAttribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var rest = tag[LocalNameEnd(tag)..];
        while (NextAttribute(ref rest, out var attribute, out value))
        {
            if (attribute.SequenceEqual(name))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    private protected static int LocalNameEnd(ReadOnlySpan<byte> tag)
    {
        var i = 0;
        while (i < tag.Length && tag[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Moves past <paramref name="literal"/> if the bytes at the position are it.</summary>
    private protected bool TryConsume(ReadOnlySpan<byte> literal)
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
    private protected bool Fill(int count)
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

    /// <summary>A malformed-XML error naming the sheet and row; outside any sheet (no sheet name), just what is wrong.</summary>
    private protected XmlException Malformed(string what, long? row = null)
        => new(_sheet.Length == 0 ? what + "."
            : row is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"sheet '{WorkbookFile.Shorten(_sheet)}', row {r}: {what}.")
            : string.Create(CultureInfo.InvariantCulture, $"sheet '{WorkbookFile.Shorten(_sheet)}' (after row {_lastRow}): {what}."));

    private protected static string Shorten(ReadOnlySpan<byte> bytes) => WorkbookFile.Shorten(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 400)]));
}
