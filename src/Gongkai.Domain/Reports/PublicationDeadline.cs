namespace Gongkai.Domain.Reports;

/// <summary>
/// 年度报告公布期限 — when an annual report must be published (条例第四十九条): a department of a
/// people's government (and any other reporting body) by 31 January, the people's government of a
/// county or above by 31 March of the following year. The dates are fixed by the Regulation, not
/// working days: a deadline on a weekend or holiday does not move (we found no rule that moves it,
/// and supervising offices publish these dates as they are).
/// </summary>
public static class PublicationDeadline
{
    /// <summary>The last day on which the report for <paramref name="year"/> may be published.</summary>
    /// <param name="year">The report year.</param>
    /// <param name="isPeoplesGovernment">True for 县级以上人民政府 (31 March), false for departments and others (31 January).</param>
    public static DateOnly For(int year, bool isPeoplesGovernment) =>
        isPeoplesGovernment ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);

    /// <summary>Published after the deadline, or not published and the deadline has passed by <paramref name="today"/>.</summary>
    public static bool IsLate(int year, bool isPeoplesGovernment, DateOnly? publishedOn, DateOnly today)
    {
        var deadline = For(year, isPeoplesGovernment);
        return publishedOn is { } on ? on > deadline : today > deadline;
    }

    /// <summary>
    /// Why <paramref name="publishedOn"/> cannot be the day a report was published, or null: a day after
    /// <paramref name="today"/>, or (when the report year is known) a day before that year ended.
    /// </summary>
    public static string? Problem(DateOnly publishedOn, int? year, DateOnly today) =>
        publishedOn > today
            ? $"公布日期 {publishedOn:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}），请核对。"
            : year is { } y ? BeforeYearEnded(publishedOn, y) : null;

    /// <summary>Why <paramref name="publishedOn"/> is too early for the report of <paramref name="year"/>, or null: an annual report is published in the year after the one it reports on.</summary>
    public static string? BeforeYearEnded(DateOnly publishedOn, int year) =>
        publishedOn < new DateOnly(year + 1, 1, 1)
            ? $"公布日期 {publishedOn:yyyy-MM-dd} 早于 {year} 年度结束：年度报告在次年公布，请核对公布日期或年度。"
            : null;
}
