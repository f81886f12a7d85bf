using CrimeOutcomes.Import;

namespace CrimeOutcomes;

/// <summary>Settings for <see cref="CrimeOutcomesServiceCollectionExtensions.AddCrimeOutcomes"/>.</summary>
public sealed class CrimeOutcomesOptions
{
    /// <summary>The outcome catalogue to register; <see cref="OutcomeCatalogue.Default"/> unless set.</summary>
    public IOutcomeCatalogue Catalogue { get; set; } = OutcomeCatalogue.Default;

    /// <summary>The force registry to register; <see cref="ForceRegistry.Default"/> unless set.</summary>
    public IForceRegistry Forces { get; set; } = ForceRegistry.Default;

    /// <summary>
    /// The options of the registered <see cref="OutcomesOpenDataReader"/>; its catalogue and registry are replaced by
    /// the ones registered in the container.
    /// </summary>
    public ImportOptions Import { get; set; } = ImportOptions.Default;
}
