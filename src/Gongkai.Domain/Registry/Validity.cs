namespace Gongkai.Domain.Registry;

/// <summary>有效性 — whether a document is in force; the date of the change is kept beside it.</summary>
public enum Validity
{
    InForce,
    Amended,
    Repealed,
    Expired,
}

/// <summary>Labels of <see cref="Validity"/>.</summary>
public static class Validities
{
    public static string Label(this Validity validity) => validity switch
    {
        Validity.InForce => "有效",
        Validity.Amended => "已修改",
        Validity.Repealed => "废止",
        Validity.Expired => "失效",
    };

    public static bool TryParse(string? text, out Validity validity)
    {
        validity = (text ?? string.Empty).Trim() switch
        {
            "有效" or "现行有效" or "" => Validity.InForce,
            "已修改" or "修改" => Validity.Amended,
            "废止" or "已废止" => Validity.Repealed,
            "失效" or "已失效" => Validity.Expired,
            _ => (Validity)(-1),
        };
        return Enum.IsDefined(validity);
    }
}
