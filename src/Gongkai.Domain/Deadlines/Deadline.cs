using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Deadlines;

/// <summary>
/// 期限 — a period of N working days from a start date (day 0, not counted: W-02) and the due date it
/// ends on, with every day between them and how it was treated, so the date can explain itself.
/// </summary>
public sealed record Deadline(
    DateOnly Start,
    int WorkingDays,
    DateOnly Due,
    string Basis,
    IReadOnlyList<DeadlineDay> Days,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// 条例第三十五条: a later, reasonable deadline the agency set for an excessive but reasonable request
    /// (the statutory count above is kept for reference).
    /// </summary>
    public DateOnly? AgreedDue { get; init; }

    /// <summary>The deadline in force: the agreed one when set, else the counted one.</summary>
    public DateOnly EffectiveDue => AgreedDue ?? Due;

    public int Count(DayTreatment treatment) => Days.Count(d => d.Treatment == treatment);

    /// <summary>The explanation in Chinese, one line per fact.</summary>
    public IReadOnlyList<string> Explain()
    {
        var lines = new List<string>
        {
            $"依据：{Basis}",
            $"起算：{Start:yyyy-MM-dd}（{Weekday(Start)}）为第 0 日，不计入；自次日起计算 {WorkingDays} 个工作日，期限届满日为 {Due:yyyy-MM-dd}（{Weekday(Due)}）。",
            $"计入工作日 {Count(DayTreatment.Counted) + Count(DayTreatment.CountedMakeUpDay)} 天；跳过周末 {Count(DayTreatment.Weekend)} 天、法定节假日 {Count(DayTreatment.Holiday)} 天、暂停计算的工作日 {Count(DayTreatment.Paused)} 天。",
        };
        foreach (var group in Runs(DayTreatment.Holiday))
        {
            lines.Add($"节假日：{group.Note} {Range(group.From, group.To)}，不计入。");
        }

        foreach (var day in Days.Where(d => d.Treatment == DayTreatment.CountedMakeUpDay))
        {
            lines.Add($"调休上班日：{day.Date:yyyy-MM-dd}（{Weekday(day.Date)}，{day.Note}调休）计为第 {day.Ordinal} 个工作日。");
        }

        foreach (var group in Runs(DayTreatment.Paused))
        {
            lines.Add($"暂停计算：{group.Note} {Range(group.From, group.To)}，其间的工作日不计入。");
        }

        if (AgreedDue is { } agreed)
        {
            lines.Add($"条例第三十五条：申请数量、频次明显超过合理范围但理由合理，行政机关确定延迟答复的合理期限为 {agreed:yyyy-MM-dd}（{Weekday(agreed)}），并已告知申请人。");
        }

        lines.AddRange(Warnings.Select(w => "注意：" + w));
        return lines;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"due: {EffectiveDue:yyyy-MM-dd}");
        foreach (var line in Explain())
        {
            sb.Append('\n').Append(line);
        }

        return sb.ToString();
    }

    private IEnumerable<(DateOnly From, DateOnly To, string? Note)> Runs(DayTreatment treatment)
    {
        (DateOnly From, DateOnly To, string? Note)? open = null;
        foreach (var day in Days.Where(d => d.Treatment is DayTreatment.Weekend or DayTreatment.Holiday || d.Treatment == treatment))
        {
            if (day.Treatment != treatment)
            {
                continue;
            }

            if (open is { } o && o.Note == day.Note && day.Date.DayNumber - o.To.DayNumber <= 3)
            {
                open = (o.From, day.Date, o.Note);
            }
            else
            {
                if (open is { } done)
                {
                    yield return done;
                }

                open = (day.Date, day.Date, day.Note);
            }
        }

        if (open is { } last)
        {
            yield return last;
        }
    }

    private static string Range(DateOnly from, DateOnly to) =>
        from == to ? $"{from:yyyy-MM-dd}" : $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}";

    private static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
    };
}
