using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// Checks whether a worded claim ("a third", "just under 50 per cent", "nearly half", "one in seven", "rose",
/// "more than doubled") fits the arithmetic, says by how much, and under which explicit tolerance rule.
/// </summary>
/// <remarks>
/// <para>Tolerance rules for proportions, with t the stated value and m = min(t, 100 − t) in per cent (the distance to
/// the nearer end of the scale, so that "nine in ten" is judged like "one in ten"):</para>
/// <list type="bullet">
/// <item>bare fraction word ("a third", "one in seven"): within ± narrow = max(1 pp, 5 % of m) — a third: 31.7–35.0 %;</item>
/// <item>bare number ("50 per cent", "37.5 %"): the figure rounds to it at the precision written — 49.5 ≤ x &lt; 50.5;</item>
/// <item>"about", "around", "roughly": within ± wide = max(2 pp, 10 % of m) (or the rounding, if wider) — about a third: 30.0–36.7 %;</item>
/// <item>"nearly", "almost", "just under": below t, by at most wide — just under 50 per cent: 45.0 ≤ x &lt; 50;</item>
/// <item>"just over": above t, by at most wide; "more than"/"less than": strictly; "at least"/"at most": inclusive; "exactly": equal.</item>
/// </list>
/// <para>Changes: a direction ("rose", "fell") needs the later value strictly above or below the earlier ("unchanged":
/// within 0.05 pp for ratios, equal for counts); a multiple ("doubled", "halved") uses the same rules on the factor,
/// with narrow = 5 % and wide = 10 % of the stated factor (for "halved", of the inverse factor 2); a change by an amount
/// ("rose by 10 per cent", "fell by a third", "rose by 4 percentage points") needs the right direction and the size
/// judged with the proportion rules, m being the stated size.</para>
/// <para>Values are compared exactly (as decimals from the exact counts); rounding happens only in the wording.</para>
/// </remarks>
public static class ClaimCheck
{
    private const string NarrowWhy = "the larger of 1 pp and 5 % of the distance to the nearer end of the scale";
    private const string WideWhy = "the larger of 2 pp and 10 % of the distance to the nearer end of the scale";

    private static readonly (long Numerator, long Denominator, string Words)[] CommonFractions =
    [
        (1, 2, "half"), (1, 3, "a third"), (2, 3, "two thirds"), (1, 4, "a quarter"), (3, 4, "three quarters"),
        (1, 5, "a fifth"), (2, 5, "two in five"), (3, 5, "three in five"), (4, 5, "four in five"), (1, 6, "one in six"),
        (1, 7, "one in seven"), (1, 8, "one in eight"), (1, 9, "one in nine"), (1, 10, "one in ten"), (3, 10, "three in ten"),
        (7, 10, "seven in ten"), (9, 10, "nine in ten"),
    ];

    /// <summary>Checks a claim about the size of a proportion against a ratio.</summary>
    /// <param name="claim">The claim, a phrase or a sentence ("However, in West Mercia the figure is just under 50 per cent.").</param>
    /// <param name="ratio">The ratio it describes.</param>
    /// <exception cref="FormatException">The claim states no quantity from the vocabulary.</exception>
    /// <exception cref="ArgumentException">The claim is about a change, not a proportion.</exception>
    /// <exception cref="InvalidOperationException">The ratio is undefined.</exception>
    public static ClaimVerdict Check(string claim, Ratio ratio) => Check(WordedClaim.Parse(claim), ratio);

    /// <inheritdoc cref="Check(string, Ratio)"/>
    /// <param name="claim">The parsed claim.</param>
    /// <param name="ratio">The ratio it describes.</param>
    public static ClaimVerdict Check(WordedClaim claim, Ratio ratio)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(ratio);
        if (claim.Kind != ClaimKind.Proportion)
        {
            throw new ArgumentException($"'{claim.Phrase}' is a claim about a change; check it against a RatioChange or CountChange, not a single ratio.", nameof(claim));
        }

        if (ratio.Percent is not { } actual)
        {
            throw new InvalidOperationException($"The ratio {ratio.Format()} is undefined (zero denominator): no wording can fit it.");
        }

        var target = claim.Percent!.Value;
        var tolerance = ProportionTolerance(claim.Qualifier, target, claim.IsFractionWord, claim.Decimals, Math.Min(target, 100m - target));
        var fits = tolerance.Contains(actual);
        var difference = actual - target;
        var position = difference == 0 ? $"exactly {claim.QuantityText}"
            : string.Create(CultureInfo.InvariantCulture, $"{ClaimTolerance.F(Math.Abs(difference))} pp {(difference > 0 ? "above" : "below")} {claim.QuantityText}");
        var explanation = $"{(fits ? "Fits" : "Does not fit")} '{claim.Phrase}': {ratio.Format()} is {position}.";
        return new ClaimVerdict(claim, fits, ratio.Format(), difference, tolerance.Rule, explanation, fits ? [] : ProportionAlternatives(claim, actual), null);
    }

    /// <summary>Checks a claim about a change of a ratio ("rose", "more than doubled", "rose by 4 percentage points").</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="change">The change it describes.</param>
    /// <param name="level">The confidence level for the note on statistical significance; 0.95 by default.</param>
    /// <exception cref="FormatException">The claim states no quantity from the vocabulary.</exception>
    /// <exception cref="ArgumentException">The claim is about a proportion, not a change.</exception>
    public static ClaimVerdict Check(string claim, RatioChange change, double level = 0.95) => Check(WordedClaim.Parse(claim), change, level);

    /// <inheritdoc cref="Check(string, RatioChange, double)"/>
    /// <param name="claim">The parsed claim.</param>
    /// <param name="change">The change it describes.</param>
    /// <param name="level">The confidence level for the note on statistical significance; 0.95 by default.</param>
    public static ClaimVerdict Check(WordedClaim claim, RatioChange change, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(change);
        ConfidenceLevels.Validate(level, nameof(level));
        RequireChangeClaim(claim);
        if (!change.IsDefined)
        {
            throw new InvalidOperationException($"The change {change} is undefined: a ratio has a zero denominator.");
        }

        var actual = $"{change.From.Format()} \u2192 {change.To.Format()} ({change})";
        var note = ProportionComparison.Compare(change, level) switch
        {
            ProportionDifference d => $"Statistically, the change is {(d.IsSignificantAt(level) ? string.Empty : "not ")}significant at {ConfidenceLevels.Format(level)}: {d.Interval.FormatPoints()}, {ProportionDifference.FormatPValue(d.PValue)}.",
            NotComparable n => $"No significance test: {n.Explanation}",
            _ => null,
        };

        var order = RatioOrder.Compare(change.To, change.From);
        return claim.Kind switch
        {
            ClaimKind.Direction => Direction(claim, actual, order, Math.Abs(change.PercentagePoints!.Value) < 0.05m, note),
            ClaimKind.Multiple => Multiple(claim, actual, change.From.Numerator == 0 ? null : change.To.Value!.Value / change.From.Value!.Value, change.To.Numerator == 0, note),
            _ => ChangeBy(claim, actual, claim.InPercentagePoints ? change.PercentagePoints : change.Relative * 100m, note),
        };
    }

    /// <summary>Checks a claim about a change of a count ("recorded crimes rose", "more than doubled", "rose by 10 per cent").</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="change">The change it describes.</param>
    /// <exception cref="FormatException">The claim states no quantity from the vocabulary.</exception>
    /// <exception cref="ArgumentException">The claim is about a proportion, or in percentage points (which only ratios have).</exception>
    public static ClaimVerdict Check(string claim, CountChange change) => Check(WordedClaim.Parse(claim), change);

    /// <inheritdoc cref="Check(string, CountChange)"/>
    /// <param name="claim">The parsed claim.</param>
    /// <param name="change">The change it describes.</param>
    public static ClaimVerdict Check(WordedClaim claim, CountChange change)
    {
        ArgumentNullException.ThrowIfNull(claim);
        RequireChangeClaim(claim);
        if (claim.InPercentagePoints)
        {
            throw new ArgumentException($"'{claim.Phrase}' is in percentage points, which apply to ratios, not counts.", nameof(claim));
        }

        var actual = string.Create(CultureInfo.InvariantCulture, $"{change.From:N0} \u2192 {change.To:N0} ({change})");
        var order = change.To.CompareTo(change.From);
        return claim.Kind switch
        {
            ClaimKind.Direction => Direction(claim, actual, order, order == 0, null),
            ClaimKind.Multiple => Multiple(claim, actual, change.From == 0 ? null : (decimal)change.To / change.From, change.To == 0, null),
            _ => ChangeBy(claim, actual, change.Relative * 100m, null),
        };
    }

    private static void RequireChangeClaim(WordedClaim claim)
    {
        if (claim.Kind == ClaimKind.Proportion)
        {
            throw new ArgumentException($"'{claim.Phrase}' is a claim about the size of a proportion; check it against a Ratio, not a change.", nameof(claim));
        }
    }

    private static ClaimTolerance ProportionTolerance(ClaimQualifier qualifier, decimal target, bool fractionWord, int decimals, decimal scale)
    {
        var narrow = Math.Max(1m, 0.05m * scale);
        var wide = Math.Max(2m, 0.10m * scale);
        decimal? rounding = fractionWord ? null : 0.5m / ClaimGrammar.Pow10(decimals);
        return ClaimTolerance.For(qualifier, target, narrow, wide, rounding, " %", NarrowWhy, WideWhy);
    }

    private static ClaimVerdict Direction(WordedClaim claim, string actual, int order, bool unchanged, string? note)
    {
        var fits = claim.Direction switch
        {
            ChangeDirection.Up => order > 0,
            ChangeDirection.Down => order < 0,
            _ => unchanged,
        };
        var happened = order > 0 ? "rose" : order < 0 ? "fell" : "did not change";
        var rule = claim.Direction == ChangeDirection.Unchanged
            ? "'unchanged' needs the same value (within 0.05 pp for a ratio, equal for a count)"
            : $"'{claim.Phrase}' needs the later value strictly {(claim.Direction == ChangeDirection.Up ? "above" : "below")} the earlier";
        var alternatives = fits ? [] : new[] { happened };
        return new ClaimVerdict(claim, fits, actual, null, rule, $"{(fits ? "Fits" : "Does not fit")} '{claim.Phrase}': {actual}: it {happened}.", alternatives, note);
    }

    private static ClaimVerdict Multiple(WordedClaim claim, string actual, decimal? factor, bool toZero, string? note)
    {
        var stated = claim.Factor!.Value;
        if (factor is not { } f)
        {
            return new ClaimVerdict(claim, false, actual, null, "a multiple needs a non-zero starting value", $"Does not fit '{claim.Phrase}': {actual}: it starts from zero, so it is no multiple of anything.", [], note);
        }

        // Shrinking multiples ("halved") are judged on the inverse factor, so that "more than halved" means a bigger fall.
        var shrinking = stated < 1;
        var target = shrinking ? 1 / stated : stated;
        var measured = shrinking ? (toZero ? decimal.MaxValue : 1 / f) : f;
        var tolerance = ClaimTolerance.For(claim.Qualifier, target, 0.05m * target, 0.10m * target, null, string.Empty, "5 % of the factor", "10 % of the factor");
        var fits = tolerance.Contains(measured);
        var shown = toZero && shrinking ? "fell to zero" : string.Create(CultureInfo.InvariantCulture, $"changed by a factor of {f:0.000}");
        var rule = (shrinking ? "on the inverse factor (earlier / later): " : "on the factor (later / earlier): ") + tolerance.Rule.Replace("a bare fraction word", "a bare multiple", StringComparison.Ordinal);
        return new ClaimVerdict(claim, fits, actual, toZero && shrinking ? null : f - stated, rule,
            $"{(fits ? "Fits" : "Does not fit")} '{claim.Phrase}': {actual}: it {shown}.", [], note);
    }

    private static ClaimVerdict ChangeBy(WordedClaim claim, string actual, decimal? change, string? note)
    {
        if (change is not { } value)
        {
            return new ClaimVerdict(claim, false, actual, null, "a relative change needs a non-zero starting value", $"Does not fit '{claim.Phrase}': {actual}: it starts from zero, so it has no relative change.", [], note);
        }

        var unit = claim.InPercentagePoints ? " pp" : " %";
        var stated = claim.Percent!.Value;
        var rightWay = claim.Direction == ChangeDirection.Up ? value > 0 : claim.Direction == ChangeDirection.Down ? value < 0 : value == 0;
        var size = Math.Abs(value);
        var narrow = Math.Max(claim.InPercentagePoints ? 0.1m : 1m, 0.05m * stated);
        var wide = Math.Max(claim.InPercentagePoints ? 0.2m : 2m, 0.10m * stated);
        decimal? rounding = claim.IsFractionWord ? null : 0.5m / ClaimGrammar.Pow10(claim.Decimals);
        var tolerance = ClaimTolerance.For(claim.Qualifier, stated, narrow, wide, rounding, unit, "5 % of the stated change", "10 % of the stated change");
        var fits = rightWay && tolerance.Contains(size);
        var moved = value > 0 ? "rose" : value < 0 ? "fell" : "did not change";
        var explanation = $"{(fits ? "Fits" : "Does not fit")} '{claim.Phrase}': {actual}: it {moved} by {ClaimTolerance.F(size)}{unit}.";
        return new ClaimVerdict(claim, fits, actual, size - stated, (rightWay ? string.Empty : "the direction is wrong; ") + tolerance.Rule, explanation, [], note);
    }

    private static List<string> ProportionAlternatives(WordedClaim claim, decimal actual)
    {
        var alternatives = new List<string>();
        var target = claim.Percent!.Value;
        var scale = Math.Min(target, 100m - target);
        var words = claim.QuantityText.Split(" (")[0];
        foreach (var qualifier in new[] { ClaimQualifier.JustUnder, ClaimQualifier.JustOver, ClaimQualifier.MoreThan, ClaimQualifier.LessThan })
        {
            if (ProportionTolerance(qualifier, target, claim.IsFractionWord, claim.Decimals, scale).Contains(actual))
            {
                alternatives.Add($"{Words(qualifier)} {words}");
                break;
            }
        }

        foreach (var (numerator, denominator, fraction) in CommonFractions)
        {
            var percent = numerator * 100m / denominator;
            if (ProportionTolerance(ClaimQualifier.None, percent, true, 0, Math.Min(percent, 100m - percent)).Contains(actual))
            {
                alternatives.Add(fraction);
            }
        }

        alternatives.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Round(actual, 0, MidpointRounding.AwayFromZero):0} per cent"));
        return alternatives;
    }

    private static string QualifierWords(WordedClaim claim) => Words(claim.Qualifier);

    internal static string Words(ClaimQualifier qualifier) => qualifier switch
    {
        ClaimQualifier.About => "about",
        ClaimQualifier.Nearly => "nearly",
        ClaimQualifier.JustUnder => "just under",
        ClaimQualifier.JustOver => "just over",
        ClaimQualifier.MoreThan => "more than",
        ClaimQualifier.LessThan => "less than",
        ClaimQualifier.AtLeast => "at least",
        ClaimQualifier.AtMost => "at most",
        ClaimQualifier.Exactly => "exactly",
        _ => string.Empty,
    };
}
