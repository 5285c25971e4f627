using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Applications;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The officer's queue: applications of the agency, soonest due first (or sorted by another column), overdue and due
/// within 3 working days flagged; filtered by state (open ones by default), applicant category, year of receipt,
/// officer and a search (tracking number, applicant, request text); paged; the filtered list exported as .xlsx or
/// CSV; selected cases assigned to an officer of the agency at once.
/// </summary>
public sealed class QueueModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options, AuditLog audit) : PageModel
{
    public const int DefaultSize = 100;

    public static readonly int[] PageSizes = [20, 50, 100];

    /// <summary>A state, <c>open</c> (default: every state but closed) or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicantCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A user name, <c>none</c> for unassigned cases, or empty for everyone's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    /// <summary>Words to find in the tracking number, the applicant's name or the request.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>One of <see cref="CaseQueue.SortKeys"/> (default: due date).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    /// <summary>The page number, from 1 (<c>page</c> is Razor Pages' own route value, hence <c>p</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Rows a page: one of <see cref="PageSizes"/>, 100 unless chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = DefaultSize;

    /// <summary>The rows of the current page.</summary>
    public IReadOnlyList<CaseQueue.Row> Rows { get; private set; } = [];

    /// <summary>Every row the filters select (up to GongkaiOptions.QueueMaxRows): the counts above the table are of these.</summary>
    public IReadOnlyList<CaseQueue.Row> Selected { get; private set; } = [];

    /// <summary>How many cases the filters select (more than <see cref="Selected"/> when the list is cut at GongkaiOptions.QueueMaxRows).</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Selected.Count + Size - 1) / Size);

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The agency's accounts: names shown for the officer column and the officer filter.</summary>
    public IReadOnlyList<StaffUserRow> Officers { get; private set; } = [];

    /// <summary>Who cases may be assigned to (the bulk assignment): the accounts in use that work cases, never a 监督人员 or a disabled account.</summary>
    public IReadOnlyList<StaffUserRow> Assignees { get; private set; } = [];

    /// <summary>
    /// Whether the bulk assignment's list shows the login name beside each display name: to the agency's administrator,
    /// who manages the accounts (as on the case page); everyone else reads display names only.
    /// </summary>
    public bool ShowsLoginNames => User.IsInRole("admin");

    /// <summary>Whether the reader works cases: a 监督人员 reads the queue without the assignment form (its post answers 403).</summary>
    public bool MayAct => User.WorksCases();

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        await Load(cancellationToken);
    }

    /// <summary>The filtered, sorted list, all pages, as .xlsx (<c>format=xlsx</c>) or CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        await Load(cancellationToken);
        var cells = QueueExport.Cells(Selected, OfficerName).ToList();
        var stem = "待办申请-" + ChinaDateStamp();
        return format == "xlsx"
            ? File(QueueExport.Xlsx(cells, "待办申请"), QueueExport.XlsxContentType, stem + ".xlsx")
            : File(QueueExport.Csv(cells), QueueExport.CsvContentType, stem + ".csv");
    }

    /// <summary>Assigns the ticked cases to one officer of the agency (all or none; each case audited).</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid[] ids, string? assignTo, CancellationToken cancellationToken)
    {
        var result = await new CaseAssignment(db, audit).RunAsync(User.Agency(), User.UserName(), ids, assignTo, cancellationToken);
        if (result.Status == CaseAssignment.Status.Done)
        {
            TempData["Message"] = result.Message;
            return Redirect(Link());
        }

        Error = result.Message;
        Response.StatusCode = result.Status == CaseAssignment.Status.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        await Load(cancellationToken);
        return Page();
    }

    /// <summary>The 承办人 as the queue and its export name them: the display name, （已停用） after a disabled account's.</summary>
    public string OfficerName(string? userName) =>
        userName is null ? "—" : Officers.FirstOrDefault(o => o.UserName == userName) is { } officer ? Label(officer) : userName;

    /// <summary>An account as the officer filter lists it: its display name, with （已停用） when disabled.</summary>
    public static string Label(StaffUserRow account) => account.DisplayName + (account.Disabled ? "（已停用）" : string.Empty);

    /// <summary>The queue's address with the current filters, changed by <paramref name="change"/> (null removes a value).</summary>
    public string Link(params (string Name, string? Value)[] change)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["state"] = State,
            ["category"] = Category?.ToString(),
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["officer"] = Officer,
            ["q"] = Q,
            ["sort"] = Sort,
            ["desc"] = Desc ? "true" : null,
            ["size"] = Size == DefaultSize ? null : Size.ToString(CultureInfo.InvariantCulture),
            ["p"] = PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null,
        };
        foreach (var (name, value) in change)
        {
            values[name] = value;
        }

        var query = string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
        return query.Length == 0 ? "/staff" : "/staff?" + query;
    }

    /// <summary>The link of a column heading: sorts by it, or reverses the order when it is already the sort.</summary>
    public string SortLink(string key) => Link(("sort", key), ("desc", (Sort ?? "due") == key && !Desc ? "true" : null), ("p", null));

    private async Task Load(CancellationToken cancel)
    {
        var agency = User.Agency();
        Size = PageSizes.Contains(Size) ? Size : DefaultSize;
        var filter = new CaseQueue.Filter(State, Category, Year, Officer, Q);
        var result = await new CaseQueue(db, calendar, time).ListAsync(agency, filter, Sort, Desc, options.QueueMaxRows, cancel);
        Selected = result.Rows;
        Total = result.Total;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = Selected.Skip((PageNumber - 1) * Size).Take(Size).ToList();
        Years = await db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency).Select(a => a.FirstReceivedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancel);
        Officers = await db.StaffUsers.AsNoTracking().Where(u => u.AgencyCode == agency).OrderBy(u => u.UserName).ToListAsync(cancel);
        Assignees = MayAct ? await new CaseAssignment(db, audit).AssigneesAsync(agency, cancel) : [];
    }

    private string ChinaDateStamp() => Gongkai.UseCases.Time.ChinaDate.Today(time).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
