using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Rendering;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 汇总: the reports of the agencies chosen (all beneath, a level, a kind) added up, in the official layout; every
/// figure links to the agencies that contribute to it; downloads as HTML, .docx and JSON.
/// </summary>
public sealed class RollupModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Cell { get; set; }

    public Rollup? Rollup { get; private set; }

    public CellAddress? Selected { get; private set; }

    /// <summary>The agencies whose report is added up and has errors or warnings: the roll-up adds them as printed.</summary>
    public IReadOnlyList<OverviewRow> WithFindings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var overview = await BuildOverviewAsync();
        Rollup = overview.Rollup;
        WithFindings = RollupInputFindings.WithFindings(overview);
        _byCode = overview.Agencies.Where(a => a.Status is ReportStatus.Published or ReportStatus.Collected)
            .ToDictionary(a => a.Code, StringComparer.Ordinal);
        Selected = CellAddress.TryParse(Cell, out var cell) ? cell : null;
    }

    public async Task<IActionResult> OnGetDownloadAsync(string format)
    {
        var overview = await BuildOverviewAsync();
        var rollup = overview.Rollup;
        if (rollup?.Report is not { } report)
        {
            return NotFound();
        }

        var name = $"汇总-{SelectedYear}";
        if (format == "json")
        {
            // As `report rollup --json`: each input's findings under its name, then the roll-up's own (the mapping).
            List<RollupJson.SourcedDiagnostic> diagnostics;
            await using (var db = SupervisionAccess.Open(Options))
            {
                diagnostics = [.. await RollupInputFindings.LoadAsync(db, overview, HttpContext.RequestAborted)];
            }

            diagnostics.AddRange(rollup.Diagnostics.Select(d => new RollupJson.SourcedDiagnostic("汇总", d)));
            return File(System.Text.Encoding.UTF8.GetBytes(RollupJson.Write(rollup, diagnostics)), "application/json; charset=utf-8", name + ".json");
        }

        if (!ReportRenderer.TryParseFormat(format, out var f) || f == RenderFormat.Text)
        {
            return BadRequest();
        }

        using var stream = new MemoryStream();
        ReportRenderer.Render(report, f, stream);
        var (type, ext) = f switch
        {
            RenderFormat.Docx => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            RenderFormat.Html => ("text/html; charset=utf-8", ".html"),
            _ => ("text/markdown; charset=utf-8", ".md"),
        };
        return File(stream.ToArray(), type, name + ext);
    }

    private Dictionary<string, OverviewRow> _byCode = [];

    /// <summary>
    /// The agency a contribution is from, by its code (two agencies beneath one office may share a name: a link by name went to
    /// the first of them for both), for its 报告与诊断 link.
    /// </summary>
    public OverviewRow? AgencyOf(Contribution contribution) => contribution.Code is { } code ? _byCode.GetValueOrDefault(code) : null;

    /// <summary>A link to the contributors of one figure, or plain text for a blank cell.</summary>
    public string Link(CellAddress cell) => $"/staff/supervise/rollup?{Query}&cell={Uri.EscapeDataString(cell.ToString())}#contributors";
}
