using System.Text.Json.Serialization;

namespace CrimeOutcomes.Json;

/// <summary>
/// The source-generated serializer metadata of the JSON documents: no reflection, so trimming and native AOT
/// keep working. Reading is strict: unknown members, duplicate members, missing required members and nulls
/// where an object or string is required all fail; numbers must be JSON numbers.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = CrimeOutcomesJsonOptions.DefaultMaxDepth,
    WriteIndented = true,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DatasetDocument))]
[JsonSerializable(typeof(RatioDocument))]
[JsonSerializable(typeof(RatioChangeDocument))]
[JsonSerializable(typeof(AreaAggregateDocument))]
[JsonSerializable(typeof(CoverageDocument))]
internal sealed partial class CrimeOutcomesJsonContext : JsonSerializerContext
{
}
