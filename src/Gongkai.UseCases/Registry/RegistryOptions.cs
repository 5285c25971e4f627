using Gongkai.Domain.Registry;

namespace Gongkai.UseCases.Registry;

/// <summary>Settings of the registry ("Gongkai:Registry"): the 索引号 scheme and the [I] counting rules of table 二.</summary>
public sealed class RegistryOptions
{
    /// <summary>The 索引号 pattern for new documents (<see cref="IndexNumberScheme.DefaultPattern"/>).</summary>
    public string IndexPattern { get; set; } = IndexNumberScheme.DefaultPattern;

    /// <summary>Table 二: 本年制发 by 发布日期 (default) or 成文日期.</summary>
    public TableTwoCounting.IssuedDate IssuedBy { get; set; } = TableTwoCounting.IssuedDate.Published;

    /// <summary>Table 二: 失效 counts as 废止 in 本年废止 (default true).</summary>
    public bool ExpiredCountsAsRepealed { get; set; } = true;

    /// <summary>Table 二: an amended (已修改) document is still 现行有效 (default true).</summary>
    public bool AmendedCountsAsInForce { get; set; } = true;

    public TableTwoCounting Counting => new()
    {
        IssuedBy = IssuedBy,
        ExpiredCountsAsRepealed = ExpiredCountsAsRepealed,
        AmendedCountsAsInForce = AmendedCountsAsInForce,
    };

    public IndexNumberScheme Scheme => new(IndexPattern);
}
