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

    /// <summary>
    /// England and Wales with British Transport Police: the territorial forces and BTP (44 in the default registry),
    /// named "England and Wales and British Transport Police". The Home Office national figures are for
    /// <see cref="EnglandAndWales"/>, which leaves BTP out; this group is the one to use for every crime the forces
    /// of England and Wales record, the railways' included. It has no ONS code.
    /// </summary>
    ForceGroup EnglandAndWalesAndBritishTransportPolice { get; }

    /// <summary>Every region that has forces, in the order of <see cref="Region"/> (the nine English regions, then Wales).</summary>
    IEnumerable<ForceGroup> Regions { get; }

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

    /// <summary>
    /// The area with this ONS code (case-insensitive, spaces trimmed): a force ("E23000016", "W15000002"), a region
    /// ("E12000005", West Midlands), England ("E92000001"), Wales ("W92000004") or England and Wales ("K04000001").
    /// </summary>
    /// <param name="code">The code.</param>
    /// <exception cref="KeyNotFoundException">No area of the registry has that code; the message quotes it and says which codes there are.</exception>
    Area GetArea(string code);

    /// <summary>Tries to find the area with this ONS code; returns <see langword="false"/> for an unknown code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="area">The area, when found.</param>
    bool TryGetArea([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Area? area);

    /// <summary>Tries to find the force a name refers to; returns <see langword="false"/> for non-force rows and unknown names.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="force">The force, when found.</param>
    bool TryGet([NotNullWhen(true)] string? name, [NotNullWhen(true)] out PoliceForce? force);

    /// <summary>Matches a name read from a file: a force, a known non-force row (Action Fraud, CIFAS, UK Finance, totals), or unknown with suggestions.</summary>
    /// <param name="name">The name as written.</param>
    ForceNameMatch Match(string name);
}
