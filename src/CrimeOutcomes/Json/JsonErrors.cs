using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CrimeOutcomes.Json;

/// <summary>The reading errors: every one a <see cref="JsonException"/> whose message starts with the JSON path.</summary>
internal static partial class JsonErrors
{
    public static JsonException At(string path, string message, Exception? inner = null)
        => new($"{Bounded(path)}: {Bounded(message)}", path, null, null, inner);

    /// <summary>A message cut in the middle when longer than 2,000 characters: names quoted from a hostile document can be megabytes long.</summary>
    private static string Bounded(string text)
        => text.Length <= 2_000 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..1_500]} … ({text.Length - 1_900:N0} characters left out) … {text[^400..]}");

    /// <summary>
    /// Rethrows a serializer error with its path at the start of the message. A value of the wrong type or out of
    /// range is described by what the schema expects there, found from the source-generated metadata of
    /// <paramref name="root"/> (no reflection), with the line and byte (both counted from 1); an unknown member
    /// is answered with the members allowed there.
    /// </summary>
    public static JsonException FromSerializer(JsonException ex, JsonTypeInfo root)
    {
        var path = ex.Path ?? "$";
        var message = InternalTypeName().Replace(ex.Message, m => $"'{Humanize(m.Groups[1].Value)}'");
        var (parent, leaf) = Walk(root, path);
        var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {position + 1})")
            : string.Empty;
        var isConversion = ex.InnerException is not null and not JsonException
            || ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
        if (isConversion && leaf is not null && Describe(leaf) is { } expected)
        {
            var reason = ex.InnerException is { } inner and not JsonException ? $": {inner.Message.TrimEnd('.')}" : string.Empty;
            message = $"expected {expected}{reason}{where}.";
        }
        else if (leaf is not null && ex.Message.Contains("doesn't allow null values", StringComparison.Ordinal) && Describe(leaf) is { } wanted)
        {
            message = $"null is not allowed here: expected {wanted}{where}.";
        }
        else if (leaf is null && parent is { Kind: JsonTypeInfoKind.Object })
        {
            message = $"{message} The members allowed here are: {string.Join(", ", parent.Properties.Select(p => p.Name))}.";
        }

        return new JsonException($"{path}: {message}", path, ex.LineNumber, ex.BytePositionInLine, ex);
    }

    /// <summary>Text quoted in a message, shortened when long: a hostile document must not make a megabyte-long message.</summary>
    public static string Quote(string text)
        => text.Length <= 120
            ? $"'{text}'"
            : string.Create(CultureInfo.InvariantCulture, $"'{text[..100]}…' ({text.Length:N0} characters)");

    /// <summary>An element that must be an object (or string) but is null.</summary>
    public static T NotNull<T>(T? value, string path, string expected)
        where T : class
        => value ?? throw At(path, $"null is not allowed here: expected {expected}.");

    /// <summary>
    /// Runs a domain constructor or lookup and turns the argument, format, lookup and overflow exceptions it
    /// documents into a <see cref="JsonException"/> at <paramref name="path"/>, keeping the original message.
    /// </summary>
    public static T Guard<T>(string path, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException ex)
        {
            throw At(path, Plain(ex), ex);
        }
        catch (FormatException ex)
        {
            throw At(path, ex.Message, ex);
        }
        catch (KeyNotFoundException ex)
        {
            throw At(path, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw At(path, ex.Message, ex);
        }
        catch (OverflowException ex)
        {
            throw At(path, ex.Message, ex);
        }
    }

    /// <summary>An argument exception's message without the parameter name, with the value when it was given: "… cannot be negative (-5)."</summary>
    private static string Plain(ArgumentException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        return ex is ArgumentOutOfRangeException { ActualValue: { } value }
            ? string.Create(CultureInfo.InvariantCulture, $"{message.TrimEnd('.')} ({value}).")
            : message;
    }

    /// <summary>What the schema expects at <paramref name="path"/> ("$.recordedCrimes[3].count"), or null when the path leads nowhere known.</summary>
    internal static string? Expected(JsonTypeInfo root, string path) => Walk(root, path).Leaf is { } leaf ? Describe(leaf) : null;

    /// <summary>Follows <paramref name="path"/> through the metadata: the type info of the value there and of the object holding it.</summary>
    private static (JsonTypeInfo? Parent, JsonTypeInfo? Leaf) Walk(JsonTypeInfo root, string path)
    {
        if (!path.StartsWith('$'))
        {
            return (null, null);
        }

        JsonTypeInfo? parent = null;
        var info = root;
        var i = 1;
        while (i < path.Length)
        {
            string name;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                name = path[(i + 1)..end];
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return (null, null);
                }

                name = path[(i + 2)..end];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || info.Kind != JsonTypeInfoKind.Enumerable || info.ElementType is not { } element)
                {
                    return (null, null);
                }

                parent = info;
                info = info.Options.GetTypeInfo(element);
                i = end + 1;
                continue;
            }
            else
            {
                return (null, null);
            }

            var property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => p.Name == name) : null;
            if (property is null)
            {
                return (i >= path.Length ? info : null, null);
            }

            parent = info;
            info = info.Options.GetTypeInfo(property.PropertyType);
        }

        return (parent, info);
    }

    private static string? Describe(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return type == typeof(long) ? $"a whole number from {long.MinValue} to {long.MaxValue}"
            : type == typeof(int) ? $"a whole number from {int.MinValue} to {int.MaxValue}"
            : type == typeof(string) ? "a string"
            : type == typeof(bool) ? "true or false"
            : info.Kind == JsonTypeInfoKind.Enumerable ? "an array"
            : info.Kind == JsonTypeInfoKind.Object ? $"an object ({Humanize(type.Name)})"
            : null;
    }

    /// <summary>"RecordedCrimeDto" → "recorded crime", "DatasetDocument" → "dataset document".</summary>
    private static string Humanize(string typeName)
    {
        var name = typeName.EndsWith("Dto", StringComparison.Ordinal) ? typeName[..^3] : typeName;
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    [GeneratedRegex(@"'CrimeOutcomes\.Json\.(\w+)'")]
    private static partial Regex InternalTypeName();
}
