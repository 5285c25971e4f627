using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Testing;
using Gongkai.UseCases.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>The demo's current-year cases: a believable queue, nothing dated after today, most cases assigned.</summary>
public sealed class DemoSeederTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void CurrentYear_EveryOpenState_SomeOverdue_NothingAfterToday_MostAssigned(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Database.Migrate(db);
        var today = new DateOnly(2026, 11, 20);
        var seeder = new DemoSeeder(db, Calendar, new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)));
        seeder.Run(agencies: 1, casesPerAgency: 200, years: 2);
        var carried = db.Applications.Count(a => a.FirstReceivedOn.Year == 2025 && a.State != (int)ApplicationState.Closed);

        Assert.Equal(120, seeder.RunCurrentYear("DEMO", 120, ["clerk", "head"]));

        Assert.True(carried > 0, "the two-year demo carries cases forward into this year");
        Assert.Equal(0, db.Applications.Count(a => a.FirstReceivedOn.Year < 2026 && a.State != (int)ApplicationState.Closed && a.State != (int)ApplicationState.AwaitingCorrection));
        var cases = new CaseStore(db).Load(db.Applications.Where(a => a.AgencyCode == "DEMO" && a.FirstReceivedOn.Year == 2026));
        Assert.Equal(120, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.Equal(2026, c.Application.FirstReceivedOn.Year);
            Assert.All(c.Application.Events, e => Assert.True(e.Date <= today, $"{c.Application.TrackingNumber}: {e.Kind} on {e.Date}"));
            Assert.Contains(c.AssignedOfficer, new string?[] { "clerk", "head", null });
        });
        var open = cases.Where(c => c.Application.State != ApplicationState.Closed).ToList();
        Assert.Contains(open, c => c.Application.State == ApplicationState.InProgress);
        Assert.Contains(open, c => c.Application.State == ApplicationState.AwaitingCorrection);
        Assert.Contains(open, c => c.Application.State == ApplicationState.Consulting);
        // One reply waits for the head (issue 12: the demo shows the approval step), proposed by the clerk, not the head.
        var waiting = Assert.Single(open, c => c.Application.State == ApplicationState.AwaitingApproval);
        Assert.Equal("clerk", waiting.Application.Proposal!.ProposedBy);
        Assert.Equal("clerk", waiting.AssignedOfficer);
        Assert.Contains(open, c => c.Application.ExtensionDays > 0);
        Assert.Contains(open, c => c.Application.ReplyDeadline(Calendar, DeadlinePolicy.Default, today)?.EffectiveDue < today);
        Assert.Contains(open, c => c.AssignedOfficer is null);
        Assert.True(cases.Count(c => c.AssignedOfficer is not null) > cases.Count / 2);
        Assert.Contains(cases, c => c.Application.State == ApplicationState.Closed && c.Application.DecidedOn <= today);
        Assert.Equal(cases.Count, cases.Select(c => c.Application.TrackingNumber).Distinct().Count());
    }

    [Theory]
    [InlineData("2026-01-01", 0)] // 元旦: nothing received yet
    [InlineData("2026-01-05", 30)]
    public void CurrentYear_InTheFirstDaysOfJanuary_NothingBeforeTheFirstWorkingDayOrAfterToday(string day, int expected)
    {
        using var database = new TestDatabase("sqlite");
        using var db = database.Open();
        Database.Migrate(db);
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var seeder = new DemoSeeder(db, Calendar, new FixedTime(new DateTimeOffset(today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)));
        new CaseStore(db).AddAgency("DEMO", "示例机关");

        Assert.Equal(expected, seeder.RunCurrentYear("DEMO", 30, ["clerk"]));

        var cases = new CaseStore(db).Load(db.Applications);
        Assert.Equal(expected, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.True(c.Application.FirstReceivedOn >= new DateOnly(2026, 1, 4) && c.Application.FirstReceivedOn <= today, c.Application.FirstReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(c.Application.Events, e => Assert.True(e.Date <= today));
        });
    }
}
