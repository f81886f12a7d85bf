using System.Collections;
using System.Runtime.CompilerServices;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// A text column of a <see cref="ColumnBatch"/>, held as each row's code into the column's distinct values (-1 for
/// null): a row costs an <c>int</c>, sorting moves codes (no object references, so no write barriers of the
/// collector), and the writers take the codes as their dictionary indexes instead of hashing every value again.
/// A column filled row by row encodes as it goes: a value that is the previous row's string costs a reference
/// comparison; one that is the string which followed the previous row's value the last time it was seen (published
/// tables repeat their outcome types and offences in the same order) costs another; one seen lately a slot of a small
/// cache, by reference; any other one a lookup by its text.
/// A column made from strings read back from a file holds them as they are until codes are asked for.
/// </summary>
internal sealed class TextColumn : IReadOnlyList<string?>
{
    private const int CacheBits = 8;
    private const int CacheSlots = 1 << CacheBits;

    private readonly List<string> _values = [];
    private readonly string?[] _cacheKeys = new string?[CacheSlots];
    private readonly int[] _cacheCodes = new int[CacheSlots];
    // For each code, the code of the value that followed it last (-1 when none has yet).
    private readonly List<int> _successors = [];
    private string?[]? _plain;
    private int[] _codes;
    private Dictionary<string, int>? _byText;
    private string? _last;
    private int _lastCode;

    /// <summary>An empty column of <paramref name="capacity"/> rows, encoded as it is filled.</summary>
    public TextColumn(int capacity) => _codes = new int[capacity];

    /// <summary>A column of these values (not copied), encoded when codes are first asked for.</summary>
    public TextColumn(string?[] values)
    {
        _plain = values;
        _codes = [];
    }

    /// <summary>The column's rows (its capacity: a batch uses the first <see cref="ColumnBatch.Count"/>).</summary>
    public int Count => _plain?.Length ?? _codes.Length;

    /// <summary>The distinct values the codes index, each once (told apart by ordinal comparison), in order of first appearance.</summary>
    public IReadOnlyList<string> Values
    {
        get
        {
            EnsureCoded();
            return _values;
        }
    }

    /// <summary>A row's value.</summary>
    public string? this[int row]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_plain is { } plain)
            {
                return plain[row];
            }

            var code = _codes[row];
            return code < 0 ? null : _values[code];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            if (_plain is { } plain)
            {
                plain[row] = value;
                return;
            }

            _codes[row] = Encode(value);
        }
    }

    /// <summary>The code of <paramref name="value"/> (-1 for null), given one when it is new; for a column being filled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Encode(string? value) => value is null ? -1 : ReferenceEquals(value, _last) ? _lastCode : CodeOf(value);

    /// <summary>
    /// The codes of the rows, to be set row by row with codes from <see cref="Encode"/> (the way the row writer fills a
    /// row group: a row's value is encoded once for as long as it repeats).
    /// </summary>
    public int[] CodesToFill()
    {
        EnsureCoded();
        return _codes;
    }

    /// <summary>The codes of the first <paramref name="count"/> rows into <see cref="Values"/>, -1 for null.</summary>
    public ReadOnlySpan<int> Codes(int count)
    {
        EnsureCoded();
        return _codes.AsSpan(0, count);
    }

    /// <summary>Forgets every value, to be filled again from the first row.</summary>
    public void Clear()
    {
        if (_plain is { } plain)
        {
            _codes = new int[plain.Length];
            _plain = null;
        }

        _values.Clear();
        _byText?.Clear();
        Forget();
    }

    /// <summary>Fills <paramref name="target"/> (of at least <paramref name="order"/>'s length) with this column's rows in <paramref name="order"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyPermuted(TextColumn target, ReadOnlySpan<int> order)
    {
        EnsureCoded();
        target.TakeValues(_values);
        var from = _codes;
        var to = target._codes;
        for (var i = 0; i < order.Length; i++)
        {
            to[i] = from[order[i]];
        }
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> as a column of their own.</summary>
    public TextColumn Slice(int start, int count)
    {
        EnsureCoded();
        var slice = new TextColumn(count);
        slice.TakeValues(_values);
        _codes.AsSpan(start, count).CopyTo(slice._codes);
        return slice;
    }

    /// <inheritdoc/>
    public IEnumerator<string?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void TakeValues(List<string> values)
    {
        if (_plain is { } plain)
        {
            _codes = new int[plain.Length];
            _plain = null;
        }

        _values.Clear();
        _values.AddRange(values);
        // Rebuilt from the values if a row is set later.
        _byText = null;
        Forget();
    }

    private void Forget()
    {
        Array.Clear(_cacheKeys);
        _successors.Clear();
        _last = null;
    }

    /// <summary>Turns strings read back into codes (once).</summary>
    private void EnsureCoded()
    {
        if (_plain is not { } plain)
        {
            return;
        }

        _codes = new int[plain.Length];
        _plain = null;
        _values.Clear();
        _byText?.Clear();
        Forget();
        for (var i = 0; i < plain.Length; i++)
        {
            this[i] = plain[i];
        }
    }

    private int CodeOf(string value)
    {
        int code;
        if (_last is not null && _successors[_lastCode] is var next and >= 0 && ReferenceEquals(_values[next], value))
        {
            code = next;
        }
        else
        {
            var slot = Slot(value);
            if (ReferenceEquals(_cacheKeys[slot], value))
            {
                code = _cacheCodes[slot];
            }
            else
            {
                var byText = _byText ??= Index(_values);
                if (!byText.TryGetValue(value, out code))
                {
                    code = _values.Count;
                    byText.Add(value, code);
                    _values.Add(value);
                }

                _cacheKeys[slot] = value;
                _cacheCodes[slot] = code;
            }

            if (_last is not null)
            {
                _successors[_lastCode] = code;
            }
        }

        while (_successors.Count < _values.Count)
        {
            _successors.Add(-1);
        }

        _last = value;
        _lastCode = code;
        return code;
    }

    // A slot from the text's length and its first, middle and last characters, mixed by multiplying (the top bits):
    // cheaper than a reference's hash, which is a call into the runtime.
    private static int Slot(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var mixed = ((uint)value.Length * 0x9E3779B1u) ^ (value[0] * 0x85EBCA77u) ^ (value[value.Length / 2] * 0xC2B2AE3Du) ^ (value[^1] * 0x27D4EB2Fu);
        return (int)((mixed * 0x9E3779B1u) >> (32 - CacheBits));
    }

    private static Dictionary<string, int> Index(List<string> values)
    {
        var index = new Dictionary<string, int>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            index.Add(values[i], i);
        }

        return index;
    }
}
