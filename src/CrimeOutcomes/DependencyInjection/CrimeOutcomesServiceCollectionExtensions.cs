using CrimeOutcomes.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrimeOutcomes;

/// <summary>Registers CrimeOutcomes with a <see cref="IServiceCollection"/>.</summary>
public static class CrimeOutcomesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outcome catalogue (<see cref="IOutcomeCatalogue"/>), the force registry
    /// (<see cref="IForceRegistry"/>) and the calculators (<see cref="OutcomeRatioCalculator"/>,
    /// <see cref="AreaAggregator"/>) and the open-data reader (<see cref="OutcomesOpenDataReader"/>, using the
    /// registered catalogue and registry) as singletons. Uses TryAdd, so registrations made before this call win, and a
    /// second call adds nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options, for example to substitute a catalogue.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddCrimeOutcomes(this IServiceCollection services, Action<CrimeOutcomesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new CrimeOutcomesOptions();
        configure?.Invoke(options);
        ArgumentNullException.ThrowIfNull(options.Catalogue, nameof(options.Catalogue));
        ArgumentNullException.ThrowIfNull(options.Forces, nameof(options.Forces));

        services.TryAddSingleton(options);
        services.TryAddSingleton(options.Catalogue);
        services.TryAddSingleton(options.Forces);
        services.TryAddSingleton<OutcomeRatioCalculator>();
        services.TryAddSingleton<AreaAggregator>();
        services.TryAddSingleton(provider => new OutcomesOpenDataReader(options.Import with
        {
            Catalogue = provider.GetRequiredService<IOutcomeCatalogue>(),
            Registry = provider.GetRequiredService<IForceRegistry>(),
        }));
        return services;
    }
}
