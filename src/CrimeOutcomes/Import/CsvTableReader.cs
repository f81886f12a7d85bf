using System.Text;
using nietras.SeparatedValues;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads an open-data csv file with Sep. A large file is split into byte ranges that start at line starts and the
/// ranges are parsed on every core at once, each thread summing into its own accumulator; line numbers of
/// rejected rows are fixed up from the line counts of the ranges before them. A file whose quoted fields hold line
/// breaks (which a byte range could cut) is read again on one thread.
/// </summary>
internal static class CsvTableReader
{
    private const int ReaderBufferChars = 1 << 16;

    public static FileAggregate Read(string path, string name, ImportOptions options)
    {
        var (headers, separator, dataStart, length) = ReadHeader(path, name);
        var map = ColumnMap.Create(headers, options, new ImportLocation(name, null, 1, null));
        var workers = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        // About eight ranges per thread balance the load; each range costs a reader and its buffers, so not many more.
        var chunkBytes = workers > 1 ? Math.Max(options.CsvChunkBytes, (length - dataStart) / (workers * 8)) : long.MaxValue;
        var chunks = Split(path, dataStart, length, chunkBytes);
        try
        {
            return ReadChunks(path, name, options, map, separator, chunks, workers, length);
        }
        catch (MultiLineRowException)
        {
            return ReadChunks(path, name, options, map, separator, [(dataStart, length - dataStart)], 1, length);
        }
    }

    private static FileAggregate ReadChunks(
        string path, string name, ImportOptions options, ColumnMap map, char separator, List<(long Start, long Length)> chunks, int workers, long fileLength)
    {
        var linesInChunk = new long[chunks.Count];
        // A header-only file has no ranges; one accumulator still gives its (empty) account.
        var accumulators = new OpenDataAccumulator[Math.Max(1, Math.Min(workers, chunks.Count))];
        var unknownNames = new UnknownForceNames(options.MaxUnknownForceNames);
        var next = -1;
        var firstErrorChunk = int.MaxValue;
        var errors = new ChunkRowException?[accumulators.Length];
        var multiLine = false;
        long done = 0;
        Parallel.For(0, accumulators.Length, new ParallelOptions { MaxDegreeOfParallelism = accumulators.Length }, worker =>
        {
            var accumulator = accumulators[worker] = new OpenDataAccumulator(options, map, name, null, unknownNames);
            var chunk = -1;
            long rowsBefore = 0;
            try
            {
                while ((chunk = Interlocked.Increment(ref next)) < chunks.Count && chunk < Volatile.Read(ref firstErrorChunk) && !Volatile.Read(ref multiLine))
                {
                    accumulator.Chunk = chunk;
                    rowsBefore = accumulator.Tally.RowsRead;
                    linesInChunk[chunk] = ReadChunk(path, separator, chunks[chunk], accumulator, options.MaxLineLength, chunks.Count == 1);
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
            catch (MultiLineRowException)
            {
                Volatile.Write(ref multiLine, true);
            }
        });

        if (multiLine)
        {
            throw new MultiLineRowException();
        }

        // The header is line 1; each range's lines follow those of the ranges before it.
        var offsets = new long[chunks.Count];
        for (var i = 1; i < chunks.Count; i++)
        {
            offsets[i] = offsets[i - 1] + linesInChunk[i - 1];
        }

        var first = errors.Where(e => e is not null).MinBy(e => e!.Chunk);
        if (first is not null)
        {
            var location = first.Error.Location!;
            throw first.Error.At(location with { Number = location.Number + 1 + offsets[first.Chunk] });
        }

        var aggregate = new FileAggregate(name, map.Kind)
        {
            ReleaseDate = ReleaseDate.FromFileName(name),
            HasRecordedBasis = map.Recorded >= 0,
            HasClosedBasis = map.Closed >= 0,
        };
        foreach (var accumulator in accumulators)
        {
            accumulator.MergeInto(aggregate, chunk => 1 + offsets[chunk]);
        }

        return aggregate;
    }

    /// <summary>Reads one byte range; returns the number of lines it holds.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long ReadChunk(string path, char separator, (long Start, long Length) chunk, OpenDataAccumulator accumulator, int maxLine, bool wholeFile)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Position = chunk.Start;
        using var text = new StreamReader(new BoundedStream(file, chunk.Length, maxLine), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, ReaderBufferChars);
        // Sep finds the fields (quoted separators included); the few quoted fields are unquoted by SepFieldRow, which
        // keeps Sep on its faster column-ends parser.
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);
        long lines = 0;
        foreach (var row in reader)
        {
            if (row.LineNumberToExcl - row.LineNumberFrom > 1 && !wholeFile)
            {
                throw new MultiLineRowException();
            }

            var fields = new SepFieldRow(row);
            accumulator.Add(ref fields, row.LineNumberFrom);
            lines = row.LineNumberToExcl - 1;
        }

        return lines;
    }

    private static (string?[] Headers, char Separator, long DataStart, long Length) ReadHeader(string path, string name)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        var buffer = new byte[Math.Min(file.Length, 1 << 16)];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, read);
        var bom = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var end = span.IndexOf((byte)'\n');
        if (read == 0)
        {
            throw new ImportFormatException(name, $"'{name}' is empty; it should start with the header row.", null);
        }

        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            throw new ImportFormatException(name, $"'{name}' is a zip archive (an xlsx or ods workbook?), not a csv file; name it .xlsx or .ods.", null);
        }

        if (end < 0 && read == buffer.Length)
        {
            throw new ImportFormatException(new ImportLocation(name, null, 1, null), "the header line is longer than 64 KB.");
        }

        var headerLine = Encoding.UTF8.GetString(span[bom..(end < 0 ? read : end)]).TrimEnd('\r');
        if (headerLine.Length == 0)
        {
            throw new ImportFormatException(new ImportLocation(name, null, 1, null), "the file is empty or its first line is blank; it should start with the header row.");
        }

        var separator = headerLine.Contains(',', StringComparison.Ordinal) ? ','
            : headerLine.Contains(';', StringComparison.Ordinal) ? ';'
            : headerLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true }).FromText(headerLine);
        string?[] headers = reader.MoveNext() ? reader.Current[..].ToStringsArray() : [];
        return (headers, separator, end < 0 ? read : end + 1, file.Length);
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
