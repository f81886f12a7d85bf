namespace CrimeOutcomes.Import;

/// <summary>
/// A row sink that can take the rows of one csv file from several reading threads at once, each through a sink of its
/// own. Set as <see cref="ImportOptions.RowSink"/>, it lets a large UTF-8 csv file be read in parallel byte ranges, as
/// it is without a sink; with a plain <see cref="IOpenDataRowSink"/> such a file is read on one thread.
/// </summary>
/// <remarks>
/// <para>
/// Each reading thread calls <see cref="CreateThreadSink"/> once for the file and hands that sink the rows of its byte
/// ranges, each range in the order of its lines, with every row's <see cref="OpenDataRow.Line"/> its line of the file;
/// the ranges come in no set order. When the thread is done with the file it disposes the sink if the sink is
/// <see cref="IDisposable"/>.
/// </para>
/// <para>
/// A range's rows are handed over only once the lines of the file before it are known: each range is read into memory
/// and its lines counted there, and it is parsed when the ranges before it are counted. From the first range whose
/// lines cannot be counted that way (a line break inside a quoted field, a lone carriage return) to the end, the file
/// is read on one thread, into one more sink from <see cref="CreateThreadSink"/>. A file of one range goes to
/// <see cref="IOpenDataRowSink.Add"/> of this sink, in order. Text that can only be streamed (gzip, zip entries, other
/// encodings) and workbook sheets are read on one thread too, their rows going to <see cref="IOpenDataRowSink.Add"/>.
/// </para>
/// <para>
/// Several files given to one read are read at once, as without a sink: each file on a thread of its own, with a sink
/// from <see cref="CreateThreadSink"/> for that file (a plain sink makes them be read one after another).
/// </para>
/// </remarks>
public interface IParallelOpenDataRowSink : IOpenDataRowSink
{
    /// <summary>A sink for one reading thread: only that thread calls it, one row at a time.</summary>
    /// <returns>The thread's sink (disposed by the reader when it is done with the file, if it is <see cref="IDisposable"/>).</returns>
    IOpenDataRowSink CreateThreadSink();
}
