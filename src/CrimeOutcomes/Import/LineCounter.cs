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

    /// <summary>
    /// Reads a quoted field from <paramref name="at"/> (just after its opening quote) to its closing quote: true when its
    /// text holds a line break. Leaves <paramref name="at"/> after the closing quote, or at the end of the buffer with
    /// <paramref name="quoted"/> still set when the field goes on in the next one.
    /// </summary>
    private static bool QuotedFieldBreaks(ReadOnlySpan<byte> span, ref int at, ref bool quoted)
    {
        var close = span[at..].IndexOf((byte)'"');
        var text = close < 0 ? span[at..] : span.Slice(at, close);
        if (text.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            return true;
        }

        if (close < 0)
        {
            at = span.Length;
        }
        else
        {
            at += close + 1;
            quoted = false;
        }

        return false;
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
                // Only quotes and carriage returns need a look: a quoted field must hold no line break (its text up to
                // the closing quote is searched at once), a carriage return outside quotes must end a line. Then every
                // line feed of the buffer ends a line, counted in one pass.
                var at = 0;
                if (quoted && QuotedFieldBreaks(span, ref at, ref quoted))
                {
                    return null;
                }

                while (!quoted && at < span.Length)
                {
                    var next = span[at..].IndexOfAny((byte)'"', (byte)'\r');
                    if (next < 0)
                    {
                        break;
                    }

                    at += next;
                    if (span[at] == (byte)'"')
                    {
                        at++;
                        quoted = true;
                        if (QuotedFieldBreaks(span, ref at, ref quoted))
                        {
                            return null;
                        }
                    }
                    else if (at + 1 == span.Length)
                    {
                        carriageReturnAtEnd = true;
                        at++;
                    }
                    else if (span[at + 1] != (byte)'\n')
                    {
                        return null;
                    }
                    else
                    {
                        at += 2;
                    }
                }

                lines += span.Count((byte)'\n');
            }

            return carriageReturnAtEnd ? null : lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
