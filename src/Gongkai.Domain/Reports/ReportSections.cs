namespace Gongkai.Domain.Reports;

/// <summary>The narrative sections 一、五、六 (free text). Empty text means the section is missing.</summary>
public sealed class ReportSections
{
    /// <summary>一、总体情况.</summary>
    public string Sec1 { get; set; } = string.Empty;

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string Sec5 { get; set; } = string.Empty;

    /// <summary>六、其他需要报告的事项.</summary>
    public string Sec6 { get; set; } = string.Empty;

    public string Get(string key) => key switch
    {
        "sec1" => Sec1,
        "sec5" => Sec5,
        "sec6" => Sec6,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Only sec1, sec5 and sec6 are narrative sections."),
    };

    public void Set(string key, string text)
    {
        switch (key)
        {
            case "sec1": Sec1 = text; break;
            case "sec5": Sec5 = text; break;
            case "sec6": Sec6 = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "Only sec1, sec5 and sec6 are narrative sections.");
        }
    }

    public static IReadOnlyList<string> Keys { get; } = ["sec1", "sec5", "sec6"];
}
