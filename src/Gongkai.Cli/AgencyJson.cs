using System.Text.Json.Serialization;

namespace Gongkai.Cli;

/// <summary>One agency in <c>gongkai agency list --json</c> (level and kind as their English names; parent null when none).</summary>
public sealed record AgencyJson(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("parent")] string? Parent);
