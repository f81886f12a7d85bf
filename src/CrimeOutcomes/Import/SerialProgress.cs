namespace CrimeOutcomes.Import;

/// <summary>Passes progress reports from several reading threads to a sink one at a time (a sink need not be thread-safe).</summary>
internal sealed class SerialProgress<T>(IProgress<T> inner) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            inner.Report(value);
        }
    }
}
