using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Supervision;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 比较: agencies of one level in one year side by side (applications, outcome mix, share refused, reviews and
/// lawsuits per 100 applications, 纠错率), or one agency across years with breaks flagged. Tables first; the
/// ECharts charts are drawn from the same figures when JavaScript runs.
/// </summary>
public sealed class CompareModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public PeerComparison? Peers { get; private set; }

    public AgencyHistory? History { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    /// <summary>The chart's data as JSON (names and applications), read by /lib/supervise-charts.js.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync()
    {
        var overview = await BuildOverviewAsync();
        await using var db = SupervisionAccess.Open(Options);
        var cancel = HttpContext.RequestAborted;
        if (!string.IsNullOrWhiteSpace(Agency))
        {
            if (!await SupervisionAccess.MayReadAsync(db, User, Agency, cancel))
            {
                return NotFound();
            }

            AgencyName = (await new UseCases.Organisation.AgencyDirectory(db).FindAsync(Agency, cancel))!.Name;
            var reports = new List<Gongkai.Domain.Reports.AnnualReport>();
            foreach (var y in Years)
            {
                if (await ReportLookup.FindAsync(db, Agency, y, cancel) is { } r)
                {
                    reports.Add(r);
                }
            }

            History = AgencyHistory.Of(AgencyName, reports);
            ChartJson = JsonSerializer.Serialize(new
            {
                kind = "history",
                labels = History.Years.Select(f => f.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                series = new[]
                {
                    new { name = "本年新收", data = History.Years.Select(f => (decimal?)f.Applications) },
                    new { name = "不予公开占比(%)", data = History.Years.Select(f => f.ShareRefused * 100) },
                },
            });
            return Page();
        }

        var codes = overview.Agencies.Where(a => a.Status is ReportStatus.Published or ReportStatus.Collected).ToList();
        var figures = new List<ReportFigures>();
        foreach (var a in codes)
        {
            if (await ReportLookup.FindAsync(db, a.Code, SelectedYear, cancel) is { } r)
            {
                figures.Add(ReportFigures.Of(a.Name, r));
            }
        }

        Peers = PeerComparison.Of(figures);
        OutcomeLabels = figures.Count > 0
            ? figures[0].OutcomeMix.Select(m => m.Label).ToList()
            : ReportFigures.OutcomeCategories(ReportSchema.For(ReportEditions.ExpectedFor(SelectedYear) ?? ReportEdition.Edition2021)).Select(c => c.Label).ToList();
        ChartJson = JsonSerializer.Serialize(new
        {
            kind = "peers",
            labels = figures.Select(f => f.Agency),
            series = new[]
            {
                new { name = "本年新收", data = figures.Select(f => (decimal?)f.Applications) },
                new { name = "每百件申请的复议", data = figures.Select(f => f.ReconsiderationsPer100) },
            },
        });
        return Page();
    }

    /// <summary>The outcome categories （一）…（六） as the schema labels them, for the comparison's column headers.</summary>
    public IReadOnlyList<string> OutcomeLabels { get; private set; } = [];

    /// <summary>
    /// A column header short enough not to squeeze the agency names: the label without its parenthesised note
    /// (（二）部分公开（区分处理的，只计这一情形，不计其他情形） → （二）部分公开); the full label is the header's title.
    /// </summary>
    public static string Short(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var note = label.IndexOf('（', label.StartsWith('（') ? label.IndexOf('）', StringComparison.Ordinal) + 1 : 0);
        return note > 0 ? label[..note] : label;
    }

    public static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
