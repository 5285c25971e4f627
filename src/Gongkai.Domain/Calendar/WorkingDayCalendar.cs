using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// 工作日 — the official working-day calendar (ogi-rules §6, W-01): a date is a working day when it is
/// Monday–Friday and not a listed holiday, or when it is a listed make-up working day (调休). Built from
/// versioned data (data/cn-holidays.csv, embedded at build; replaceable by a file without recompiling).
/// A year the data does not cover is counted by the documented fallback policy — weekends only — and
/// every deadline that touches it carries a warning.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarEntry> _entries;
    // One bitmap per year 1900–2199, built on first use and published without locks (reads are lock-free).
    private readonly ulong[]?[] _bitmaps = new ulong[]?[300];

    private WorkingDayCalendar(IEnumerable<CalendarEntry> entries, string version)
    {
        _entries = entries.ToDictionary(e => e.Date);
        Version = version;

        // A year is covered when its notice is in the data; the 2018-12-29…31 rows that the 2019 notice
        // moved do not make 2018 a covered year.
        KnownYears = _entries.Values.GroupBy(e => e.Date.Year).Where(g => g.Count() >= 5).Select(g => g.Key).Order().ToArray();
    }

    /// <summary>Identifies the data: the source and the number of entries and years.</summary>
    public string Version { get; }

    /// <summary>Years whose official notice is in the data.</summary>
    public IReadOnlyList<int> KnownYears { get; }

    public IReadOnlyCollection<CalendarEntry> Entries => _entries.Values;

    /// <summary>The calendar compiled into Gongkai (data/cn-holidays.csv, 2019–2026).</summary>
    public static WorkingDayCalendar Embedded { get; } = LoadEmbedded();

    public bool IsKnownYear(int year) => KnownYears.Contains(year);

    public CalendarEntry? Entry(DateOnly date) => _entries.GetValueOrDefault(date);

    /// <summary>W-01. For a year outside the data, weekends only (the documented fallback).</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var bitmap = Bitmap(date.Year);
        var day = date.DayOfYear - 1;
        return (bitmap[day >> 6] & (1UL << (day & 63))) != 0;
    }

    /// <summary>
    /// Parses the CSV format of data/cn-holidays.csv (<c>date,kind,name</c>; kind holiday|workday).
    /// Returns null and the first problem found, with its line, for a malformed file.
    /// </summary>
    public static WorkingDayCalendar? Parse(string csv, string source, out string? problem)
    {
        problem = null;
        var entries = new List<CalendarEntry>();
        var dates = new HashSet<DateOnly>();
        var lines = csv.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (i == 0 && line.StartsWith("date", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length < 2 ||
                !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problem = $"第 {i + 1} 行格式错误（应为 日期,holiday|workday,名称）：{line}";
                return null;
            }

            CalendarDayKind kind;
            switch (parts[1].Trim())
            {
                case "holiday": kind = CalendarDayKind.Holiday; break;
                case "workday": kind = CalendarDayKind.Workday; break;
                default:
                    problem = $"第 {i + 1} 行的类型“{parts[1].Trim()}”应为 holiday 或 workday";
                    return null;
            }

            var isWeekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (kind == CalendarDayKind.Workday && !isWeekend)
            {
                problem = $"第 {i + 1} 行：{date:yyyy-MM-dd} 是工作日，不能列为调休上班日";
                return null;
            }

            // A set, not a scan of the rows so far: a file of 50,000 lines was 1.25 × 10^9 comparisons.
            if (!dates.Add(date))
            {
                problem = $"第 {i + 1} 行：{date:yyyy-MM-dd} 重复";
                return null;
            }

            entries.Add(new CalendarEntry(date, kind, parts.Length > 2 ? parts[2].Trim() : string.Empty));
        }

        if (entries.Count == 0)
        {
            problem = "文件中没有任何节假日数据";
            return null;
        }

        var years = entries.Select(e => e.Date.Year).Distinct().Count();
        return new WorkingDayCalendar(entries, $"{source}（{entries.Count} 条，{entries.Min(e => e.Date):yyyy}–{entries.Max(e => e.Date):yyyy}，{years} 个年份）");
    }

    /// <summary>A calendar of the given rows (already checked: one row a date), e.g. the version stored in the database.</summary>
    public static WorkingDayCalendar From(IEnumerable<CalendarEntry> entries, string version) => new(entries, version);

    private static WorkingDayCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream("Gongkai.Domain.cn-holidays.csv")
            ?? throw new InvalidOperationException("The embedded calendar data/cn-holidays.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "内置 data/cn-holidays.csv", out var problem)
            ?? throw new InvalidOperationException("The embedded calendar is malformed: " + problem);
    }

    private ulong[] Bitmap(int year)
    {
        var slot = year - 1900;
        if ((uint)slot < (uint)_bitmaps.Length && Volatile.Read(ref _bitmaps[slot]) is { } cached)
        {
            return cached;
        }

        {
            var bitmap = new ulong[6];
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                var working = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                if (_entries.TryGetValue(date, out var entry))
                {
                    working = entry.Kind == CalendarDayKind.Workday;
                }

                if (working)
                {
                    var day = date.DayOfYear - 1;
                    bitmap[day >> 6] |= 1UL << (day & 63);
                }
            }

            if ((uint)slot < (uint)_bitmaps.Length)
            {
                Volatile.Write(ref _bitmaps[slot], bitmap);
            }

            return bitmap;
        }
    }
}
