using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>The real 2017/18 file (../shared/real), imported once per test class.</summary>
public sealed class RealFile
{
    public ImportResult Result { get; } = new OutcomesOpenDataReader().Read(RealData.GzipPath);

    public OutcomeDataset Dataset => Result.Dataset;
}
