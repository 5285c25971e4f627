namespace Gongkai.Reporting.Supervision;

/// <summary>A break between a year's report and the one before.</summary>
/// <param name="Year">The later year.</param>
/// <param name="Kind">What breaks.</param>
/// <param name="Before">Last year's 结转下年度 (carry-over), or the first missing year.</param>
/// <param name="After">This year's 上年结转 (carry-over), or the last missing year.</param>
public sealed record YearBreak(int Year, YearBreakKind Kind, int? Before, int? After);
