namespace CrimeOutcomes.Statistics;

/// <summary>
/// The hedge a worded claim puts before its quantity ("just under 50 per cent", "about a third"). Each has an
/// explicit tolerance rule; see <see cref="ClaimCheck"/>.
/// </summary>
public enum ClaimQualifier
{
    /// <summary>No hedge: "a third", "50 per cent", "doubled".</summary>
    None = 0,

    /// <summary>"about", "around", "approximately", "roughly", "some", "circa", "an estimated".</summary>
    About = 1,

    /// <summary>"nearly", "almost", "close to", "approaching", "not quite": below the quantity, within the wide tolerance.</summary>
    Nearly = 2,

    /// <summary>"just under", "just below", "slightly under", "slightly less than", "a little under", "just short of": below, within the wide tolerance.</summary>
    JustUnder = 3,

    /// <summary>"just over", "just above", "slightly over", "slightly more than", "a little over": above, within the wide tolerance.</summary>
    JustOver = 4,

    /// <summary>"more than", "over", "above", "in excess of", "upwards of", "greater than": strictly above.</summary>
    MoreThan = 5,

    /// <summary>"less than", "under", "below", "fewer than", "lower than": strictly below.</summary>
    LessThan = 6,

    /// <summary>"at least", "no less than", "no fewer than": at or above.</summary>
    AtLeast = 7,

    /// <summary>"at most", "no more than", "up to": at or below.</summary>
    AtMost = 8,

    /// <summary>"exactly", "precisely": equal (as exact fractions, not after rounding).</summary>
    Exactly = 9,
}
