namespace CrimeOutcomes.Import;

/// <summary>
/// A read-only view of the next <c>length</c> bytes of another stream that refuses, as it reads, a line longer than
/// <c>maxLine</c> bytes (two vectorised searches per buffer), so that no reader above it buffers a runaway line. A
/// carriage return or a line feed ends a line, as for the csv parser.
/// </summary>
internal sealed class BoundedStream(Stream inner, long length, int maxLine = int.MaxValue) : ReadOnlyStream
{
    private long _remaining = length;
    private long _consumed;
    private long _run;

    public override int Read(Span<byte> buffer)
    {
        if (_remaining <= 0)
        {
            return 0;
        }

        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        _remaining -= read;
        CheckLines(buffer[..read]);
        _consumed += read;
        return read;
    }

    /// <summary>Tracks the bytes since the last line end; throws <see cref="LineTooLongException"/> past the limit.</summary>
    private void CheckLines(ReadOnlySpan<byte> bytes)
    {
        var first = bytes.IndexOfAny((byte)'\n', (byte)'\r');
        if (first < 0)
        {
            _run += bytes.Length;
            if (_run > maxLine)
            {
                throw new LineTooLongException(_consumed + bytes.Length - _run);
            }

            return;
        }

        if (_run + first > maxLine)
        {
            throw new LineTooLongException(_consumed - _run);
        }

        var last = bytes.LastIndexOfAny((byte)'\n', (byte)'\r');
        if (last - first > maxLine)
        {
            // Lines wholly inside this buffer can be too long only when the buffer is longer than the limit.
            for (var start = first + 1; start < last;)
            {
                var end = start + bytes[start..].IndexOfAny((byte)'\n', (byte)'\r');
                if (end - start > maxLine)
                {
                    throw new LineTooLongException(_consumed + start);
                }

                start = end + 1;
            }
        }

        _run = bytes.Length - last - 1;
        if (_run > maxLine)
        {
            throw new LineTooLongException(_consumed + last + 1);
        }
    }
}

/// <summary>A line longer than the limit; <see cref="LineStart"/> is its first byte, counted from the start of the view.</summary>
internal sealed class LineTooLongException(long lineStart) : Exception("A line is longer than the limit.")
{
    public long LineStart { get; } = lineStart;
}
