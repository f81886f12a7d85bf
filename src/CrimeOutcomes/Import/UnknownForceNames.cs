using System.Collections.Concurrent;

namespace CrimeOutcomes.Import;

/// <summary>
/// The distinct force names of one table that the registry does not know, counted across the threads that read it,
/// up to <see cref="ImportOptions.MaxUnknownForceNames"/>. Each costs a search for suggestions (a Levenshtein
/// distance to every known name, about half a millisecond), so a file of millions of distinct names would take hours.
/// </summary>
internal sealed class UnknownForceNames(int limit)
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);
    private int _count;

    public int Limit => limit;

    /// <summary>Counts <paramref name="name"/> once; false when it is one more than the limit.</summary>
    public bool Add(string name) => !_names.TryAdd(name, 0) || Interlocked.Increment(ref _count) <= limit;
}
