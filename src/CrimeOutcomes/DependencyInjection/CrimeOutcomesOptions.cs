namespace CrimeOutcomes;

/// <summary>Settings for <see cref="CrimeOutcomesServiceCollectionExtensions.AddCrimeOutcomes"/>.</summary>
public sealed class CrimeOutcomesOptions
{
    /// <summary>The outcome catalogue to register; <see cref="OutcomeCatalogue.Default"/> unless set.</summary>
    public IOutcomeCatalogue Catalogue { get; set; } = OutcomeCatalogue.Default;

    /// <summary>The force registry to register; <see cref="ForceRegistry.Default"/> unless set.</summary>
    public IForceRegistry Forces { get; set; } = ForceRegistry.Default;
}
