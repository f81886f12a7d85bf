using System.Globalization;
using System.Text;
using CsCheck;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// A mutational fuzzer driven by CsCheck, for any reader of bytes: it takes real inputs (seeds), applies random
/// byte- and token-level mutations (bit flips, interesting bytes, dictionary tokens, deletions, duplications,
/// splices between seeds, truncation, replacement of quoted strings and numbers), and runs the target on each.
/// Any exception the target throws that <c>isAllowed</c> rejects fails the run; CsCheck then shrinks the mutation
/// list to a small reproduction and prints it (and the seed to replay it).
/// </summary>
/// <remarks>
/// The budget is a number of inputs (deterministic, for the normal test run) unless the environment variable
/// <see cref="SecondsVariable"/> asks for a run of that many seconds on every core.
/// </remarks>
internal static class MutationFuzzer
{
    /// <summary>The environment variable that turns a fuzz test into a timed run: CRIMEOUTCOMES_FUZZ_SECONDS=600.</summary>
    public const string SecondsVariable = "CRIMEOUTCOMES_FUZZ_SECONDS";

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x27, 0x2C, 0x2D, 0x2E, 0x30, 0x31, 0x39, 0x3A, 0x3B, 0x5B, 0x5C, 0x5D, 0x65, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFE, 0xFF];

    /// <summary>Runs <paramref name="target"/> on mutations of <paramref name="seeds"/>.</summary>
    /// <param name="seeds">Real inputs to mutate; at least one.</param>
    /// <param name="target">The reader under test; thread-safe.</param>
    /// <param name="isAllowed">Whether an exception thrown by the target is one of its documented ones.</param>
    /// <param name="dictionary">Tokens of the format (JSON members, separators, extreme numbers) to insert and substitute.</param>
    /// <param name="iterations">The number of inputs in a normal run.</param>
    /// <param name="seed">A CsCheck seed, to replay a run.</param>
    /// <param name="structural">
    /// An optional format-aware mutation (for JSON: remove a member, null a value, change its type), given the input and
    /// a random number; it returns the input unchanged when it cannot parse it. Byte-level mutations rarely keep a
    /// document valid enough to reach the reader's later checks; this does.
    /// </param>
    /// <param name="structuralShare">
    /// The share of mutations that are <paramref name="structural"/> ones, from 0 to 1; 0 (the default) draws every
    /// kind of mutation equally often. Formats that almost any byte mutation breaks (XML) need a larger share.
    /// </param>
    public static FuzzReport Run(IReadOnlyList<byte[]> seeds, Action<byte[]> target, Func<Exception, bool> isAllowed, IReadOnlyList<string> dictionary, long iterations, string? seed = null, Func<byte[], int, byte[]>? structural = null, double structuralShare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var tokens = dictionary.Select(t => Encoding.UTF8.GetBytes(t)).Append([0xFF]).Append([0xC3]).Append([0xED, 0xA0, 0x80]).ToArray();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;
        long inputs = 0, accepted = 0, rejected = 0;
        var input = Gen.Select(Gen.Int[0, seeds.Count - 1], Mutation(seeds.Count, tokens.Length, structuralShare).Array[1, 8]);
        input.Sample(
            (seedIndex, mutations) =>
            {
                var bytes = Apply(seeds, seedIndex, mutations, tokens, structural);
                Interlocked.Increment(ref inputs);
                try
                {
                    target(bytes);
                    Interlocked.Increment(ref accepted);
                }
                catch (Exception ex) when (isAllowed(ex))
                {
                    Interlocked.Increment(ref rejected);
                }
            },
            seed: seed,
            iter: seconds > 0 ? -1 : iterations,
            time: seconds > 0 ? seconds : -1,
            threads: seconds > 0 ? -1 : 1,
            print: x => Describe(Apply(seeds, x.Item1, x.Item2, tokens, structural)));
        return new FuzzReport(inputs, accepted, rejected, seconds);
    }

    /// <summary>The input as text with non-printable bytes escaped, and as base64 for a regression test.</summary>
    public static string Describe(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(2_000))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return $"{bytes.Length} bytes: {text}{(bytes.Length > 2_000 ? "…" : string.Empty)}\nbase64: {Convert.ToBase64String(bytes)}";
    }

    private static Gen<MutationStep> Mutation(int seedCount, int tokenCount, double structuralShare) => Gen.Select(
        structuralShare <= 0
            ? Gen.Enum<MutationKind>()
            : Gen.Frequency(
                ((int)Math.Round(1_000 * (1 - structuralShare)), Gen.Enum<MutationKind>()),
                ((int)Math.Round(1_000 * structuralShare), Gen.OneOf(MutationKind.Structural1, MutationKind.Structural2, MutationKind.Structural3))),
        Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 64], Gen.Int[0, seedCount - 1], Gen.Int[0, tokenCount - 1], Gen.Byte,
        (kind, at, from, length, other, token, value) => new MutationStep(kind, at, from, length, other, token, value));

    internal static byte[] Apply(IReadOnlyList<byte[]> seeds, int seedIndex, MutationStep[] steps, byte[][] tokens, Func<byte[], int, byte[]>? structural)
    {
        var data = new List<byte>(seeds[seedIndex]);
        foreach (var step in steps)
        {
            if (step.Kind is MutationKind.Structural1 or MutationKind.Structural2 or MutationKind.Structural3)
            {
                if (structural is not null)
                {
                    var mutated = structural([.. data], step.At);
                    data.Clear();
                    data.AddRange(mutated);
                }

                continue;
            }

            var at = data.Count == 0 ? 0 : step.At % (data.Count + 1);
            var inside = data.Count == 0 ? 0 : step.At % data.Count;
            switch (step.Kind)
            {
                case MutationKind.FlipBit when data.Count > 0:
                    data[inside] ^= (byte)(1 << (step.Value % 8));
                    break;
                case MutationKind.InterestingByte when data.Count > 0:
                    data[inside] = InterestingBytes[step.Value % InterestingBytes.Length];
                    break;
                case MutationKind.RandomByte when data.Count > 0:
                    data[inside] = step.Value;
                    break;
                case MutationKind.InsertToken:
                    data.InsertRange(at, tokens[step.Token]);
                    break;
                case MutationKind.Delete:
                    data.RemoveRange(at, Math.Min(step.Length, data.Count - at));
                    break;
                case MutationKind.Duplicate when data.Count > 0:
                    var from = step.From % data.Count;
                    data.InsertRange(at, data.GetRange(from, Math.Min(step.Length, data.Count - from)).ToArray());
                    break;
                case MutationKind.Splice:
                    var other = seeds[step.Other];
                    var start = other.Length == 0 ? 0 : step.From % other.Length;
                    data.InsertRange(at, other.AsSpan(start, Math.Min(step.Length * 8, other.Length - start)).ToArray());
                    break;
                case MutationKind.Truncate:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case MutationKind.ReplaceQuoted:
                    ReplaceBetween(data, at, (byte)'"', tokens[step.Token], b => b == (byte)'"');
                    break;
                case MutationKind.ReplaceNumber:
                    ReplaceBetween(data, at, null, tokens[step.Token], b => b is (>= (byte)'0' and <= (byte)'9') or (byte)'-');
                    break;
                case MutationKind.Repeat when data.Count > 0:
                    // A run of one token many times: deep nesting, huge arrays, long strings.
                    var chunk = tokens[step.Token];
                    var times = 1 + (step.From % 4_000);
                    var repeated = new byte[chunk.Length * times];
                    for (var i = 0; i < times; i++)
                    {
                        chunk.CopyTo(repeated, i * chunk.Length);
                    }

                    data.InsertRange(at, repeated);
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Replaces the content of the next delimited run after <paramref name="at"/> (a quoted string, or a run of digits) with <paramref name="token"/>.</summary>
    private static void ReplaceBetween(List<byte> data, int at, byte? open, byte[] token, Func<byte, bool> isRun)
    {
        var start = at;
        if (open is { } quote)
        {
            start = data.IndexOf(quote, Math.Min(at, data.Count));
            if (start < 0)
            {
                return;
            }

            start++;
            var end = data.IndexOf(quote, start);
            if (end < 0)
            {
                return;
            }

            data.RemoveRange(start, end - start);
        }
        else
        {
            while (start < data.Count && !isRun(data[start]))
            {
                start++;
            }

            var end = start;
            while (end < data.Count && isRun(data[end]))
            {
                end++;
            }

            data.RemoveRange(start, end - start);
        }

        data.InsertRange(start, token);
    }

    internal enum MutationKind
    {
        FlipBit,
        InterestingByte,
        RandomByte,
        InsertToken,
        Delete,
        Duplicate,
        Splice,
        Truncate,
        ReplaceQuoted,
        ReplaceNumber,
        Repeat,
        Structural1,
        Structural2,
        Structural3,
    }

    internal readonly record struct MutationStep(MutationKind Kind, int At, int From, int Length, int Other, int Token, byte Value);
}

/// <summary>What a fuzz run did: inputs tried, how many the target accepted, how many it rejected with an allowed exception.</summary>
/// <param name="Inputs">Inputs tried.</param>
/// <param name="Accepted">Inputs read without error.</param>
/// <param name="Rejected">Inputs rejected with an allowed exception.</param>
/// <param name="Seconds">The timed budget, or 0 for a run counted in inputs.</param>
internal sealed record FuzzReport(long Inputs, long Accepted, long Rejected, int Seconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Inputs:N0} inputs ({Accepted:N0} accepted, {Rejected:N0} rejected with an allowed exception){(Seconds > 0 ? $" in {Seconds} s" : string.Empty)}");
}
