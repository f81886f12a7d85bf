using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CrimeOutcomes.Json;

/// <summary>The bounded, strict reading and writing of documents: size limit, depth limit, schema version, error paths.</summary>
internal static class JsonInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly ConcurrentDictionary<(int MaxDepth, bool Indented), CrimeOutcomesJsonContext> Contexts = new();

    /// <summary>The source-generated context configured for <paramref name="options"/> (the depth limit and indentation), cached.</summary>
    public static CrimeOutcomesJsonContext Context(CrimeOutcomesJsonOptions options)
    {
        var defaults = CrimeOutcomesJsonContext.Default.Options;
        return options.MaxDepth == defaults.MaxDepth && options.WriteIndented == defaults.WriteIndented
            ? CrimeOutcomesJsonContext.Default
            : Contexts.GetOrAdd((options.MaxDepth, options.WriteIndented), static k =>
                new CrimeOutcomesJsonContext(new JsonSerializerOptions(CrimeOutcomesJsonContext.Default.Options) { MaxDepth = k.MaxDepth, WriteIndented = k.Indented }));
    }

    /// <summary>The UTF-8 bytes of <paramref name="json"/>, refusing text larger than the limit or not valid UTF-16.</summary>
    public static byte[] Bytes(string json, CrimeOutcomesJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            // A char is at most 3 bytes of UTF-8; count exactly only when the text might exceed the limit.
            if ((long)json.Length * 3 > options.MaxDocumentBytes && StrictUtf8.GetByteCount(json) > options.MaxDocumentBytes)
            {
                throw TooLarge(options);
            }

            return StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException ex)
        {
            throw JsonErrors.At("$", $"The text is not valid UTF-16 (a lone surrogate at index {ex.Index}), so it cannot be JSON.", ex);
        }
    }

    /// <summary>Reads the whole of <paramref name="utf8Json"/>, failing as soon as it passes the size limit.</summary>
    public static ReadOnlyMemory<byte> Bytes(Stream utf8Json, CrimeOutcomesJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (utf8Json.CanSeek && utf8Json.Length - utf8Json.Position > options.MaxDocumentBytes)
        {
            throw TooLarge(options);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxDocumentBytes)
            {
                throw TooLarge(options);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Deserializes one document: serializer errors gain their path at the front, a document of another schema version says so.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> utf8Json, JsonTypeInfo<T> typeInfo, Func<T, int> version)
        where T : class
    {
        T? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json.Span, typeInfo);
        }
        catch (JsonException ex)
        {
            // A document of another version fails on its unknown members first: say what really differs.
            if (PeekVersion(utf8Json.Span, typeInfo.Options.MaxDepth) is { } other && other != CrimeOutcomesJson.SchemaVersion)
            {
                throw WrongVersion(other, ex);
            }

            throw JsonErrors.FromSerializer(ex, typeInfo);
        }
        catch (InvalidOperationException ex)
        {
            // The serializer lets this out when a member name it cannot map holds an escaped lone surrogate ("\ud800"),
            // found by fuzzing: report it as the reading error it is, at the path of that string.
            throw JsonErrors.At(InvalidStringPath(utf8Json.Span, typeInfo.Options.MaxDepth),
                $"A string or member name is not valid UTF-16 once unescaped (a lone surrogate such as \\ud800): {ex.Message}", ex);
        }

        document = JsonErrors.NotNull(document, "$", "a document object");
        var found = version(document);
        return found == CrimeOutcomesJson.SchemaVersion ? document : throw WrongVersion(found, null);
    }

    public static string Write<T>(T document, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(document, typeInfo);

    public static void Write<T>(T document, Stream utf8Json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, document, typeInfo);
    }

    private static JsonException TooLarge(CrimeOutcomesJsonOptions options)
        => JsonErrors.At("$", $"The document is larger than the limit of {options.MaxDocumentBytes:N0} bytes (CrimeOutcomesJsonOptions.MaxDocumentBytes); it was not parsed.");

    private static JsonException WrongVersion(int found, Exception? inner)
        => JsonErrors.At("$.schemaVersion",
            $"The document has schema version {found}; this version of CrimeOutcomes reads schema version {CrimeOutcomesJson.SchemaVersion} only.", inner);

    /// <summary>The root object's "schemaVersion", when the document is well-formed enough to find it.</summary>
    private static int? PeekVersion(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("schemaVersion"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed: the serializer's own error is the better one.
        }
        catch (InvalidOperationException)
        {
            // A member name that does not unescape: likewise.
        }

        return null;
    }

    /// <summary>The JSON path of the first string or member name that does not unescape to valid UTF-16 ("$" when none is found).</summary>
    internal static string InvalidStringPath(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<(bool IsArray, int Index, string? Name)>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray)
                    && frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (!TryGetString(ref reader, out var name))
                        {
                            return Path(frames.Take(frames.Count - 1).Append((false, -1, null)));
                        }

                        frames[^1] = frames[^1] with { Name = name };
                        break;
                    case JsonTokenType.String when !TryGetString(ref reader, out _):
                        return Path(frames);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed further on: the string was not found before that.
        }

        return "$";

        static bool TryGetString(ref Utf8JsonReader reader, out string? text)
        {
            try
            {
                text = reader.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                text = null;
                return false;
            }
        }

        static string Path(IEnumerable<(bool IsArray, int Index, string? Name)> frames)
            => "$" + string.Concat(frames.Select(f => f.IsArray ? (f.Index >= 0 ? $"[{f.Index}]" : string.Empty) : (f.Name is null ? string.Empty : $".{f.Name}")));
    }
}
