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
        Rows = Sorted(Overview.Agencies, Sort, Desc);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var overview = await BuildOverviewAsync();
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var r in Sorted(overview.Agencies, Sort, Desc))
        {
            sb.AppendJoin(',', Cells(r).Select(c => Csv(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }

        // A byte-order mark so that Excel opens the Chinese text as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray(), "text/csv; charset=utf-8", $"监督总览-{SelectedYear}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var overview = await BuildOverviewAsync();
        var rows = Sorted(overview.Agencies, Sort, Desc).Select(r =>
        {
            var c = Cells(r);
            return Columns.Select((name, i) => (name, c[i])).ToDictionary(p => p.name, p => p.Item2);
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: $"{SelectedYear}年度");
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"监督总览-{SelectedYear}.xlsx");
    }

    /// <summary>The exports' columns, in the order of <see cref="Cells"/>: the page's columns, 待确认 among them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["代码", "机关", "层级", "类别", "状态", "公布日期", "逾期", "错误", "警告", "得分", "待确认"];

    /// <summary>One agency's row in the exports; 待确认 is the uncertain readings of a collected report still to confirm (0 otherwise).</summary>
    public static object?[] Cells(OverviewRow r) =>
    [
        r.Code, r.Name, r.Level.Label(), r.Kind.Label(), r.Status, r.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        r.Late ? "是" : "否", r.Errors, r.Warnings, r.Score, r.Uncertain,
    ];

    /// <summary>Reverses the chosen column's order (the heading of the sorted column links to the other way).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    /// <summary>The column sorted by: one of <see cref="SortKeys"/>, else 代码.</summary>
    public string SortKey => SortKeys.Any(k => k.Key == Sort) ? Sort! : "code";

    /// <summary>
    /// The heading's link: the other way round when it is the column sorted by; else ascending, except 错误 and 警告,
    /// which a supervisor reads from the most down.
    /// </summary>
    public string SortLink(string key) => $"/staff/supervise?{Query}&sort={key}" + ((key == SortKey ? !Desc : key is "errors" or "warnings") ? "&desc=true" : "");

    /// <summary>The export links keep the order on the page.</summary>
    public string OrderQuery => $"sort={SortKey}" + (Desc ? "&desc=true" : "");

    /// <summary>
    /// The rows in the order of <paramref name="sort"/>, ascending unless <paramref name="desc"/>: names by pinyin,
    /// status from 已发布 to 未开始, 逾期 first. Rows without a publication day or a score come last either way; ties by code.
    /// </summary>
    public static IReadOnlyList<OverviewRow> Sorted(IEnumerable<OverviewRow> rows, string? sort, bool desc = false)
    {
        var statuses = ReportStatus.All.ToList();
        var ordered = sort switch
        {
            "name" => By(rows, r => r.Name, NameOrder.Pinyin, desc),
            "level" => By(rows, r => r.Level, null, desc),
            "status" => By(rows, r => statuses.IndexOf(r.Status), null, desc),
            "published" => By(rows.OrderBy(r => r.PublishedOn is null), r => r.PublishedOn, null, desc),
            "late" => By(rows, r => !r.Late, null, desc),
            "errors" => By(rows, r => r.Errors, null, desc),
            "warnings" => By(rows, r => r.Warnings, null, desc),
            "score" => By(rows.OrderBy(r => r.Score is null), r => r.Score, null, desc),
            _ => By(rows, r => r.Code, StringComparer.Ordinal, desc),
        };
        return ordered.ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    private static IOrderedEnumerable<OverviewRow> By<TKey>(IEnumerable<OverviewRow> rows, Func<OverviewRow, TKey> key, IComparer<TKey>? comparer, bool desc) =>
        rows switch
        {
            IOrderedEnumerable<OverviewRow> first => desc ? first.ThenByDescending(key, comparer) : first.ThenBy(key, comparer),
            _ => desc ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer),
        };

    /// <summary>A cell as the queue's export writes it: a name read from a collected file cannot start a formula.</summary>
    private static string Csv(string value) => Gongkai.UseCases.Applications.QueueExport.Quote(value);
}
