using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// A parallel row sink: a csv file read in byte ranges on several threads, each handing its rows to a sink of its own
/// with their lines of the file, as reading on one thread gives them; files whose lines cannot be counted first go to
/// the sink's own <see cref="IOpenDataRowSink.Add"/> in order.
/// </summary>
public sealed class ParallelRowSinkTests : IDisposable
{
    private const string Header = RowSinkTests.Header;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parallel-sink-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    private static readonly ImportOptions Parallel = ImportOptions.Default with { MaxDegreeOfParallelism = 3, CsvChunkBytes = 2048, Strict = false };

    /// <summary>Records every row as "line|force|quarter|outcome|recorded|closed", with the thread sinks it made and the rows each took.</summary>
    private sealed class Recorder : IParallelOpenDataRowSink
    {
        public ConcurrentBag<string> Rows { get; } = [];

        public ConcurrentBag<ThreadRecorder> Threads { get; } = [];

        public int OwnAdds;

        public void Add(in OpenDataRow row)
        {
            Interlocked.Increment(ref OwnAdds);
            Rows.Add(Describe(row));
        }

        public IOpenDataRowSink CreateThreadSink()
        {
            var sink = new ThreadRecorder(this);
            Threads.Add(sink);
            return sink;
        }

        public static string Describe(in OpenDataRow row) => string.Create(CultureInfo.InvariantCulture,
            $"{row.Line}|{row.Force.Name}|{row.Quarter?.Quarter}|{row.Outcome.Code}|{row.RecordedInPeriod}|{row.AssignedInPeriod}|{row.OffenceGroup}");
    }

    private sealed class ThreadRecorder(Recorder owner) : IOpenDataRowSink, IDisposable
    {
        public int Taken { get; private set; }

        public bool Disposed { get; private set; }

        public int? Thread { get; private set; }

        public void Add(in OpenDataRow row)
        {
            Disposed.Should().BeFalse("a thread sink is not used after it is disposed");
            Thread ??= Environment.CurrentManagedThreadId;
            Environment.CurrentManagedThreadId.Should().Be(Thread, "only its own thread calls a thread sink");
            Taken++;
            owner.Rows.Add(Recorder.Describe(row));
        }

        public void Dispose() => Disposed = true;
    }

    private sealed class InOrder : IOpenDataRowSink
    {
        public List<string> Rows { get; } = [];

        public void Add(in OpenDataRow row) => Rows.Add(Recorder.Describe(row));
    }

    /// <summary>A csv file of <paramref name="rows"/> data rows, some offence descriptions quoted (with commas and doubled quotes), with the given line ends.</summary>
    private void WriteFile(int rows, string lineEnd = "\n", Func<int, string>? description = null)
    {
        var forces = new[] { "West Mercia", "Dyfed-Powys", "Kent", "British Transport Police", "Action Fraud", "Nowhere Constabulary" };
        var text = new StringBuilder(Header).Append(lineEnd);
        for (var i = 0; i < rows; i++)
        {
            var force = forces[i % forces.Length];
            var offence = description?.Invoke(i) ?? (i % 5 == 0 ? "\"Assault, with \"\"intent\"\"\"" : "Murder");
            text.Append(CultureInfo.InvariantCulture, $"2017/18,{1 + (i % 4)},{force},{offence},Homicide,Homicide,1,,Charged/Summonsed,Charged/Summonsed,1,{i},{(i % 7 == 0 ? "--" : (i * 2).ToString(CultureInfo.InvariantCulture))}").Append(lineEnd);
        }

        File.WriteAllText(_path, text.ToString());
    }

    private List<string> ReadInOrder()
    {
        var sink = new InOrder();
        new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = sink, Strict = false }).Read(_path);
        return sink.Rows;
    }

    private static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Rows_read_on_several_threads_reach_their_thread_sinks_with_the_lines_one_thread_gives(string lineEnd)
    {
        WriteFile(3_000, lineEnd);
        var sink = new Recorder();

        var result = new OutcomesOpenDataReader(Parallel with { RowSink = sink }).Read(_path);

        var expected = ReadInOrder();
        expected.Should().HaveCount(2_000, "of six forces, British Transport Police and Action Fraud are set aside or rejected");
        expected[0].Should().Be("2|West Mercia|1|1|0||Homicide", "the first data row is line 2 and its closed count a marker");
        Sorted(sink.Rows).Should().Equal(Sorted(expected));
        sink.OwnAdds.Should().Be(0);
        sink.Threads.Should().HaveCountGreaterThan(1).And.OnlyContain(t => t.Disposed);
        sink.Threads.Select(t => t.Thread).Distinct().Should().HaveCountGreaterThan(1, "the byte ranges were read on several threads");
        result.Report.Files.Single().RowsKept.Should().Be(2_000);
    }

    [Fact]
    public void Rejected_rows_are_reported_on_the_lines_one_thread_gives_whatever_range_they_start()
    {
        // Every sixth row's force is unknown, every fifth row's offence quoted: with ranges of a few rows, many ranges
        // start with a rejected row or a quoted field.
        WriteFile(3_000);
        var options = Parallel with { MaxRejectedRowsListed = 1_000 };

        var parallel = new OutcomesOpenDataReader(options with { RowSink = new Recorder() }).Read(_path).Report.Files.Single().Rejected;
        var oneThread = new OutcomesOpenDataReader(options with { RowSink = new InOrder() }).Read(_path).Report.Files.Single().Rejected;

        oneThread.Should().HaveCount(500);
        oneThread[0].Location.Number.Should().Be(7, "the sixth data row is line 7");
        parallel.Select(r => r.Location.Number).Should().Equal(oneThread.Select(r => r.Location.Number));
    }

    [Fact]
    public void A_line_over_the_limit_in_a_range_is_reported_on_its_line_as_one_thread_reports_it()
    {
        // Row 1,000 (line 1,001) is 20,000 bytes, against a limit of 4,096: its range is far longer than the others, and
        // is not read into memory (the file is read from it on one thread, which stops at the line).
        WriteFile(2_000, description: i => i == 999 ? new string('x', 20_000) : "Murder");
        var sink = new Recorder();

        var read = () => new OutcomesOpenDataReader(Parallel with { RowSink = sink, MaxLineLength = 4_096 }).Read(_path);

        read.Should().Throw<ImportLimitException>().WithMessage("*, line 1001: the line is longer than 4,096 bytes*");
        sink.Rows.Should().NotContain(r => r.StartsWith("1001|", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_files_are_read_at_once_each_into_a_thread_sink_of_its_own()
    {
        var second = Path.Combine(Path.GetTempPath(), $"parallel-sink-{Guid.NewGuid():N}-2.csv");
        try
        {
            WriteFile(600);
            File.WriteAllText(second, File.ReadAllText(_path).Replace("2017/18,", "2018/19,", StringComparison.Ordinal));
            var sink = new Recorder();

            new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 2, Strict = false, RowSink = sink }).Read([_path, second]);

            var one = ReadInOrder();
            Sorted(sink.Rows).Should().Equal(Sorted(one.Concat(one)), "both files' rows, each with its line");
            sink.OwnAdds.Should().Be(0);
            sink.Threads.Should().HaveCount(2).And.OnlyContain(t => t.Disposed && t.Taken == one.Count);
        }
        finally
        {
            File.Delete(second);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_500)]
    public void A_file_whose_quoted_fields_hold_a_line_break_is_read_on_one_thread_from_the_range_that_holds_it(int brokenRow)
    {
        WriteFile(2_000, description: i => i == brokenRow ? "\"Murder\nover two lines\"" : "Murder");
        var sink = new Recorder();

        var result = new OutcomesOpenDataReader(Parallel with { RowSink = sink }).Read(_path);

        var expected = ReadInOrder();
        Sorted(sink.Rows).Should().Equal(Sorted(expected));
        var after = $"{brokenRow + 4}|";
        sink.Rows.Should().Contain(r => r.StartsWith(after, StringComparison.Ordinal), "the row after the one over two lines is on line {0}", brokenRow + 4);
        sink.OwnAdds.Should().Be(0);
        sink.Threads.Should().OnlyContain(t => t.Disposed);
        // From the range that holds the break to the end, one thread sink takes the rows: the last quarter of the file
        // and more when the break is near its end, every row when it is in the first range.
        sink.Threads.Max(t => t.Taken).Should().BeGreaterThanOrEqualTo(brokenRow == 0 ? expected.Count : expected.Count / 4);
        result.Report.Files.Single().RowsKept.Should().Be(expected.Count);
    }

    [Fact]
    public void Lines_are_counted_as_Sep_counts_them()
    {
        // Line ends of both kinds, an empty line, and quoted fields with commas and doubled quotes: an empty quoted
        // field, a doubled quote that opens and closes at once, and """x""" (a field of "x" in quotes).
        LineCounter.Count("a,b\r\nc,\"d,\"\"e\"\"\"\r\nf,g\n\nh\r\n"u8).Should().Be(5);
        LineCounter.Count("\"a,b\",c\r\n\"\"\"x\"\"\",\"\"\n\"q\"\"\"\"r\",\"s,t\"\r\nu\n"u8).Should().Be(4);
        LineCounter.Count("no line end"u8).Should().Be(0);
        LineCounter.Count(""u8).Should().Be(0);
    }

    [Theory]
    [InlineData("a,\"b\nc\"\n")]
    [InlineData("a,\"b\r\nc\"\n")]
    [InlineData("a,\"b\rc\"\n")]
    [InlineData("\"a,b\",c\n\"\"\"x\"\"\n\"\n")]
    [InlineData("a,\"b\n")]
    [InlineData("a\rb\n")]
    [InlineData("a,b\r")]
    public void Lines_that_a_range_could_not_place_are_not_counted(string text)
    {
        LineCounter.Count(Encoding.UTF8.GetBytes(text)).Should().BeNull();
    }
}
