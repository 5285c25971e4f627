using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The report's year where the text states it in prose, for a page without its title (crawlers often drop the title
/// line): the statistics period first ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止", in nearly every report
/// since 2019), then the sentence that names the report ("现公布2022年度政府信息公开工作年度报告"), then the sentence that
/// reports the year's work ("汇报我镇2023年政府信息公开工作", "现将2023年度政府信息公开工作开展情况报告如下"). Only these:
/// the prose names other years too (规划 years, "上年", a cited notice's 《关于做好2022年度…》, a plan's "2024年政务公开工作
/// 要点"), which state no report's year; a cited notice on compiling the reports names the year only when nothing else does.
/// Last, a whole year's period printed with 年 lost ("统计期限为20231月1日至12月31日").
/// </summary>
internal static partial class ReportYearStatements
{
    /// <summary>The year the text states for the report, in the order above; null when none does.</summary>
    public static int? Find(string text)
    {
        foreach (var regex in (Regex[])[StatisticsRegex(), YearOfReportRegex(), ReportedWorkRegex(), WorkReportedRegex(), PeriodWithoutNianRegex()])
        {
            foreach (Match m in regex.Matches(text))
            {
                if (!Cited(text, m.Index))
                {
                    return Gongkai.Reporting.Parsing.Text.Digits.Parse(m.Groups["year"].Value);
                }
            }
        }

        // Only a cited notice names the year: the notice on compiling that year's reports (《关于做好2020年度政府信息公开工作
        // 年度报告编制发布工作的通知》) is issued for the reports on that year.
        return YearOfReportRegex().Match(text) is { Success: true } notice ? Gongkai.Reporting.Parsing.Text.Digits.Parse(notice.Groups["year"].Value) : null;
    }

    /// <summary>The statistics period alone, the strongest statement (also where it stands late in the text).</summary>
    public static int? StatisticsPeriod(string text) =>
        StatisticsRegex().Match(text) is { Success: true } m ? Gongkai.Reporting.Parsing.Text.Digits.Parse(m.Groups["year"].Value) : null;

    /// <summary>Inside a cited document's title (《关于做好2023年政府信息公开工作的通知》): not the report's own statement.</summary>
    private static bool Cited(string text, int at)
    {
        var before = text[..at];
        return before.Count(c => c == '《') > before.Count(c => c == '》');
    }

    // 统计期限自/为/从…, 统计时限…, 统计周期为…, 统计数据从…; the looser words (统计时间, 统计期间, 统计范围, 统计区间, 统计时段) only
    // before a whole year or its first day (统计时间为2023年1月1日至…), not before a date of compiling (统计时间：2024年1月10日);
    // 统计截至 only at the year's last day (数据统计截至2024年1月20日 is the day the figures were drawn).
    [GeneratedRegex(@"统计(数据从|期限(为|是|从|自|:|：)?|时限(为|是|从|自)?|周期(为|是|从|自)?)\s*(?<year>(19|20)\d{2})\s*年" +
        @"|统计的?(时间|期间|范围|区间|时段|时间段|日期)(为|是|从|自|:|：)?\s*(?<year>(19|20)\d{2})\s*年\s*(度|全年|1\s*月\s*(1\s*日)?\s*(起)?\s*(至|到|—|－|-|–|~|～))" +
        @"|统计(截止|截至)(到|于)?(时间|日期)?(为|是|:|：)?\s*(?<year>(19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")]
    private static partial Regex StatisticsRegex();

    /// <summary>
    /// A whole year's period printed with 年 lost, the last resort: "统计期限为20231月1日至12月31日", "自20211月1日起至202112月31日止",
    /// "自201811日起至20181231日止" (月 lost too). The four digits run into the first of January, then its last day of December.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)(?<year>(19|20)\d{2})(1\s*月\s*1\s*日|11日)\s*起?\s*(至|到|—|－|-|–|~|～)\s*((19|20)\d{2}\s*年?)?\s*(12\s*月\s*31\s*日|1231日)")]
    private static partial Regex PeriodWithoutNianRegex();

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年度?\s*(政府|政务)信息公开(工作)?(情况)?(年度)?(工作)?(报告|年报)")]
    private static partial Regex YearOfReportRegex();

    private const string NotAPlan = @"(?!要点|计划|安排|打算|思路|方案|任务|目标|重点|考核|测评|评估|考评|检查|督查|培训|会议|领导小组|的通知|通知)";

    /// <summary>A verb of reporting, then the year's work: "汇报我镇2023年政府信息公开工作", "总结2023年度全区政府信息公开工作".</summary>
    [GeneratedRegex(@"(汇报|报告|总结|通报|现将|现就)了?[^，,。；;《》“”\d]{0,20}?(?<year>(19|20)\d{2})\s*年度?的?(全[县区市镇乡旗])?(政府|政务)信息(与政务)?公开(?>(工作)?)" + NotAPlan)]
    private static partial Regex ReportedWorkRegex();

    /// <summary>The year's work, then the verb: "2023年度政府信息公开工作开展情况报告如下".</summary>
    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年度?[^，,。；;《》“”\d]{0,15}?(政府|政务)信息(与政务)?公开工作的?(开展|落实|推进|总体|基本|有关|主要)?(情况)?(报告|汇报|总结)如下")]
    private static partial Regex WorkReportedRegex();
}
