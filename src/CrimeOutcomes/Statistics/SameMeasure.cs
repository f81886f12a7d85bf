namespace CrimeOutcomes.Statistics;

/// <summary>Checks that ratios set side by side (in a funnel or a ranking) measure the same thing.</summary>
internal static class SameMeasure
{
    /// <summary>Throws when <paramref name="unit"/> is on another basis, divides something else, or is for another period or scope than <paramref name="reference"/>.</summary>
    public static void Require(Ratio unit, Ratio reference, string parameterName)
    {
        string? problem = null;
        if (unit.Basis != reference.Basis)
        {
            problem = $"its count basis is {unit.Basis.ToShortName()}, the reference's {reference.Basis.ToShortName()}";
        }
        else if (unit.NumeratorLabel != reference.NumeratorLabel || unit.DenominatorLabel != reference.DenominatorLabel)
        {
            problem = $"it divides {unit.NumeratorLabel} by {unit.DenominatorLabel}, the reference {reference.NumeratorLabel} by {reference.DenominatorLabel}";
        }
        else if (unit.Key is { } u && reference.Key is { } t && (u.Period != t.Period || u.Scope != t.Scope))
        {
            problem = $"it is for {u.Period}, {u.Scope}, the reference for {t.Period}, {t.Scope}";
        }

        if (problem is not null)
        {
            throw new ArgumentException($"The unit {unit.Key?.ToString() ?? unit.Format()} does not measure what the reference does: {problem}.", parameterName);
        }
    }
}
