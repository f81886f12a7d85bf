namespace CrimeOutcomes.Import;

/// <summary>
/// The line counts of a csv file's byte ranges as the reading threads count them, each range's as soon as it is in
/// memory, and so the lines of the file before each range: a thread parses a range once the ranges before it are
/// counted (they were taken first, so their counts come at about the same time as its own). A range whose lines
/// cannot be counted (<see cref="LineCounter"/>), or that is too long to hold in memory, stops the ranges after it: the
/// file is read from there on one thread.
/// </summary>
/// <param name="ranges">The ranges of the file.</param>
/// <param name="maxHeldBytes">The longest range to read into memory: a longer one holds a line over the line limit.</param>
internal sealed class RangeLines(int ranges, long maxHeldBytes)
{
    private readonly long?[] _lines = new long?[ranges];
    private readonly bool[] _published = new bool[ranges];
    // The lines of the file before each range, known for the first _known + 1 ranges.
    private readonly long[] _before = new long[ranges + 1];
    private int _known;
    private int _firstUncountable = int.MaxValue;

    /// <summary>The longest range to read into memory (a longer one holds a line over the line limit).</summary>
    public long MaxHeldBytes { get; } = maxHeldBytes;

    /// <summary>The first range whose lines could not be counted (or that was given up), if any.</summary>
    public int? FirstUncountable
    {
        get
        {
            lock (_lines)
            {
                return _firstUncountable == int.MaxValue ? null : _firstUncountable;
            }
        }
    }

    /// <summary>Gives a range's line count: null when a range cannot place its lines, or when it is not read at all.</summary>
    public void Publish(int range, long? lines)
    {
        lock (_lines)
        {
            if (_published[range])
            {
                return;
            }

            _published[range] = true;
            _lines[range] = lines;
            if (lines is null)
            {
                _firstUncountable = Math.Min(_firstUncountable, range);
            }

            while (_known < _lines.Length && _published[_known] && _lines[_known] is { } known)
            {
                _before[_known + 1] = _before[_known] + known;
                _known++;
            }

            Monitor.PulseAll(_lines);
        }
    }

    /// <summary>
    /// Waits until the ranges before <paramref name="range"/> are counted and gives the lines of the file before it;
    /// false when one of them could not be.
    /// </summary>
    public bool TryGetLinesBefore(int range, out long lines)
    {
        lock (_lines)
        {
            while (_known < range && _firstUncountable >= range)
            {
                Monitor.Wait(_lines);
            }

            lines = _before[Math.Min(range, _known)];
            return _known >= range;
        }
    }
}
