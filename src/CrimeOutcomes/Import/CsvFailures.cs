using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>
/// Turns a failure inside a byte range of a csv file (a line over the limit, a sum beyond 64 bits, a quoted field
/// left open) into an <see cref="ImportFormatException"/> at its line. Only on failure: the line is found by
/// scanning the range's bytes again, so the reading loop keeps no extra state. Text read through a decoder (a
/// compressed file, UTF-16, Windows-1252) cannot be scanned again: its reader knows the line and uses <see cref="At"/>.
/// </summary>
internal static class CsvFailures
{
    /// <summary>The most characters the csv parser (Sep) buffers for one row.</summary>
    private const int ParserRowCap = 16_777_216;

    public static bool Handles(Exception failure)
        => failure is LineTooLongException or OverflowException || IsParserRowCap(failure);

    /// <summary>The failure as a <see cref="ChunkRowException"/> whose line is relative to the range, as row errors are.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="path">The file.</param>
    /// <param name="name">Its name for messages.</param>
    /// <param name="chunk">The index of the range.</param>
    /// <param name="range">The range.</param>
    /// <param name="row">The 1-based row of the range being read when the failure happened.</param>
    /// <param name="options">The options (for the limit's value).</param>
    public static ChunkRowException Locate(Exception failure, string path, string name, int chunk, (long Start, long Length) range, long row, ImportOptions options)
    {
        var line = failure switch
        {
            LineTooLongException tooLong => 1 + CountLineEnds(path, range.Start, tooLong.LineStart),
            OverflowException => Scan(path, range, row).RowLine,
            _ => Scan(path, range, long.MaxValue).OpenQuoteLine ?? Scan(path, range, row).RowLine,
        };
        return new ChunkRowException(chunk, At(failure, new ImportLocation(name, null, line, null), options, "bytes"));
    }

    /// <summary>The failure as an <see cref="ImportFormatException"/> at a line already known.</summary>
    /// <param name="failure">What went wrong (one that <see cref="Handles"/>).</param>
    /// <param name="location">Its line.</param>
    /// <param name="options">The options (for the limit's value).</param>
    /// <param name="unit">What the line limit counts: "bytes", or "characters" for text read through a decoder.</param>
    public static ImportFormatException At(Exception failure, ImportLocation location, ImportOptions options, string unit) => failure switch
    {
        LineTooLongException => new ImportLimitException(
            location,
            "ImportOptions.MaxLineLength",
            options.MaxLineLength,
            string.Create(CultureInfo.InvariantCulture, $"the line is longer than {options.MaxLineLength:N0} {unit}")),
        OverflowException => new ImportFormatException(
            location,
            "the counts of the rows read so far, with this row's, add up to more than a 64-bit count holds (9,223,372,036,854,775,807).",
            failure),
        _ => new ImportFormatException(
            location,
            string.Create(CultureInfo.InvariantCulture, $"a quoted field is left open: its row runs past {ParserRowCap:N0} characters, the most the csv parser buffers."),
            failure),
    };

    private static bool IsParserRowCap(Exception failure) => failure is NotSupportedException && failure.Source == "Sep";

    /// <summary>The line ends in the <paramref name="count"/> bytes from <paramref name="start"/>.</summary>
    private static long CountLineEnds(string path, long start, long count)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        file.Position = start;
        var buffer = new byte[1 << 16];
        long lines = 0;
        var afterCarriageReturn = false;
        while (count > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                break;
            }

            // A line ends at a line feed, or at a carriage return not followed by one (as the csv parser reads them).
            var bytes = buffer.AsSpan(0, read);
            lines += bytes.Count((byte)'\n') + bytes.Count((byte)'\r') - CarriageReturnLineFeeds(bytes, ref afterCarriageReturn);
            count -= read;
        }

        return lines;
    }

    /// <summary>The "\r\n" pairs in <paramref name="bytes"/>, one that straddles the previous buffer included.</summary>
    private static long CarriageReturnLineFeeds(ReadOnlySpan<byte> bytes, ref bool afterCarriageReturn)
    {
        long pairs = afterCarriageReturn && bytes.Length > 0 && bytes[0] == (byte)'\n' ? 1 : 0;
        for (var at = bytes.IndexOf("\r\n"u8); at >= 0;)
        {
            pairs++;
            var next = bytes[(at + 2)..].IndexOf("\r\n"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        afterCarriageReturn = bytes.Length > 0 && bytes[^1] == (byte)'\r';
        return pairs;
    }

    /// <summary>
    /// Walks the range as the parser does (a line feed outside quotes ends a row): the 1-based line of the range on
    /// which row <paramref name="row"/> starts, and, when the range ends inside quotes, the line of the row left open.
    /// </summary>
    private static (long RowLine, long? OpenQuoteLine) Scan(string path, (long Start, long Length) range, long row)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        file.Position = range.Start;
        var buffer = new byte[1 << 16];
        long line = 1, rows = 1, rowLine = 1;
        var quoted = false;
        for (var left = range.Length; left > 0;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            left -= read;
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n')
                {
                    line++;
                    if (!quoted)
                    {
                        if (rows == row)
                        {
                            return (rowLine, null);
                        }

                        rows++;
                        rowLine = line;
                    }
                }
            }
        }

        return (rowLine, quoted ? rowLine : null);
    }
}
