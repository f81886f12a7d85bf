using System.Buffers;

namespace CrimeOutcomes.Import;

/// <summary>
/// Counts the lines of a csv file's byte ranges before they are read, so that rows read in parallel can be handed to a
/// row sink with their lines of the file (<see cref="IParallelOpenDataRowSink"/>). A line ends at a line feed or a
/// carriage return and line feed, as Sep ends them; the count is given up (null) where reading in ranges could not
/// give a row's line: a line break inside a quoted field (quotes toggle quoting wherever they stand, as in Sep), or a
/// carriage return on its own.
/// </summary>
internal static class LineCounter
{
    private const int BufferBytes = 1 << 20;

    /// <summary>The lines before each range (the header's not counted: 0 for the first), or null when they cannot be counted.</summary>
    public static long[]? Offsets(string path, IReadOnlyList<(long Start, long Length)> ranges, int threads)
    {
        var lines = new long[ranges.Count];
        var countable = 1;
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, (i, loop) =>
        {
            if (Count(path, ranges[i]) is { } count)
            {
                lines[i] = count;
            }
            else
            {
                Volatile.Write(ref countable, 0);
                loop.Stop();
            }
        });

        if (countable == 0)
        {
            return null;
        }

        var offsets = new long[ranges.Count];
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] = offsets[i - 1] + lines[i - 1];
        }

        return offsets;
    }

    /// <summary>The line feeds of one range, or null for a line break inside quotes or a lone carriage return.</summary>
    internal static long? Count(string path, (long Start, long Length) range, int bufferBytes = BufferBytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Position = range.Start;
        var buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
        try
        {
            long lines = 0;
            var quoted = false;
            var carriageReturnAtEnd = false;
            var left = range.Length;
            while (left > 0)
            {
                var read = file.Read(buffer, 0, (int)Math.Min(bufferBytes, left));
                if (read == 0)
                {
                    break;
                }

                left -= read;
                var span = buffer.AsSpan(0, read);
                if (carriageReturnAtEnd && span[0] != (byte)'\n')
                {
                    return null;
                }

                carriageReturnAtEnd = false;
                if (!quoted && span.IndexOfAny((byte)'"', (byte)'\r') < 0)
                {
                    lines += span.Count((byte)'\n');
                    continue;
                }

                for (var at = 0; at < span.Length;)
                {
                    var next = span[at..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');
                    if (next < 0)
                    {
                        break;
                    }

                    at += next;
                    switch (span[at])
                    {
                        case (byte)'"':
                            quoted = !quoted;
                            break;
                        case (byte)'\n' when quoted:
                            return null;
                        case (byte)'\n':
                            lines++;
                            break;
                        default:
                            // A carriage return: in quotes a line break, and outside them only before a line feed.
                            if (quoted || (at + 1 < span.Length && span[at + 1] != (byte)'\n'))
                            {
                                return null;
                            }

                            carriageReturnAtEnd = at + 1 == span.Length;
                            break;
                    }

                    at++;
                }
            }

            return carriageReturnAtEnd ? null : lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
