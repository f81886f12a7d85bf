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
/// Rows go to the thread sinks only when the lines of every range are known before it is read: the byte ranges are
/// counted first, and a file whose quoted fields hold line breaks, or whose lines end in a lone carriage return, is
/// read on one thread, its rows going to <see cref="IOpenDataRowSink.Add"/> of this sink. Text that can only be
/// streamed (gzip, zip entries, other encodings) and workbook sheets are read on one thread too.
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
