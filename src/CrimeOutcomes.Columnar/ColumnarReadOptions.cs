namespace CrimeOutcomes.Columnar;

/// <summary>How columnar files are turned back into domain values: the forces and outcome types they refer to.</summary>
public sealed record ColumnarReadOptions
{
    /// <summary>The default options: the default force registry and outcome catalogue.</summary>
    public static ColumnarReadOptions Default { get; } = new();

    /// <summary>The registry that resolves force ONS codes and names (by default <see cref="ForceRegistry.Default"/>).</summary>
    public IForceRegistry Registry { get; init; } = ForceRegistry.Default;

    /// <summary>The catalogue that resolves outcome codes (by default <see cref="OutcomeCatalogue.Default"/>).</summary>
    public IOutcomeCatalogue Catalogue { get; init; } = OutcomeCatalogue.Default;
}
