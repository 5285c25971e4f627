using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>What every supervision page shares: the supervisor's agency, the year and the level/kind filters.</summary>
[Authorize(Roles = SupervisionAccess.Role)]
public abstract class SupervisePage(GongkaiOptions options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public string Under { get; private set; } = string.Empty;

    protected GongkaiOptions Options => options;

    protected TimeProvider Time => time;

    /// <summary>The year asked for when it is one offered; else last year (1800 or 2999 listed every agency as late).</summary>
    public int SelectedYear => Year is { } y && Years.Contains(y) ? y : Years[0];

    /// <summary>The query string of the current year and filters, for links between the pages.</summary>
    public string Query => $"year={SelectedYear}&level={Uri.EscapeDataString(Level ?? "")}&kind={Uri.EscapeDataString(Kind ?? "")}";

    /// <summary>
    /// Where 报告与诊断 of an agency's report leads: a published report's check (the public page shows no diagnostics),
    /// a collected reading's confirm page.
    /// </summary>
    public static string ReportLink(OverviewRow row, int year)
    {
        ArgumentNullException.ThrowIfNull(row);
        var page = row.Status == ReportStatus.Published ? "report" : "confirm";
        return $"/staff/supervise/{page}?agency={Uri.EscapeDataString(row.Code)}&year={year}";
    }

    /// <summary>Why a date field of the form could not be read (model binding leaves it null and says so only in the model state).</summary>
    public static string? UnreadableDay(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, HttpRequest request, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? $"公布日期“{request.Form[field]}”不是有效的日期（应为 年-月-日，如 2026-01-20），未保存。"
            : null;

    protected void Prepare()
    {
        Years = SupervisionAccess.Years(time);
        Under = SupervisionAccess.Home(User) ?? string.Empty;
    }

    protected async Task<Overview> BuildOverviewAsync()
    {
        Prepare();
        // The overview, roll-up and contributors included, is all in memory once built: the context closes here.
        await using var db = SupervisionAccess.Open(options);
        return await SupervisionAccess.BuildAsync(db, time, Under, SelectedYear, Level, Kind, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("The supervisor's own agency is missing.");
    }
}
