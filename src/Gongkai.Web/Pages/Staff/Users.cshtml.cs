using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Organisation;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 账户管理: an agency administrator manages its agency's accounts (create, disable/enable, reset a password, change
/// a role); the installation administrator any agency's (?agency=CODE). Each change goes through
/// <see cref="StaffDirectory"/>, which checks the right, writes a new security stamp and audits.
/// </summary>
[Authorize(Policy = "AgencyAdmin")]
[NotCasework]
public sealed class UsersModel(GongkaiDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The agency shown (the installation administrator's choice; an agency administrator's own).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public IReadOnlyList<StaffAccountInfo> Accounts { get; private set; } = [];

    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public IReadOnlyList<StaffRole> Roles { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    private StaffActor Actor => new(User.UserName(), User.HomeAgency(), User.Role() ?? StaffRole.Clerk);

    private StaffDirectory Directory => new(db, audit, time);

    public void OnGet()
    {
        Message = TempData["Message"] as string;
        Load();
    }

    public IActionResult OnPostAdd(string userName, string? displayName, StaffRole role, string password) =>
        Done(Directory.Add(Actor, Shown(), userName ?? string.Empty, role, displayName, password ?? string.Empty), $"已创建账户 {userName}。");

    public IActionResult OnPostDisable(string userName) => Done(Directory.SetDisabled(Actor, userName, true), $"已停用账户 {userName}。");

    public IActionResult OnPostEnable(string userName) => Done(Directory.SetDisabled(Actor, userName, false), $"已启用账户 {userName}。");

    public IActionResult OnPostReset(string userName, string password) =>
        Done(Directory.ResetPassword(Actor, userName, password ?? string.Empty), $"已重置 {userName} 的密码，请当面或以安全方式告知本人。");

    public IActionResult OnPostRole(string userName, StaffRole role) =>
        Done(Enum.IsDefined(role) ? Directory.ChangeRole(Actor, userName, role) : "请选择角色。", $"已更改 {userName} 的角色。");

    private string Shown() => Actor.Role == StaffRole.InstallationAdmin ? Agency?.Trim() ?? string.Empty : Actor.Agency;

    private IActionResult Done(string? error, string message)
    {
        if (error is null)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { agency = Actor.Role == StaffRole.InstallationAdmin ? Agency : null });
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Load();
        return Page();
    }

    private void Load()
    {
        var installation = Actor.Role == StaffRole.InstallationAdmin;
        Agencies = installation ? new AgencyDirectory(db).List() : [];
        Accounts = Directory.List(Actor, installation ? (string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim()) : null);
        Roles = installation ? Enum.GetValues<StaffRole>() : [StaffRole.Clerk, StaffRole.Head, StaffRole.Admin, StaffRole.Supervisor];
    }
}
