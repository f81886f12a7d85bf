using System.Text.Json;

namespace CrimeOutcomes.Json;

/// <summary>
/// Reads and writes datasets and results as JSON (schema version 1), with no reflection (trim- and AOT-safe).
/// Areas are written as references: a force as its ONS police force area code (a national force as its name), a
/// group declared once under "groups" with its kind, name and members (or, when they were not published, its
/// force count and the area it was drawn from); outcome types as their codes; periods in their written form with
/// their kind; counts as JSON integers. A figure the source does not give is never a zero: a dataset lists it under
/// "missingFigures" with why, and the force-quarters it lacks under "gaps"; a ratio without counts writes null counts
/// and its missing figures; an aggregate lists its "missingOutcomes"; a coverage its "gaps". These members are left
/// out when empty, and read as empty when left out, so documents without them are read and written as before.
/// </summary>
/// <remarks>
/// Reading is strict and bounded: unknown or duplicate members, missing required members, wrong types, nulls (the
/// counts of a ratio without counts aside), counts beyond a 64-bit integer, negative recorded crimes, missing figures
/// that contradict the figures, unknown forces or outcome codes, another schema version, a document deeper
/// than <see cref="CrimeOutcomesJsonOptions.MaxDepth"/> or larger than
/// <see cref="CrimeOutcomesJsonOptions.MaxDocumentBytes"/> all throw a <see cref="JsonException"/> whose message
/// starts with the JSON path of the offending value (<c>$.recordedCrimes[3].count: …</c>) and whose
/// <see cref="JsonException.Path"/> is that path. No other exception escapes a read, apart from
/// <see cref="ArgumentNullException"/> for a null argument and the stream's own I/O errors.
/// All members are thread-safe.
/// </remarks>
public static class CrimeOutcomesJson
{
    /// <summary>The schema version written, and the only one read: the root's <c>"schemaVersion"</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes <paramref name="dataset"/> as a JSON document.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">The options, or null for <see cref="CrimeOutcomesJsonOptions.Default"/>.</param>
    public static string Serialize(OutcomeDataset dataset, CrimeOutcomesJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return JsonInput.Write(new DtoWriter().Dataset(dataset), Context(options).DatasetDocument);
    }

    /// <summary>Writes <paramref name="dataset"/> as a JSON document, in UTF-8, to <paramref name="utf8Json"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="utf8Json">The stream written to (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static void Serialize(OutcomeDataset dataset, Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        JsonInput.Write(new DtoWriter().Dataset(dataset), utf8Json, Context(options).DatasetDocument);
    }

    /// <summary>Reads a dataset document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="JsonException">The document is not a valid dataset of schema version 1; the message starts with the JSON path.</exception>
    public static OutcomeDataset DeserializeDataset(string json, CrimeOutcomesJsonOptions? options = null)
        => ReadDataset(JsonInput.Bytes(json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <summary>Reads a dataset document from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream read to its end (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="JsonException">The document is too large or not a valid dataset of schema version 1; the message starts with the JSON path.</exception>
    public static OutcomeDataset DeserializeDataset(Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => ReadDataset(JsonInput.Bytes(utf8Json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <summary>Writes a ratio with its counts, labels, basis, coverage and, when known, key and definition.</summary>
    /// <param name="ratio">The ratio.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static string Serialize(Ratio ratio, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(RatioDocument(ratio), Context(options).RatioDocument);

    /// <inheritdoc cref="Serialize(Ratio, CrimeOutcomesJsonOptions?)"/>
    /// <param name="ratio">The ratio.</param>
    /// <param name="utf8Json">The stream written to (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static void Serialize(Ratio ratio, Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(RatioDocument(ratio), utf8Json, Context(options).RatioDocument);

    /// <summary>Reads a ratio document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="JsonException">The document is not a valid ratio; the message starts with the JSON path.</exception>
    public static Ratio DeserializeRatio(string json, CrimeOutcomesJsonOptions? options = null)
        => ReadRatio(JsonInput.Bytes(json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <inheritdoc cref="DeserializeRatio(string, CrimeOutcomesJsonOptions?)"/>
    /// <param name="utf8Json">The stream read to its end (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static Ratio DeserializeRatio(Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => ReadRatio(JsonInput.Bytes(utf8Json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <summary>Writes the change between two ratios, both ratios in full.</summary>
    /// <param name="change">The change.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static string Serialize(RatioChange change, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(ChangeDocument(change), Context(options).RatioChangeDocument);

    /// <inheritdoc cref="Serialize(RatioChange, CrimeOutcomesJsonOptions?)"/>
    /// <param name="change">The change.</param>
    /// <param name="utf8Json">The stream written to (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static void Serialize(RatioChange change, Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(ChangeDocument(change), utf8Json, Context(options).RatioChangeDocument);

    /// <summary>Reads a ratio-change document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="JsonException">The document is not a valid ratio change; the message starts with the JSON path.</exception>
    public static RatioChange DeserializeRatioChange(string json, CrimeOutcomesJsonOptions? options = null)
        => ReadChange(JsonInput.Bytes(json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <inheritdoc cref="DeserializeRatioChange(string, CrimeOutcomesJsonOptions?)"/>
    /// <param name="utf8Json">The stream read to its end (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static RatioChange DeserializeRatioChange(Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => ReadChange(JsonInput.Bytes(utf8Json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <summary>Writes an area's figures with their coverages.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static string Serialize(AreaAggregate aggregate, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(AggregateDocument(aggregate), Context(options).AreaAggregateDocument);

    /// <inheritdoc cref="Serialize(AreaAggregate, CrimeOutcomesJsonOptions?)"/>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="utf8Json">The stream written to (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static void Serialize(AreaAggregate aggregate, Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(AggregateDocument(aggregate), utf8Json, Context(options).AreaAggregateDocument);

    /// <summary>Reads an area-aggregate document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="JsonException">The document is not a valid aggregate; the message starts with the JSON path.</exception>
    public static AreaAggregate DeserializeAreaAggregate(string json, CrimeOutcomesJsonOptions? options = null)
        => ReadAggregate(JsonInput.Bytes(json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <inheritdoc cref="DeserializeAreaAggregate(string, CrimeOutcomesJsonOptions?)"/>
    /// <param name="utf8Json">The stream read to its end (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static AreaAggregate DeserializeAreaAggregate(Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => ReadAggregate(JsonInput.Bytes(utf8Json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <summary>Writes a coverage: its area, how many forces it covers and, when known, which.</summary>
    /// <param name="coverage">The coverage.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static string Serialize(Coverage coverage, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(CoverageDocument(coverage), Context(options).CoverageDocument);

    /// <inheritdoc cref="Serialize(Coverage, CrimeOutcomesJsonOptions?)"/>
    /// <param name="coverage">The coverage.</param>
    /// <param name="utf8Json">The stream written to (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static void Serialize(Coverage coverage, Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => JsonInput.Write(CoverageDocument(coverage), utf8Json, Context(options).CoverageDocument);

    /// <summary>Reads a coverage document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="JsonException">The document is not a valid coverage; the message starts with the JSON path.</exception>
    public static Coverage DeserializeCoverage(string json, CrimeOutcomesJsonOptions? options = null)
        => ReadCoverage(JsonInput.Bytes(json, options ?? CrimeOutcomesJsonOptions.Default), options);

    /// <inheritdoc cref="DeserializeCoverage(string, CrimeOutcomesJsonOptions?)"/>
    /// <param name="utf8Json">The stream read to its end (left open).</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public static Coverage DeserializeCoverage(Stream utf8Json, CrimeOutcomesJsonOptions? options = null)
        => ReadCoverage(JsonInput.Bytes(utf8Json, options ?? CrimeOutcomesJsonOptions.Default), options);

    private static CrimeOutcomesJsonContext Context(CrimeOutcomesJsonOptions? options)
        => JsonInput.Context(options ?? CrimeOutcomesJsonOptions.Default);

    private static OutcomeDataset ReadDataset(ReadOnlyMemory<byte> utf8Json, CrimeOutcomesJsonOptions? options)
    {
        options ??= CrimeOutcomesJsonOptions.Default;
        var document = JsonInput.Read(utf8Json, Context(options).DatasetDocument, d => d.SchemaVersion);
        return new DtoReader(options, document.Groups ?? []).Dataset(document);
    }

    private static Ratio ReadRatio(ReadOnlyMemory<byte> utf8Json, CrimeOutcomesJsonOptions? options)
    {
        options ??= CrimeOutcomesJsonOptions.Default;
        var document = JsonInput.Read(utf8Json, Context(options).RatioDocument, d => d.SchemaVersion);
        return new DtoReader(options, document.Groups ?? []).Ratio(document.Ratio, "$.ratio");
    }

    private static RatioChange ReadChange(ReadOnlyMemory<byte> utf8Json, CrimeOutcomesJsonOptions? options)
    {
        options ??= CrimeOutcomesJsonOptions.Default;
        var document = JsonInput.Read(utf8Json, Context(options).RatioChangeDocument, d => d.SchemaVersion);
        return new DtoReader(options, document.Groups ?? []).Change(document.RatioChange, "$.ratioChange");
    }

    private static AreaAggregate ReadAggregate(ReadOnlyMemory<byte> utf8Json, CrimeOutcomesJsonOptions? options)
    {
        options ??= CrimeOutcomesJsonOptions.Default;
        var document = JsonInput.Read(utf8Json, Context(options).AreaAggregateDocument, d => d.SchemaVersion);
        return new DtoReader(options, document.Groups ?? []).Aggregate(document.AreaAggregate, "$.areaAggregate");
    }

    private static Coverage ReadCoverage(ReadOnlyMemory<byte> utf8Json, CrimeOutcomesJsonOptions? options)
    {
        options ??= CrimeOutcomesJsonOptions.Default;
        var document = JsonInput.Read(utf8Json, Context(options).CoverageDocument, d => d.SchemaVersion);
        return new DtoReader(options, document.Groups ?? []).Coverage(document.Coverage, "$.coverage");
    }

    private static RatioDocument RatioDocument(Ratio ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        var writer = new DtoWriter();
        var body = writer.Ratio(ratio);
        return new RatioDocument { SchemaVersion = SchemaVersion, Groups = writer.Groups, Ratio = body };
    }

    private static RatioChangeDocument ChangeDocument(RatioChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var writer = new DtoWriter();
        var body = writer.Change(change);
        return new RatioChangeDocument { SchemaVersion = SchemaVersion, Groups = writer.Groups, RatioChange = body };
    }

    private static AreaAggregateDocument AggregateDocument(AreaAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var writer = new DtoWriter();
        var body = writer.Aggregate(aggregate);
        return new AreaAggregateDocument { SchemaVersion = SchemaVersion, Groups = writer.Groups, AreaAggregate = body };
    }

    private static CoverageDocument CoverageDocument(Coverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var writer = new DtoWriter();
        var body = writer.Coverage(coverage);
        return new CoverageDocument { SchemaVersion = SchemaVersion, Groups = writer.Groups, Coverage = body };
    }
}
