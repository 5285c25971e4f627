using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 催报名单: the agencies that have not yet published (nor had a report collected) for the year, with the contacts of
/// their disclosure guide, printable. E-mail is not sent from here: no outbox exists in this installation yet.
/// </summary>
public sealed class RemindersModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    public sealed record Row(OverviewRow Agency, DateOnly Deadline, AgencyGuideRow? Guide);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public void OnGet()
    {
        var overview = BuildOverview();
        var waiting = overview.Agencies.Where(a => a.Status is ReportStatus.NotStarted or ReportStatus.Draft).ToList();
        using var db = SupervisionAccess.Open(Options);
        var codes = waiting.Select(a => a.Code).ToList();
        var guides = db.AgencyGuides.AsNoTracking().Where(g => codes.Contains(g.AgencyCode)).ToDictionary(g => g.AgencyCode);
        Rows = waiting.Select(a => new Row(
            a, Gongkai.Domain.Reports.PublicationDeadline.For(SelectedYear, a.Kind == Gongkai.Domain.Organisation.AgencyKind.Government),
            guides.GetValueOrDefault(a.Code))).ToList();
    }
}
