using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// The demo's published table 二 is the one its catalogue gives (a newcomer's run, 2 December: 生态环境局's published report
/// printed 45 行政规范性文件 in force, the registry 37, so the next year's report generated from the registry met GK2007).
/// </summary>
public sealed partial class SupervisionWebTests
{
    [Fact]
    public async Task Demo_ReportGeneratedFromTheRegistry_AgreesWithLastYearsPublishedTableTwo()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        var published = await db.ReportVersions.AsNoTracking().Where(v => v.AgencyCode == "DEMO-HBJ" && v.Year == LastYear - 1).OrderByDescending(v => v.Number).FirstAsync();
        var previous = CanonicalJsonReader.Read(published.Json).Report!;

        var generated = (await new GenerateAnnualReport(db).RunAsync("DEMO-HBJ", LastYear))!;

        var breaks = new ReportValidator().Validate(generated, previous).Where(d => d.Code == "GK2007").Select(d => d.Message).ToList();
        Assert.Empty(breaks);
    }
}
