using System.Text;
using nietras.SeparatedValues;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads an open-data csv file with Sep. A large UTF-8 file is split into byte ranges that start at line starts and
/// the ranges are parsed on every core at once, each thread summing into its own accumulator; line numbers of
/// rejected rows are fixed up from the line counts of the ranges before them. A file whose quoted fields hold line
/// breaks (which a byte range could cut) is read again on one thread. Text in another encoding (UTF-16, Windows-1252;
/// see <see cref="TextFileDecoding"/>) and text that can only be streamed (a gzip file, an entry of a zip archive) is
/// read on one thread through a decoder; both ways share one row loop.
/// </summary>
internal static class CsvTableReader
{
    private const int ReaderBufferChars = 1 << 16;
    private const int HeldReaderBufferChars = 1 << 14;

    /// <summary>Reads a csv file on disk: UTF-8 in parallel byte ranges, other encodings as decoded text.</summary>
    public static FileAggregate Read(string path, string name, ImportOptions options)
    {
        byte[] sample;
        long length;
        using (var file = OpenFile(path))
        {
            sample = TextFileDecoding.Sample(file);
            length = file.Length;
        }

        return TextFileDecoding.Detect(sample, sample.Length == length, name, workbooks: true).ReadWithFallback(decoding => decoding == TextFileDecoding.Utf8
            ? ReadRanges(path, name, options, sample, length)
            : ReadText(() => OpenFile(path), name, options, decoding, container: null));
    }

    /// <summary>Reads csv text that can only be streamed, on one thread.</summary>
    /// <param name="open">Opens the bytes from their start (called twice: for a sample that finds the encoding, then to read).</param>
    /// <param name="name">The file's name for messages and the report.</param>
    /// <param name="options">The options.</param>
    /// <param name="container">What the text came packed in ("gzip", "zip"), for the report.</param>
    public static FileAggregate Read(Func<Stream> open, string name, ImportOptions options, string container)
    {
        byte[] sample;
        bool complete;
        using (var stream = open())
        {
            sample = TextFileDecoding.Sample(stream);
            complete = sample.Length < TextFileDecoding.SampleBytes;
        }

        return TextFileDecoding.Detect(sample, complete, name, workbooks: true)
            .ReadWithFallback(decoding => ReadText(open, name, options, decoding, container));
    }

    private static FileStream OpenFile(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    private static FileAggregate ReadRanges(string path, string name, ImportOptions options, byte[] sample, long length)
    {
        var (headers, separator, dataStart) = ReadHeader(sample, name);
        var map = ColumnMap.Create(headers, options, new ImportLocation(name, null, 1, null));
        // A row sink takes the rows in order from one thread, unless it takes them on several (a parallel sink), each
        // row with its line of the file: then each range is read into memory, its lines counted there, and its rows
        // parsed once the lines of the ranges before it are known.
        var parallelSink = map.Kind == OpenDataTableKind.Outcomes ? options.RowSink as IParallelOpenDataRowSink : null;
        var sinkInOrder = map.Kind == OpenDataTableKind.Outcomes && options.RowSink is not null && parallelSink is null;
        var workers = sinkInOrder ? 1 : options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        // About eight ranges per thread balance the load; each range costs a reader and its buffers, so not many more.
        // Ranges held in memory are kept small, so that each thread holds a few megabytes.
        var chunkBytes = workers > 1 ? Math.Max(options.CsvChunkBytes, (length - dataStart) / (workers * 8)) : long.MaxValue;
        if (parallelSink is not null)
        {
            chunkBytes = Math.Min(chunkBytes, Math.Max(options.CsvChunkBytes / 4, 1));
        }

        var chunks = Split(path, dataStart, length, chunkBytes);
        var whole = new List<(long Start, long Length)> { (dataStart, length - dataStart) };
        if (parallelSink is not null && chunks.Count > 1)
        {
            // A range longer than its size and a line of the limit holds a line over the limit: it is not held in memory.
            return ReadChunks(path, name, options, map, separator, chunks, workers, length, new RangeLines(chunks.Count, chunkBytes + options.MaxLineLength + 1));
        }

        try
        {
            return ReadChunks(path, name, options, map, separator, chunks, workers, length, null);
        }
        catch (MultiLineRowException)
        {
            return ReadChunks(path, name, options, map, separator, whole, 1, length, null);
        }
    }

    /// <summary>
    /// Reads the ranges on <paramref name="workers"/> threads. With <paramref name="rangeLines"/> (a parallel row sink),
    /// each thread hands its rows to a sink of its own from the parallel row sink, each row with its line of the file:
    /// a range is read into memory and its lines counted there, then parsed once the ranges before it are counted; from
    /// the first range whose lines cannot be counted (a line break in quotes), the file is read on one thread.
    /// </summary>
    private static FileAggregate ReadChunks(
        string path, string name, ImportOptions options, ColumnMap map, char separator, List<(long Start, long Length)> chunks, int workers, long fileLength, RangeLines? rangeLines)
    {
        var linesInChunk = new long[chunks.Count];
        // A header-only file has no ranges; one accumulator still gives its (empty) account.
        var accumulators = new OpenDataAccumulator[Math.Max(1, Math.Min(workers, chunks.Count))];
        var unknownNames = new UnknownForceNames(options.MaxUnknownForceNames);
        var next = -1;
        var firstErrorChunk = int.MaxValue;
        var errors = new ChunkRowException?[accumulators.Length + 1];
        Exception? reread = null;
        long done = 0;
        using var handle = rangeLines is null ? null : File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        Parallel.For(0, accumulators.Length, new ParallelOptions { MaxDegreeOfParallelism = accumulators.Length }, worker =>
        {
            var threadSink = rangeLines is null ? null : ((IParallelOpenDataRowSink)options.RowSink!).CreateThreadSink();
            var accumulator = accumulators[worker] = new OpenDataAccumulator(options, map, name, null, unknownNames, threadSink);
            byte[]? held = null;
            var chunk = -1;
            long rowsBefore = 0;
            try
            {
                while ((chunk = Interlocked.Increment(ref next)) < chunks.Count)
                {
                    if (chunk >= Volatile.Read(ref firstErrorChunk) || Volatile.Read(ref reread) is not null || rangeLines?.FirstUncountable < chunk)
                    {
                        break;
                    }

                    long linesBefore = 0;
                    rowsBefore = accumulator.Tally.RowsRead;
                    if (rangeLines is not null)
                    {
                        if (chunks[chunk].Length > rangeLines.MaxHeldBytes)
                        {
                            // A line over the limit: the file is read from here on one thread, which reports it.
                            rangeLines.Publish(chunk, null);
                            break;
                        }

                        var length = ReadRange(handle!, chunks[chunk], ref held);
                        rangeLines.Publish(chunk, LineCounter.Count(held.AsSpan(0, length)));
                        if (!rangeLines.TryGetLinesBefore(chunk, out linesBefore) || rangeLines.FirstUncountable <= chunk)
                        {
                            // This range or one before it holds a line that ranges cannot place: read from there on one thread.
                            break;
                        }
                    }

                    accumulator.Chunk = chunk;
                    accumulator.LineOffset = linesBefore;
                    linesInChunk[chunk] = ReadChunk(path, separator, chunks[chunk], held, accumulator, options.MaxLineLength, chunks.Count == 1);
                    var progress = Interlocked.Add(ref done, chunks[chunk].Length);
                    options.Progress?.Report(new ImportProgress(name, progress, fileLength));
                }
            }
            catch (Exception failure) when (failure is ChunkRowException || CsvFailures.Handles(failure))
            {
                var error = failure as ChunkRowException ?? CsvFailures.Locate(failure, path, name, chunk, chunks[chunk], accumulator.Tally.RowsRead - rowsBefore, options);
                errors[worker] = error;
                int seen;
                while (error.Chunk < (seen = Volatile.Read(ref firstErrorChunk))
                       && Interlocked.CompareExchange(ref firstErrorChunk, error.Chunk, seen) != seen)
                {
                }
            }
            catch (Exception failure) when (failure is MultiLineRowException or DecoderFallbackException)
            {
                // The file must be read another way: on one thread (a row over several lines), or as Windows-1252
                // (a byte that is not UTF-8), which wins since that way reads on one thread too.
                if (failure is DecoderFallbackException)
                {
                    Volatile.Write(ref reread, failure);
                }
                else
                {
                    Interlocked.CompareExchange(ref reread, failure, null);
                }
            }
            finally
            {
                // A range taken and not counted (the loop stopped, or failed) is given up, so no thread waits for it.
                if (chunk < chunks.Count)
                {
                    rangeLines?.Publish(chunk, null);
                }

                (threadSink as IDisposable)?.Dispose();
            }
        });

        if (reread is MultiLineRowException && rangeLines is not null)
        {
            // The range's lines were counted as rows of one line each and rows have gone to the sink with them: reading
            // again on one thread would hand them over twice. Counting and reading agree on quotes, so this is a defect.
            throw new InvalidOperationException($"{name}: a row over several lines was found after the lines were counted as rows of one line; the rows handed to the row sink may hold wrong lines.");
        }

        if (reread is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(reread);
        }

        var all = accumulators.AsEnumerable();
        if (rangeLines?.FirstUncountable is { } first && first < Volatile.Read(ref firstErrorChunk))
        {
            all = all.Append(ReadRest(path, name, options, map, separator, unknownNames, chunks, first, fileLength, rangeLines, linesInChunk, errors));
        }

        // The header is line 1; each range's lines follow those of the ranges before it.
        var offsets = new long[chunks.Count];
        for (var i = 1; i < chunks.Count; i++)
        {
            offsets[i] = offsets[i - 1] + linesInChunk[i - 1];
        }

        var firstError = errors.Where(e => e is not null).MinBy(e => e!.Chunk);
        if (rangeLines is not null && firstError is null)
        {
            // Every range parsed in parallel, and the one the rest was read from, starts where the counts said.
            var read = Math.Min(chunks.Count, rangeLines.FirstUncountable + 1 ?? chunks.Count);
            for (var i = 1; i < read; i++)
            {
                if (!rangeLines.TryGetLinesBefore(i, out var counted) || offsets[i] != counted)
                {
                    throw new InvalidOperationException($"{name}: byte range {i} starts after {offsets[i]:N0} lines as read, but {counted:N0} as counted; the rows handed to the row sink may hold wrong lines.");
                }
            }
        }

        if (firstError is not null)
        {
            throw AtFileLine(firstError, 1 + offsets[firstError.Chunk]);
        }

        return Aggregate(name, map, all, chunk => 1 + offsets[chunk], new FileReading(TextFileDecoding.Utf8.Name, null));
    }

    /// <summary>
    /// Reads the file from range <paramref name="first"/> (the first whose lines could not be counted, all before it
    /// read) to its end on this thread, into a thread sink of the parallel row sink, rows over several lines and all.
    /// </summary>
    private static OpenDataAccumulator ReadRest(
        string path, string name, ImportOptions options, ColumnMap map, char separator, UnknownForceNames unknownNames,
        List<(long Start, long Length)> chunks, int first, long fileLength, RangeLines rangeLines, long[] linesInChunk, ChunkRowException?[] errors)
    {
        rangeLines.TryGetLinesBefore(first, out var linesBefore);
        var rest = (chunks[first].Start, fileLength - chunks[first].Start);
        var threadSink = ((IParallelOpenDataRowSink)options.RowSink!).CreateThreadSink();
        var accumulator = new OpenDataAccumulator(options, map, name, null, unknownNames, threadSink) { Chunk = first, LineOffset = linesBefore };
        try
        {
            linesInChunk[first] = ReadChunk(path, separator, rest, null, accumulator, options.MaxLineLength, wholeFile: true);
            options.Progress?.Report(new ImportProgress(name, fileLength, fileLength));
        }
        catch (Exception failure) when (failure is ChunkRowException || CsvFailures.Handles(failure))
        {
            errors[^1] = failure as ChunkRowException ?? CsvFailures.Locate(failure, path, name, first, rest, accumulator.Tally.RowsRead, options);
        }
        finally
        {
            (threadSink as IDisposable)?.Dispose();
        }

        return accumulator;
    }

    /// <summary>Reads a byte range whole into <paramref name="buffer"/> (made larger when it must be); returns its length.</summary>
    private static int ReadRange(Microsoft.Win32.SafeHandles.SafeFileHandle handle, (long Start, long Length) range, [System.Diagnostics.CodeAnalysis.NotNull] ref byte[]? buffer)
    {
        var length = checked((int)range.Length);
        if (buffer is null || buffer.Length < length)
        {
            // Ranges differ in length by less than a line: a quarter more is room for every one after this.
            buffer = new byte[checked(length + (length / 4))];
        }

        var read = 0;
        while (read < length)
        {
            var got = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), range.Start + read);
            if (got == 0)
            {
                throw new IOException($"The file ended {length - read:N0} bytes before the end of a range that was there when the file was split.");
            }

            read += got;
        }

        return length;
    }

    /// <summary>Reads one byte range, from the file or from its bytes held in memory; returns the number of lines it holds.</summary>
    private static long ReadChunk(string path, char separator, (long Start, long Length) chunk, byte[]? held, OpenDataAccumulator accumulator, int maxLine, bool wholeFile)
    {
        Stream source;
        if (held is not null)
        {
            source = new MemoryStream(held, 0, checked((int)chunk.Length), writable: false);
        }
        else
        {
            source = OpenFile(path);
            source.Position = chunk.Start;
        }

        using (source)
        {
            // Bytes in memory need no large reads: a small buffer (below the large-object heap's 85 KB) for each of a
            // file's many ranges, instead of 192 KB each, which made the collector run on the large-object heap.
            using var text = new StreamReader(new BoundedStream(source, chunk.Length, maxLine), TextFileDecoding.Utf8.Encoding, detectEncodingFromByteOrderMarks: false, held is null ? ReaderBufferChars : HeldReaderBufferChars);
            long lines = 0;
            ReadRows(text, separator, accumulator, wholeFile, ref lines);
            return lines;
        }
    }

    /// <summary>
    /// Reads decoded text on one thread: the header through the line limit, then the rows. A failure is located at
    /// the line the reader is on (the text cannot be scanned again, as a byte range is).
    /// </summary>
    private static FileAggregate ReadText(Func<Stream> open, string name, ImportOptions options, TextFileDecoding decoding, string? container)
    {
        using var stream = open();
        using var decoded = new StreamReader(stream, decoding.Encoding, detectEncodingFromByteOrderMarks: false, ReaderBufferChars);
        using var text = new LineLimitedTextReader(decoded, options.MaxLineLength);

        // The data lines up to the end of the last row read, as the row loop counts them (the header is line 1 of the
        // file): a failure inside the loop is on the line after them.
        long lines = 0;
        ColumnMap map;
        OpenDataAccumulator accumulator;
        try
        {
            var (headers, separator) = ParseHeader(text.ReadLine() ?? string.Empty, name);
            map = ColumnMap.Create(headers, options, new ImportLocation(name, null, 1, null));
            accumulator = new OpenDataAccumulator(options, map, name, null);
            ReadRows(text, separator, accumulator, wholeFile: true, ref lines);
        }
        catch (ChunkRowException error)
        {
            throw AtFileLine(error, 1);
        }
        catch (Exception failure) when (CsvFailures.Handles(failure))
        {
            var line = failure is LineTooLongException tooLong ? tooLong.LineStart : 1 + lines + 1;
            throw CsvFailures.At(failure, new ImportLocation(name, null, line, null), options, "characters");
        }

        return Aggregate(name, map, [accumulator], _ => 1, new FileReading(decoding.Name, container));
    }

    /// <summary>The row loop of both ways: each row's fields to the accumulator; <paramref name="lines"/> follows the last row's end.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadRows(TextReader text, char separator, OpenDataAccumulator accumulator, bool wholeFile, ref long lines)
    {
        // Sep finds the fields (quoted separators included); the few quoted fields are unquoted by SepFieldRow, which
        // keeps Sep on its faster column-ends parser.
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);
        // A row starts on the line after the previous row's last: Sep 0.17.1 gives a reader's first row a first line of
        // 2 (one too high), so Sep's own first line is not used.
        long from = 1;
        foreach (var row in reader)
        {
            if (row.LineNumberToExcl - from > 1 && !wholeFile)
            {
                throw new MultiLineRowException();
            }

            var fields = new SepFieldRow(row);
            accumulator.LineEnd = row.LineNumberToExcl;
            accumulator.Add(ref fields, from);
            from = row.LineNumberToExcl;
            lines = row.LineNumberToExcl - 1;
        }
    }

    /// <summary>A row error, whose line is relative to its range or to the data, at its line of the file.</summary>
    private static ImportFormatException AtFileLine(ChunkRowException error, long offset)
    {
        var location = error.Error.Location!;
        return error.Error.At(location with { Number = location.Number + offset });
    }

    private static FileAggregate Aggregate(string name, ColumnMap map, IEnumerable<OpenDataAccumulator> accumulators, Func<int, long> lineOffsetOfChunk, FileReading reading)
    {
        var aggregate = new FileAggregate(name, map.Kind)
        {
            ReleaseDate = ReleaseDate.FromFileName(name),
            HasRecordedBasis = map.Recorded >= 0,
            HasClosedBasis = map.Closed >= 0,
            Reading = reading,
        };
        foreach (var accumulator in accumulators)
        {
            accumulator.MergeInto(aggregate, lineOffsetOfChunk);
        }

        return aggregate;
    }

    /// <summary>The header of a UTF-8 file from its first bytes, and where its data starts.</summary>
    private static (string?[] Headers, char Separator, long DataStart) ReadHeader(byte[] sample, string name)
    {
        var span = sample.AsSpan();
        var bom = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var end = span.IndexOf((byte)'\n');
        if (end < 0 && sample.Length == TextFileDecoding.SampleBytes)
        {
            throw new ImportFormatException(new ImportLocation(name, null, 1, null), "the header line is longer than 64 KB.");
        }

        var (headers, separator) = ParseHeader(Encoding.UTF8.GetString(span[bom..(end < 0 ? span.Length : end)]).TrimEnd('\r'), name);
        return (headers, separator, end < 0 ? span.Length : end + 1);
    }

    /// <summary>
    /// The header cells and the separator: whichever of comma, semicolon and tab the header line holds most (a comma
    /// when it holds none), so that tab-separated "Unicode text" whose headers hold a comma is read right too.
    /// </summary>
    private static (string?[] Headers, char Separator) ParseHeader(string headerLine, string name)
    {
        if (headerLine.Length == 0)
        {
            throw new ImportFormatException(new ImportLocation(name, null, 1, null), "the file is empty or its first line is blank; it should start with the header row.");
        }

        var separator = ',';
        var most = 0;
        foreach (var candidate in ",;\t")
        {
            var count = headerLine.AsSpan().Count(candidate);
            if (count > most)
            {
                (separator, most) = (candidate, count);
            }
        }

        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true }).FromText(headerLine);
        string?[] headers = reader.MoveNext() ? reader.Current[..].ToStringsArray() : [];
        return (headers, separator);
    }

    /// <summary>Byte ranges of about <paramref name="size"/> bytes, each starting at a line start.</summary>
    private static List<(long Start, long Length)> Split(string path, long dataStart, long length, long size)
    {
        var chunks = new List<(long, long)>();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var probe = new byte[1 << 16];
        var start = dataStart;
        while (start < length)
        {
            var end = size >= length - start ? length : start + size;
            while (end < length)
            {
                file.Position = end;
                var read = file.Read(probe);
                var newline = probe.AsSpan(0, read).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    end += newline + 1;
                    break;
                }

                end += read;
            }

            end = Math.Min(end, length);
            chunks.Add((start, end - start));
            start = end;
        }

        return chunks;
    }

    private readonly ref struct SepFieldRow(SepReader.Row row) : IFieldRow
    {
        private readonly SepReader.Row _row = row;

        public int Count => _row.ColCount;

        public ReadOnlySpan<char> this[int index]
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get
            {
                var span = _row[index].Span;
                return span.Length > 0 && span[0] == '"' ? Unquote(span) : span;
            }
        }

        /// <summary>A quoted field without its quotes, and with doubled quotes inside made single (allocating only then).</summary>
        private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
        {
            if (field.Length < 2 || field[^1] != '"')
            {
                return field;
            }

            var inner = field[1..^1];
            return inner.Contains('"') ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner;
        }
    }

    private sealed class MultiLineRowException : Exception;
}
