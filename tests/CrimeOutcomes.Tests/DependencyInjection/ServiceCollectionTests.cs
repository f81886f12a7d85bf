using CrimeOutcomes.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CrimeOutcomes.Tests.DependencyInjection;

public class ServiceCollectionTests
{
    [Fact]
    public void Resolves_every_service()
    {
        using var provider = new ServiceCollection().AddCrimeOutcomes().BuildServiceProvider();

        provider.GetRequiredService<IOutcomeCatalogue>().Should().BeSameAs(OutcomeCatalogue.Default);
        provider.GetRequiredService<IForceRegistry>().Should().BeSameAs(ForceRegistry.Default);
        provider.GetRequiredService<OutcomeRatioCalculator>().Should().NotBeNull();
        provider.GetRequiredService<AreaAggregator>().Should().NotBeNull();
        provider.GetRequiredService<CrimeOutcomesOptions>().Should().NotBeNull();
        provider.GetRequiredService<OutcomesOpenDataReader>().Options.Registry.Should().BeSameAs(ForceRegistry.Default);
    }

    [Fact]
    public void A_users_own_registration_wins_and_a_second_call_adds_nothing()
    {
        var mine = new ForceRegistry(ForceRegistry.Default.All.Where(f => f.Name != "Kent"));
        var services = new ServiceCollection();
        services.AddSingleton<IForceRegistry>(mine);
        services.AddCrimeOutcomes();
        var count = services.Count;
        services.AddCrimeOutcomes();

        services.Count.Should().Be(count);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IForceRegistry>().Should().BeSameAs(mine);
        provider.GetRequiredService<IForceRegistry>().TryGet("Kent", out _).Should().BeFalse();
        provider.GetRequiredService<OutcomesOpenDataReader>().Options.Registry.Should().BeSameAs(mine, "the reader resolves names with the registered registry");
    }

    [Fact]
    public void Options_substitute_the_catalogue()
    {
        var revised = OutcomeCatalogue.Default.With(new OutcomeType("23", "A future outcome", OutcomeGroup.OutOfCourtFormal, new DateOnly(2027, 4, 1)));
        using var provider = new ServiceCollection().AddCrimeOutcomes(o => o.Catalogue = revised).BuildServiceProvider();
        provider.GetRequiredService<IOutcomeCatalogue>().Parse("Outcome 23").Meaning.Should().Be("A future outcome");
    }
}
