namespace CrimeOutcomes.Statistics;

/// <summary>
/// The funnel's control limits for one denominator size: the proportions (as fractions) between which a unit with
/// <see cref="Denominator"/> cases lies with probability 95 % and 99.8 % if its true proportion is the target.
/// </summary>
/// <param name="Denominator">The denominator size n.</param>
/// <param name="Lower95">The lower 95 % limit (the 2.5 % point).</param>
/// <param name="Upper95">The upper 95 % limit (the 97.5 % point).</param>
/// <param name="Lower998">The lower 99.8 % limit (the 0.1 % point).</param>
/// <param name="Upper998">The upper 99.8 % limit (the 99.9 % point).</param>
public readonly record struct FunnelLimits(long Denominator, double Lower95, double Upper95, double Lower998, double Upper998)
{
    /// <summary>Classifies a proportion against these limits; a proportion on a limit is inside it.</summary>
    /// <param name="proportion">The proportion, as a fraction.</param>
    public FunnelClassification Classify(double proportion) => proportion switch
    {
        _ when proportion > Upper998 => FunnelClassification.Above998,
        _ when proportion > Upper95 => FunnelClassification.Above95,
        _ when proportion < Lower998 => FunnelClassification.Below998,
        _ when proportion < Lower95 => FunnelClassification.Below95,
        _ => FunnelClassification.Within,
    };
}
