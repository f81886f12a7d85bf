using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// Which forces a figure covers out of the forces of its area: "36 of 43 forces". Every ratio and every
/// aggregate carries one, so that a partial national figure says so.
/// </summary>
public sealed class Coverage
{
    private Coverage(Area area, int covered, IReadOnlyList<PoliceForce> contributing, IReadOnlyList<PoliceForce> missing, bool listed, IReadOnlyList<FigureGap>? gaps = null)
    {
        Area = area;
        ForcesCovered = covered;
        Contributing = contributing;
        Missing = missing;
        IsListed = listed;
        Gaps = gaps ?? [];
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

    /// <summary>
    /// The force-quarters the contributing forces lack ("N/A - data not provided"): their figures sum only the
    /// quarters provided. Empty when every contributing force gave every quarter.
    /// </summary>
    public IReadOnlyList<FigureGap> Gaps { get; }

    /// <summary>The contributing forces that lack one or more quarters, by name.</summary>
    public IReadOnlyList<PoliceForce> ForcesWithGaps => Gaps.Select(g => g.Force).Distinct().OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Whether some contributing force lacks quarters of the period (see <see cref="Gaps"/>).</summary>
    public bool IsPartial => Gaps.Count > 0;

    /// <summary>This coverage with the gaps of its contributing forces added (a gap of another force is ignored).</summary>
    /// <param name="gaps">Force-quarters without figures.</param>
    public Coverage WithGaps(IEnumerable<FigureGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var all = Gaps.Concat(gaps.Where(g => g is not null && (!IsListed || Contributing.Contains(g.Force)))).Distinct()
            .OrderBy(g => g.Force.Name, StringComparer.Ordinal).ThenBy(g => g.Quarter).ThenBy(g => g.Basis).ToArray();
        return all.Length == Gaps.Count ? this : new Coverage(Area, ForcesCovered, Contributing, Missing, IsListed, all);
    }

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
            return (ForcesCovered <= other.ForcesCovered ? this : other).WithGaps(Gaps.Concat(other.Gaps));
        }

        return (Area is PoliceForce force ? OfForce(force) : OfComputed(Area, Contributing.Intersect(other.Contributing))).WithGaps(Gaps.Concat(other.Gaps));
    }

    /// <summary>
    /// "1 force", "36 of 43 forces", "43 of 43 forces"; with the missing forces named when there are at most five;
    /// then the forces that lack quarters: "43 of 43 forces; 8 lack one or more quarters", "1 force; lacks 2014/15 Q4".
    /// </summary>
    public override string ToString()
    {
        if (Area is PoliceForce)
        {
            return "1 force" + GapText();
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{ForcesCovered} of {ForcesInArea} forces");
        if (!IsListed)
        {
            return text + " (members not published)" + GapText();
        }

        return (Missing.Count is > 0 and <= 5 ? $"{text} (missing: {string.Join(", ", Missing.Select(f => f.Name))})" : text) + GapText();
    }

    private string GapText()
    {
        if (Gaps.Count == 0)
        {
            return string.Empty;
        }

        if (Area is PoliceForce)
        {
            return "; lacks " + string.Join(", ", Gaps.Select(g => g.Quarter).Distinct().Order());
        }

        var forces = ForcesWithGaps.Count;
        return string.Create(CultureInfo.InvariantCulture, $"; {forces} lack{(forces == 1 ? "s" : string.Empty)} one or more quarters");
    }
}
