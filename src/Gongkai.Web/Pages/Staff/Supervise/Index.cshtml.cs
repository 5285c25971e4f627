using System.Globalization;
using System.Text;
using Gongkai.Domain.Organisation;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>监督总览: one row per agency beneath the supervisor for a year, filtered, sorted, exported (.xlsx, CSV).</summary>
public sealed class IndexModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public Overview? Overview { get; private set; }

    public IReadOnlyList<OverviewRow> Rows { get; private set; } = [];

    public static readonly IReadOnlyList<(string Key, string Label)> SortKeys =
        [("code", "代码"), ("name", "机关"), ("level", "层级"), ("status", "状态"), ("published", "公布日期"), ("late", "逾期"), ("errors", "错误"), ("warnings", "警告"), ("score", "得分")];

    public async Task OnGetAsync()
    {
        Overview = await BuildOverviewAsync();
        Rows = Sorted(Overview.Agencies, Sort);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var overview = await BuildOverviewAsync();
        var sb = new StringBuilder();
        sb.Append("代码,机关,层级,类别,状态,公布日期,逾期,错误,警告,得分\r\n");
        foreach (var r in Sorted(overview.Agencies, Sort))
        {
            sb.AppendJoin(',', Cells(r).Select(c => Csv(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }

        // A byte-order mark so that Excel opens the Chinese text as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray(), "text/csv; charset=utf-8", $"监督总览-{SelectedYear}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var overview = await BuildOverviewAsync();
        var rows = Sorted(overview.Agencies, Sort).Select(r =>
        {
            var c = Cells(r);
            return new Dictionary<string, object?>
            {
                ["代码"] = c[0],
                ["机关"] = c[1],
                ["层级"] = c[2],
                ["类别"] = c[3],
                ["状态"] = c[4],
                ["公布日期"] = c[5],
                ["逾期"] = c[6],
                ["错误"] = c[7],
                ["警告"] = c[8],
                ["得分"] = c[9],
            };
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: $"{SelectedYear}年度");
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"监督总览-{SelectedYear}.xlsx");
    }

    public static object?[] Cells(OverviewRow r) =>
    [
        r.Code, r.Name, r.Level.Label(), r.Kind.Label(), r.Status, r.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        r.Late ? "是" : "否", r.Errors, r.Warnings, r.Score,
    ];

    public static IReadOnlyList<OverviewRow> Sorted(IEnumerable<OverviewRow> rows, string? sort) => (sort switch
    {
        "name" => rows.OrderBy(r => r.Name, StringComparer.Ordinal),
        "level" => rows.OrderBy(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal),
        "status" => rows.OrderBy(r => ReportStatus.All.ToList().IndexOf(r.Status)).ThenBy(r => r.Code, StringComparer.Ordinal),
        "published" => rows.OrderBy(r => r.PublishedOn ?? DateOnly.MaxValue),
        "late" => rows.OrderByDescending(r => r.Late).ThenBy(r => r.Code, StringComparer.Ordinal),
        "errors" => rows.OrderByDescending(r => r.Errors),
        "warnings" => rows.OrderByDescending(r => r.Warnings),
        "score" => rows.OrderBy(r => r.Score ?? int.MaxValue),
        _ => rows.OrderBy(r => r.Code, StringComparer.Ordinal),
    }).ToList();

    /// <summary>A cell as the queue's export writes it: a name read from a collected file cannot start a formula.</summary>
    private static string Csv(string value) => Gongkai.UseCases.Applications.QueueExport.Quote(value);
}
