namespace CrimeOutcomes.Import;

/// <summary>
/// Passes text through, refusing a line longer than <c>maxLine</c> characters as soon as it is seen, so that the csv
/// parser reading from it never buffers a runaway line. A line feed, a carriage return or both end a line, as for the
/// csv parser. <see cref="LineTooLongException.LineStart"/> is the 1-based
/// number of the offending line. Disposing it leaves the inner reader open (it belongs to the caller).
/// </summary>
internal sealed class LineLimitedTextReader(TextReader inner, int maxLine) : TextReader
{
    private long _run;
    private long _line = 1;
    private bool _afterCarriageReturn;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        var text = buffer[..read];
        while (true)
        {
            var end = text.IndexOfAny('\n', '\r');
            if (end < 0)
            {
                _run += text.Length;
                Check();
                _afterCarriageReturn &= text.IsEmpty;
                return read;
            }

            _run += end;
            Check();
            _run = 0;

            // A line ends at a line feed, or at a carriage return not followed by one.
            if (!(text[end] == '\n' && end == 0 && _afterCarriageReturn))
            {
                _line++;
            }

            _afterCarriageReturn = text[end] == '\r';
            text = text[(end + 1)..];
        }
    }

    private void Check()
    {
        if (_run > maxLine)
        {
            throw new LineTooLongException(_line);
        }
    }
}
