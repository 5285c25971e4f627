using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 报告与诊断 of a published report: the diagnostics the overview counted (code, severity, where, message) beside a link
/// to the public page, which shows the report but not its errors. Only an agency beneath the supervisor (else 404).
/// </summary>
public sealed class ReportModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    [BindProperty(SupportsGet = true)]
    public string Agency { get; set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public PublishedReportCheck.Result? Check { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Prepare();
        var cancel = HttpContext.RequestAborted;
        await using var db = SupervisionAccess.Open(Options);
        if (string.IsNullOrWhiteSpace(Agency) || !await SupervisionAccess.MayReadAsync(db, User, Agency, cancel))
        {
            return NotFound();
        }

        Check = await PublishedReportCheck.RunAsync(db, Agency, SelectedYear, cancel);
        if (Check is null)
        {
            return NotFound();
        }

        AgencyName = (await new UseCases.Organisation.AgencyDirectory(db).FindAsync(Agency, cancel))?.Name ?? Agency;
        return Page();
    }

    /// <summary>The severity as the overview's columns name it.</summary>
    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "说明",
    };

    /// <summary>Where a finding points, in the report's own words: the table and its cell by the schema's labels, a section's heading, a line.</summary>
    public static string Where(DiagnosticLocation location, ReportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(schema);
        var where = location switch
        {
            { Table: { } table, RowKey: { } row } => $"表{table} {CellNames.Of(schema, table, row, location.ColumnKey)}",
            { Table: { } table } => $"表{table}",
            { Section: "meta", RowKey: "agency" } => "机关名称",
            { Section: "meta", RowKey: "year" } => "年度",
            { Section: "meta", RowKey: "edition" } => "格式版本",
            { Section: "meta" } => "报告基本信息",
            { Section: { } section } => schema.Sections.FirstOrDefault(s => s.Key == section)?.Heading ?? section,
            _ => location.Line is null ? "全文" : string.Empty,
        };
        return location.Line is { } line ? (where.Length > 0 ? where + "，" : "") + $"第 {line} 行" : where;
    }
}
