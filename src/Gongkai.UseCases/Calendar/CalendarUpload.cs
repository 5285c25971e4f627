using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// Checks an uploaded holiday file (the format of data/cn-holidays.csv: <c>date,holiday|workday,name</c>) against the
/// calendar in force, before anything is written. The State Council publishes each year's notice in the autumn
/// (国务院办公厅关于XXXX年部分节假日安排的通知); the upload brings one or more such years. Every problem is reported,
/// each with its line, in Chinese; a file with any problem is refused whole.
/// </summary>
public static class CalendarUpload
{
    /// <summary>The seven statutory holidays (《全国年节及纪念日放假办法》) every year's notice arranges.</summary>
    public static readonly IReadOnlyList<string> StatutoryHolidays = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];

    // A year is one the file brings when it has at least this many rows; fewer rows (the notice's 元旦 days of the
    // previous December) belong to the next year's notice. Same rule as WorkingDayCalendar.KnownYears.
    private const int RowsOfAYear = 5;

    /// <summary>The outcome: the problems (empty when the file is good) and, when good, the calendar it makes.</summary>
    public sealed record Check(
        IReadOnlyList<string> Problems,
        IReadOnlyList<int> UploadedYears,
        IReadOnlyList<CalendarEntry> Uploaded,
        IReadOnlyList<CalendarEntry> Merged,
        IReadOnlyList<int> CoveredYears)
    {
        public bool Ok => Problems.Count == 0;
    }

    public static Check Run(string csv, WorkingDayCalendar current)
    {
        var problems = new List<string>();
        var rows = new List<(int Line, CalendarEntry Entry)>();
        var lines = csv.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#') || (rows.Count == 0 && line.StartsWith("date", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (ParseLine(line, i + 1, problems) is { } entry)
            {
                rows.Add((i + 1, entry));
            }
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add("文件中没有任何节假日数据（每行应为：日期,holiday|workday,名称）");
        }

        CheckOrder(rows, problems);
        var years = rows.GroupBy(r => r.Entry.Date.Year).Where(g => g.Count() >= RowsOfAYear).Select(g => g.Key).Order().ToList();
        CheckYears(rows, years, problems);
        CheckAgainstCurrent(rows, years, current, problems);

        var merged = current.Entries
            .Where(e => !years.Contains(e.Date.Year) && rows.All(r => r.Entry.Date != e.Date))
            .Concat(rows.Select(r => r.Entry))
            .OrderBy(e => e.Date)
            .ToList();
        var covered = current.KnownYears.Union(years).Order().ToList();
        for (var year = covered.FirstOrDefault(); covered.Count > 0 && year < covered[^1]; year++)
        {
            if (!covered.Contains(year))
            {
                problems.Add($"缺少 {year} 年的节假日安排：日历覆盖的年份之间不能有空缺（已有 {Years(current.KnownYears)}，本次上传 {Years(years)}）。请先上传 {year} 年。");
            }
        }

        return new Check(problems, years, rows.Select(r => r.Entry).ToList(), problems.Count == 0 ? merged : [], covered);
    }

    public static string Years(IEnumerable<int> years)
    {
        var list = years.ToList();
        return list.Count == 0 ? "无" : string.Join("、", list.Select(y => y.ToString(CultureInfo.InvariantCulture)));
    }

    private static CalendarEntry? ParseLine(string line, int number, List<string> problems)
    {
        var parts = line.Split(',');
        if (parts.Length < 3 ||
            !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add($"第 {number} 行格式错误（应为：日期,holiday|workday,名称，日期如 2027-01-01）：{line}");
            return null;
        }

        CalendarDayKind kind;
        switch (parts[1].Trim())
        {
            case "holiday": kind = CalendarDayKind.Holiday; break;
            case "workday": kind = CalendarDayKind.Workday; break;
            default:
                problems.Add($"第 {number} 行的类型“{parts[1].Trim()}”应为 holiday（放假）或 workday（调休上班）");
                return null;
        }

        var name = parts[2].Trim();
        if (name.Length == 0)
        {
            problems.Add($"第 {number} 行缺少节日名称");
            return null;
        }

        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == CalendarDayKind.Workday && !weekend)
        {
            problems.Add($"第 {number} 行：{date:yyyy-MM-dd} 是{Weekday(date)}，本来就是工作日，不能列为调休上班日（放假与工作日冲突）");
            return null;
        }

        return new CalendarEntry(date, kind, name);
    }

    private static void CheckOrder(List<(int Line, CalendarEntry Entry)> rows, List<string> problems)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var (previous, current) = (rows[i - 1], rows[i]);
            if (current.Entry.Date == previous.Entry.Date)
            {
                problems.Add($"第 {current.Line} 行：{current.Entry.Date:yyyy-MM-dd} 与第 {previous.Line} 行重复（同一日期只能有一行）");
            }
            else if (current.Entry.Date < previous.Entry.Date)
            {
                problems.Add($"第 {current.Line} 行：日期 {current.Entry.Date:yyyy-MM-dd} 早于上一行的 {previous.Entry.Date:yyyy-MM-dd}，日期应按先后顺序排列");
            }
        }
    }

    /// <summary>Each year the file brings is the whole of that year's notice: every statutory holiday arranged.</summary>
    private static void CheckYears(List<(int Line, CalendarEntry Entry)> rows, List<int> years, List<string> problems)
    {
        foreach (var stray in rows.Where(r => !years.Contains(r.Entry.Date.Year)).GroupBy(r => r.Entry.Date.Year))
        {
            // The notice of year Y may start 元旦 in the last days of December of Y-1 (e.g. 2018-12-30 in the 2019 notice).
            var spill = stray.Key + 1;
            if (!years.Contains(spill) || stray.Any(r => r.Entry.Date.Month != 12))
            {
                problems.Add($"{stray.Key} 年只有 {stray.Count()} 行（第 {string.Join("、", stray.Select(r => r.Line))} 行），不是完整的一年：一年的节假日安排应整年上传");
            }
        }

        foreach (var year in years)
        {
            var names = rows
                .Where(r => r.Entry.Kind == CalendarDayKind.Holiday && (r.Entry.Date.Year == year || (r.Entry.Date.Year == year - 1 && r.Entry.Date.Month == 12 && !years.Contains(year - 1))))
                .SelectMany(r => r.Entry.Name.Split('、', '，', ','))
                .Select(n => n.Trim())
                .ToHashSet();
            var missing = StatutoryHolidays.Where(h => !names.Contains(h)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{year} 年不完整：缺少{string.Join("、", missing)}的放假安排（每年应有元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）");
            }
        }
    }

    /// <summary>A December row brought for next year's 元旦 must not contradict the year already in force.</summary>
    private static void CheckAgainstCurrent(List<(int Line, CalendarEntry Entry)> rows, List<int> years, WorkingDayCalendar current, List<string> problems)
    {
        foreach (var (line, entry) in rows.Where(r => !years.Contains(r.Entry.Date.Year)))
        {
            if (current.Entry(entry.Date) is { } existing && existing.Kind != entry.Kind)
            {
                problems.Add($"第 {line} 行：{entry.Date:yyyy-MM-dd} 在现行日历中是{Label(existing.Kind)}（{existing.Name}），与本行的{Label(entry.Kind)}冲突");
            }
        }
    }

    private static string Label(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "放假日" : "调休上班日";

    private static string Weekday(DateOnly date) => "星期" + "日一二三四五六"[(int)date.DayOfWeek];
}
