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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(string userName, string? displayName, StaffRole role, string password, CancellationToken cancellationToken) =>
        await DoneAsync(await Directory.AddAsync(Actor, Shown(), userName ?? string.Empty, role, displayName, password ?? string.Empty, cancellationToken), $"已创建账户 {userName}。", cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken cancellationToken) =>
        await DoneAsync(await Directory.SetDisabledAsync(Actor, userName, true, cancellationToken), $"已停用账户 {userName}。", cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(string userName, CancellationToken cancellationToken) =>
        await DoneAsync(await Directory.SetDisabledAsync(Actor, userName, false, cancellationToken), $"已启用账户 {userName}。", cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string userName, string password, CancellationToken cancellationToken) =>
        await DoneAsync(await Directory.ResetPasswordAsync(Actor, userName, password ?? string.Empty, cancellationToken), $"已重置 {userName} 的密码，请当面或以安全方式告知本人。", cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(string userName, StaffRole role, CancellationToken cancellationToken) =>
        await DoneAsync(Enum.IsDefined(role) ? await Directory.ChangeRoleAsync(Actor, userName, role, cancellationToken) : "请选择角色。", $"已更改 {userName} 的角色。", cancellationToken);

    private string Shown() => Actor.Role == StaffRole.InstallationAdmin ? Agency?.Trim() ?? string.Empty : Actor.Agency;

    private async Task<IActionResult> DoneAsync(string? error, string message, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { agency = Actor.Role == StaffRole.InstallationAdmin ? Agency : null });
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var installation = Actor.Role == StaffRole.InstallationAdmin;
        Agencies = installation ? await new AgencyDirectory(db).ListAsync(cancellationToken) : [];
        Accounts = await Directory.ListAsync(Actor, installation ? (string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim()) : null, cancellationToken);
        Roles = installation ? Enum.GetValues<StaffRole>() : [StaffRole.Clerk, StaffRole.Head, StaffRole.Admin, StaffRole.Supervisor];
    }
}
