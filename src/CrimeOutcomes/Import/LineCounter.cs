namespace CrimeOutcomes.Import;

/// <summary>
/// Counts the lines of a csv file's byte range held in memory, before its rows are parsed, so that rows read in parallel
/// can be handed to a row sink with their lines of the file (<see cref="IParallelOpenDataRowSink"/>). A line ends at a line feed or a
/// carriage return and line feed, as Sep ends them; the count is given up (null) where reading in ranges could not
/// give a row's line: a line break inside a quoted field (quotes toggle quoting wherever they stand, as in Sep), or a
/// carriage return on its own.
/// </summary>
internal static class LineCounter
{
    /// <summary>The line feeds of a range, or null for a line break inside quotes or a carriage return on its own.</summary>
    public static long? Count(ReadOnlySpan<byte> range)
    {
        // Only quotes and carriage returns need a look: a quoted field must hold no line break (its text up to the
        // closing quote is searched at once), a carriage return outside quotes must end a line. Then every line feed
        // of the range ends a line, counted in one pass.
        var at = 0;
        while (at < range.Length)
        {
            var next = range[at..].IndexOfAny((byte)'"', (byte)'\r');
            if (next < 0)
            {
                break;
            }

            at += next;
            if (range[at] == (byte)'"')
            {
                var close = range[(at + 1)..].IndexOf((byte)'"');
                var text = close < 0 ? range[(at + 1)..] : range.Slice(at + 1, close);
                if (text.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
                {
                    return null;
                }

                at = close < 0 ? range.Length : at + close + 2;
            }
            else if (at + 1 == range.Length || range[at + 1] != (byte)'\n')
            {
                return null;
            }
            else
            {
                at += 2;
            }
        }

        return range.Count((byte)'\n');
    }
}
