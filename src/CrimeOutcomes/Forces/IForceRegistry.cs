using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// The police forces a program knows, with tolerant matching of the names found in published tables, and the
/// areas made of them. <see cref="ForceRegistry.Default"/> holds the 43 territorial forces and British Transport Police.
/// </summary>
/// <remarks>Implementations must be immutable and safe to use from many threads at once.</remarks>
public interface IForceRegistry
{
    /// <summary>Every force, territorial and national, in name order.</summary>
    IReadOnlyList<PoliceForce> All { get; }

    /// <summary>England and Wales: the territorial forces (43 in the default registry).</summary>
    ForceGroup EnglandAndWales { get; }

    /// <summary>The territorial forces of England (39 in the default registry).</summary>
    ForceGroup England { get; }

    /// <summary>The territorial forces of Wales (4 in the default registry).</summary>
    ForceGroup Wales { get; }

    /// <summary>The forces of <paramref name="region"/>.</summary>
    /// <param name="region">The region.</param>
    ForceGroup RegionOf(Region region);

    /// <summary>
    /// The force a name refers to, matched tolerantly: case, "&amp;"/"and", hyphens, the suffixes "Police",
    /// "Constabulary" and "Police Service", note markers such as "[Note 6]", spaces, and known former names.
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <exception cref="KeyNotFoundException">No force has that name; the message quotes it and names the nearest known forces, or says it is a known non-force row.</exception>
    PoliceForce Get(string name);

    /// <summary>The force with this ONS police force area code.</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="KeyNotFoundException">No force has that code.</exception>
    PoliceForce Get(PoliceForceAreaCode code);

    /// <summary>Tries to find the force a name refers to; returns <see langword="false"/> for non-force rows and unknown names.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="force">The force, when found.</param>
    bool TryGet([NotNullWhen(true)] string? name, [NotNullWhen(true)] out PoliceForce? force);

    /// <summary>Matches a name read from a file: a force, a known non-force row (Action Fraud, CIFAS, UK Finance, totals), or unknown with suggestions.</summary>
    /// <param name="name">The name as written.</param>
    ForceNameMatch Match(string name);
}
