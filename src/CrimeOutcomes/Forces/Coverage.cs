using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// Which forces a figure covers out of the forces of its area: "36 of 43 forces". Every ratio and every
/// aggregate carries one, so that a partial national figure says so.
/// </summary>
public sealed class Coverage
{
    private Coverage(Area area, int covered, IReadOnlyList<PoliceForce> contributing, IReadOnlyList<PoliceForce> missing, bool listed)
    {
        Area = area;
        ForcesCovered = covered;
        Contributing = contributing;
        Missing = missing;
        IsListed = listed;
    }

    /// <summary>The area the figure is for.</summary>
    public Area Area { get; }

    /// <summary>How many forces the figure covers.</summary>
    public int ForcesCovered { get; }

    /// <summary>How many forces the reference area has (for an unlisted published group, the area it was drawn from).</summary>
    public int ForcesInArea => Area is ForceGroup { IsMembershipListed: false, Within: { } within } ? within.ForceCount : Area.ForceCount;

    /// <summary>The forces that contributed, when known; empty for a published group that did not list them.</summary>
    public IReadOnlyList<PoliceForce> Contributing { get; }

    /// <summary>The forces of the area that did not contribute, when known.</summary>
    public IReadOnlyList<PoliceForce> Missing { get; }

    /// <summary>Whether the contributing forces are known by name.</summary>
    public bool IsListed { get; }

    /// <summary>Whether every force of the area contributed.</summary>
    public bool IsComplete => ForcesCovered == ForcesInArea;

    /// <summary>A single force's own figure: 1 of 1.</summary>
    /// <param name="force">The force.</param>
    public static Coverage OfForce(PoliceForce force)
    {
        ArgumentNullException.ThrowIfNull(force);
        return new Coverage(force, 1, [force], [], true);
    }

    /// <summary>A figure published for <paramref name="area"/> as a whole; an unlisted group covers its declared count of the area it was drawn from.</summary>
    /// <param name="area">The area.</param>
    public static Coverage OfPublished(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return area.IsMembershipListed
            ? new Coverage(area, area.ForceCount, area.Forces, [], true)
            : new Coverage(area, area.ForceCount, [], [], false);
    }

    /// <summary>A figure computed from <paramref name="contributing"/>, the members of <paramref name="area"/> that had figures.</summary>
    /// <param name="area">The area.</param>
    /// <param name="contributing">The forces summed.</param>
    /// <exception cref="ArgumentException">A contributing force is not part of the area.</exception>
    public static Coverage OfComputed(Area area, IEnumerable<PoliceForce> contributing)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(contributing);
        var set = contributing.Distinct().OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        var stranger = set.FirstOrDefault(f => !area.Contains(f));
        if (stranger is not null)
        {
            throw new ArgumentException($"{stranger.Name} is not part of {area.Name}.", nameof(contributing));
        }

        var missing = area.Forces.Except(set).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        return new Coverage(area, set.Length, set, missing, true);
    }

    /// <summary>The coverage of forces present in both this and <paramref name="other"/> (for a ratio whose numerator and denominator come from different figures).</summary>
    /// <param name="other">The other coverage, of the same area.</param>
    /// <exception cref="ArgumentException">The areas differ.</exception>
    public Coverage Intersect(Coverage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Area != Area)
        {
            throw new ArgumentException($"Cannot intersect the coverage of {Area.Name} with that of {other.Area.Name}.", nameof(other));
        }

        if (!IsListed || !other.IsListed)
        {
            return ForcesCovered <= other.ForcesCovered ? this : other;
        }

        return Area is PoliceForce force ? OfForce(force) : OfComputed(Area, Contributing.Intersect(other.Contributing));
    }

    /// <summary>"1 force", "36 of 43 forces", "43 of 43 forces"; with the missing forces named when there are at most five.</summary>
    public override string ToString()
    {
        if (Area is PoliceForce)
        {
            return "1 force";
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{ForcesCovered} of {ForcesInArea} forces");
        if (!IsListed)
        {
            return text + " (members not published)";
        }

        return Missing.Count is > 0 and <= 5 ? $"{text} (missing: {string.Join(", ", Missing.Select(f => f.Name))})" : text;
    }
}
