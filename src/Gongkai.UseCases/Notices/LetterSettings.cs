namespace Gongkai.UseCases.Notices;

/// <summary>
/// Settings under <c>Gongkai:Letters</c>: where the reply letter tells the applicant to turn (行政复议机关, 人民法院),
/// for every agency or one agency (<c>Agencies:{code}</c>). Empty: the agency above it (its people's government; without one, "有管辖权的行政复议机关")
/// for reconsideration, and "有管辖权的人民法院".
/// </summary>
public sealed class LetterSettings
{
    /// <summary>行政复议机关 named in every agency's reply letter unless the agency has its own.</summary>
    public string ReconsiderationBody { get; set; } = string.Empty;

    /// <summary>The court named in every agency's reply letter unless the agency has its own.</summary>
    public string Court { get; set; } = string.Empty;

    /// <summary>Per agency code: its own bodies.</summary>
    public Dictionary<string, AgencyLetterSettings> Agencies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The reconsideration body and the court for an agency; <paramref name="parentName"/> is the agency above it, if any.</summary>
    public (string ReconsiderationBody, string Court) For(string agencyCode, string? parentName)
    {
        var own = Agencies.GetValueOrDefault(agencyCode);
        var body = First(own?.ReconsiderationBody, ReconsiderationBody) ?? (parentName is { Length: > 0 } ? parentName : "有管辖权的行政复议机关");
        var court = First(own?.Court, Court) ?? "有管辖权的人民法院";
        return (body, court);
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

/// <summary>One agency's own bodies for the reply letter.</summary>
public sealed class AgencyLetterSettings
{
    public string? ReconsiderationBody { get; set; }

    public string? Court { get; set; }
}
