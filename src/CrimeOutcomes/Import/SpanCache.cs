namespace CrimeOutcomes.Import;

/// <summary>
/// A cache from raw field text to what it resolved to, looked up by span so that a text seen before costs no
/// allocation. Not thread-safe: each reading thread has its own.
/// </summary>
internal sealed class SpanCache<T>
{
    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpanCache() => _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<string, T>> Entries => _entries;

    public bool TryGet(ReadOnlySpan<char> text, out T value) => _lookup.TryGetValue(text, out value!);

    public T Add(ReadOnlySpan<char> text, T value)
    {
        _lookup[text] = value;
        return value;
    }
}
