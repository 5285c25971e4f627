using Gongkai.Domain.Calendar;
using Gongkai.Testing;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Supervision;

namespace Gongkai.IntegrationTests;

/// <summary>The demo city's supervisor sees its eleven agencies for the last two years: some late, some with errors, some collected.</summary>
public sealed class SupervisionDemoTests
{
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task DemoCity_SupervisorOverview_LastTwoYears(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        new DemoCity(db, WorkingDayCalendar.Embedded, time).Run("demo-password-1", officeCases: 20, otherCases: 8);

        var last = (await new SupervisionOverview(db, time).BuildAsync(DemoCity.Office, 2025))!;
        var before = (await new SupervisionOverview(db, time).BuildAsync(DemoCity.Office, 2024))!;

        Assert.Equal(11, last.Agencies.Count);
        Assert.Equal(11, before.Agencies.Count);
        var rows = last.Agencies.ToDictionary(a => a.Code);
        Assert.True(rows["DEMO-JYJ"].Late);
        Assert.True(rows["DEMO-XQ"].Late);
        Assert.False(rows["DEMO-DQ"].Late);
        Assert.True(rows["DEMO-GAJ"].Errors > 0);
        Assert.Equal(ReportStatus.Collected, rows["DEMO-CZJ"].Status);
        Assert.Equal(ReportStatus.Collected, rows["DEMO-ZRJ"].Status);
        Assert.True(rows["DEMO-ZRJ"].Uncertain > 0, "the text file with a dropped cell leaves a reading to confirm");
        Assert.Equal(ReportStatus.Draft, rows["DEMO-HBJ"].Status);
        Assert.Equal(ReportStatus.NotStarted, rows["DEMO-ZJJ"].Status);
        Assert.Equal("汇总（9个机关）", last.Rollup!.Report!.Agency);
        Assert.All(before.Agencies, a => Assert.Contains(a.Status, new[] { ReportStatus.Published, ReportStatus.Collected }));
    }

    [Fact]
    public void DemoTableTwo_VariedFigures_InForceCarriedFromYearToYear()
    {
        foreach (var code in new[] { "DEMO-FGW", "DEMO-JYJ", "DEMO-GAJ", "DEMO-DQ", "DEMO-NQ" })
        {
            var before = Report(code, 2024);
            var last = Report(code, 2025);

            var diagnostics = new Gongkai.Reporting.Validation.ReportValidator().Validate(last, before);

            Assert.DoesNotContain(diagnostics, d => d.Code == Gongkai.Domain.Diagnostics.DiagnosticCatalog.InForceDrift.Code);
            var figures = last.Schema.ProactiveKeys.Select(k => last.GetProactive(k).Text).ToList();
            Assert.True(figures.Distinct().Count() >= 5, code + ": " + string.Join(",", figures));
            Assert.NotEqual(
                before.Schema.ProactiveKeys.Select(k => before.GetProactive(k).Text),
                figures);
        }

        static Gongkai.Domain.Reports.AnnualReport Report(string code, int year)
        {
            var report = new Gongkai.Domain.Reports.AnnualReport(Gongkai.Domain.Reports.ReportEdition.Edition2021) { Year = year };
            foreach (var key in report.Schema.ProactiveKeys)
            {
                report.SetProactive(key, SupervisionDemo.Proactive(code, year, key));
            }

            return report;
        }
    }
}
