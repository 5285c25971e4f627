namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The years a supervisor collects and looks at: the 2019 Regulation's reports begin with 2019 (earlier ones are in the
/// 2008 layout), and a year's report is published only once the year has ended, so last year is the latest.
/// </summary>
public static class ReportYears
{
    /// <summary>The first report year of the 2019 Regulation's format.</summary>
    public const int First = 2019;

    /// <summary>The latest year with a report to publish: last year (China's date).</summary>
    public static int Last(TimeProvider time) => Math.Max(Time.ChinaDate.Today(time).Year - 1, First);

    /// <summary>Why <paramref name="year"/> cannot be a report year now, or null.</summary>
    public static string? Problem(int year, TimeProvider time) =>
        year < First || year > Last(time) ? $"年度 {year} 无效：应为 {First}—{Last(time)} 年之间的报告年度" : null;
}
