using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Calendar;
using Gongkai.Testing;
using Gongkai.UseCases.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>The calendar kept in the database: seeded, uploaded a year at a time, refused whole when wrong, versioned.</summary>
public sealed class CalendarStoreTests
{
    private static readonly FixedTime Time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Seed_StoresTheCompiledInCalendarOnce_LoadedBackTheSame(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();

        await CalendarStore.EnsureSeededAsync(db, WorkingDayCalendar.Embedded, Time);
        await CalendarStore.EnsureSeededAsync(db, WorkingDayCalendar.Embedded, Time);

        var (id, calendar) = (await CalendarStore.LoadCurrentAsync(db))!.Value;
        Assert.Single(await CalendarStore.HistoryAsync(db));
        Assert.Equal(WorkingDayCalendar.Embedded.KnownYears, calendar.KnownYears);
        Assert.Equal(WorkingDayCalendar.Embedded.Entries.OrderBy(e => e.Date), calendar.Entries.OrderBy(e => e.Date));
        Assert.Equal(id, await CalendarStore.CurrentIdAsync(db));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Upload_NextYear_NewVersionInForce_PreviousKept_OpenCaseDueDateMoves(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CalendarStore.EnsureSeededAsync(db, WorkingDayCalendar.Embedded, Time);
        // Received 2026-11-30, extended by 20 working days: the due date crosses 2027-01-01 (a Friday, 元旦).
        var a = DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", "GK-1", new Applicant(ApplicantCategory.NaturalPerson, "李四", "110101199001011237", "13900000000"),
            "某某文件", "邮寄", ReceiptChannel.InPerson, new DateOnly(2026, 11, 30), Time.GetUtcNow(), "clerk");
        Assert.True(a.Extend(20, new DateOnly(2026, 12, 1), true, "需要调取档案", Time.GetUtcNow(), "head", WorkingDayCalendar.Embedded, DeadlinePolicy.Default).Succeeded);
        new CaseStore(db).Add(a);
        var before = WorkingDayCalendar.Embedded;
        var oldDue = a.ReplyDeadline(before, DeadlinePolicy.Default, new DateOnly(2026, 12, 1))!;
        Assert.Contains(oldDue.Explain(), line => line.Contains("2027 年的节假日安排不在日历数据中", StringComparison.Ordinal));

        var check = CalendarUpload.Run(CalendarFiles.Year2027, before);
        Assert.True(check.Ok, string.Join("\n", check.Problems));
        var applied = await CalendarStore.ApplyAsync(db, check, before, "admin", "上传：2027.csv", Time);

        var (id, now) = (await CalendarStore.LoadCurrentAsync(db))!.Value;
        Assert.Equal(applied.VersionId, id);
        Assert.Contains(2027, now.KnownYears);
        Assert.Equal(before.KnownYears.Append(2027), now.KnownYears);
        Assert.False(now.IsWorkingDay(new DateOnly(2027, 1, 1)));
        var newDue = a.ReplyDeadline(now, DeadlinePolicy.Default, new DateOnly(2026, 12, 1))!;
        Assert.Equal(oldDue.EffectiveDue.AddDays(oldDue.EffectiveDue.DayOfWeek == DayOfWeek.Friday ? 3 : 1), newDue.EffectiveDue);
        Assert.DoesNotContain(newDue.Explain(), line => line.Contains("不在日历数据中", StringComparison.Ordinal));
        Assert.Equal((1, 1), (applied.OpenCases, applied.DueDatesChanged));

        var history = await CalendarStore.HistoryAsync(db);
        Assert.Equal([id, id - 1], history.Select(v => v.Id));
        Assert.Equal(("admin", "2027"), (history[0].AppliedBy, history[0].UploadedYears));
        Assert.Equal(before.Entries.Count, db.Set<CalendarDayRow>().Count(d => d.VersionId == id - 1));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "missing year", CalendarFiles.Year2027As(2028), "缺少 2027 年的节假日安排" },
        { "weekday listed as workday", CalendarFiles.Year2027.Replace("2027-02-20,workday", "2027-02-19,workday", StringComparison.Ordinal), "2027-02-19 是星期五，本来就是工作日" },
        { "incomplete year", string.Join("\n", CalendarFiles.Year2027.Split('\n').Where(l => !l.Contains("中秋节", StringComparison.Ordinal))), "2027 年不完整：缺少中秋节" },
        { "out of order", CalendarFiles.Year2027.Replace("2027-04-05,holiday", "2027-03-05,holiday", StringComparison.Ordinal), "日期应按先后顺序排列" },
        { "duplicate", CalendarFiles.Year2027.Replace("2027-01-02,holiday", "2027-01-01,holiday", StringComparison.Ordinal), "重复" },
        { "bad kind", CalendarFiles.Year2027.Replace("2027-06-09,holiday", "2027-06-09,off", StringComparison.Ordinal), "应为 holiday（放假）或 workday（调休上班）" },
        { "a few rows of a year", "2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n", "2027 年只有 2 行" },
        { "empty", "date,kind,name\n", "没有任何节假日数据" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Check_BadFile_RefusedWithItsReason(string what, string csv, string expected)
    {
        var check = CalendarUpload.Run(csv, WorkingDayCalendar.Embedded);

        Assert.False(check.Ok, what);
        Assert.Contains(check.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(check.Merged);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Apply_RefusedCheck_WritesNothing(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CalendarStore.EnsureSeededAsync(db, WorkingDayCalendar.Embedded, Time);
        var check = CalendarUpload.Run(CalendarFiles.Year2027As(2028), WorkingDayCalendar.Embedded);

        await Assert.ThrowsAsync<InvalidOperationException>(() => CalendarStore.ApplyAsync(db, check, WorkingDayCalendar.Embedded, "admin", "x", Time));

        Assert.Single(await CalendarStore.HistoryAsync(db));
        Assert.Equal(WorkingDayCalendar.Embedded.Entries.Count, db.Set<CalendarDayRow>().AsNoTracking().Count());
    }

    [Fact]
    public void Check_TheCompiledInFile_PassesAsAnUpload()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "data", "cn-holidays.csv"));

        var check = CalendarUpload.Run(text, WorkingDayCalendar.Embedded);

        Assert.True(check.Ok, string.Join("\n", check.Problems));
        Assert.Equal(WorkingDayCalendar.Embedded.KnownYears, check.UploadedYears);
    }
}
