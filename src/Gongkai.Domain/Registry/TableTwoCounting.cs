namespace Gongkai.Domain.Registry;

/// <summary>
/// [I] How table 二 第二十条第（一）项 counts the registry — documented choices, configurable:
/// 本年制发 = 发布日期 in the year (or 成文日期 when <see cref="IssuedBy"/> says so);
/// 本年废止 = 废止 or 失效 dated in the year (失效 can be left out);
/// 现行有效 = published by 31 December and neither repealed nor expired by then (an amended document stays in force
/// unless <see cref="AmendedCountsAsInForce"/> is false).
/// </summary>
public sealed record TableTwoCounting
{
    public static TableTwoCounting Default { get; } = new();

    public IssuedDate IssuedBy { get; init; } = IssuedDate.Published;

    public bool ExpiredCountsAsRepealed { get; init; } = true;

    public bool AmendedCountsAsInForce { get; init; } = true;

    public enum IssuedDate
    {
        Published,
        Formed,
    }
}
