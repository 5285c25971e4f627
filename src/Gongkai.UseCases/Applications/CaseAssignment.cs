using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// Assigns cases to an officer (承办人) of the same agency, one case from its page or many from the queue. All or
/// nothing: a case id that is not the agency's (another agency's, or none) refuses the whole request, so a forged
/// list never assigns part of it; every case assigned gets its own audit entry. Only an account in use that works
/// cases (办理人员, 公开办负责人, 管理员) is an assignee: a 监督人员 of the agency reads its cases and acts on none, and a
/// disabled account can no longer sign in to handle one (the cases it already has keep its name until reassigned).
/// Naming such an account for cases that all have it already changes nothing and is no refusal: the case page's
/// picker starts at the current 承办人, disabled or not, so pressing 指派 without choosing keeps it.
/// </summary>
public sealed class CaseAssignment(GongkaiDbContext db, AuditLog audit)
{
    public enum Status
    {
        Done,
        NoSuchOfficer,
        NothingSelected,
        NotFound,
    }

    /// <param name="Assignee">The display name of the officer assigned (null when unassigned or refused).</param>
    /// <param name="Unchanged">Every case had the officer named already, one no longer assignable: nothing was changed or recorded.</param>
    public sealed record Result(Status Status, string Message, int Count = 0, string? Assignee = null, bool Unchanged = false);

    /// <summary>The accounts a case of <paramref name="agency"/> may be assigned to (the assignment lists), by user name: none disabled.</summary>
    public Task<List<StaffUserRow>> AssigneesAsync(string agency, CancellationToken cancel = default) =>
        Assignable(agency).OrderBy(u => u.UserName).ToListAsync(cancel);

    /// <param name="officer">A user name of the agency, or null to unassign.</param>
    public async Task<Result> RunAsync(string agency, string actor, IReadOnlyCollection<Guid> ids, string? officer, CancellationToken cancel = default)
    {
        officer = string.IsNullOrWhiteSpace(officer) ? null : officer.Trim();
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Result(Status.NothingSelected, "请先勾选要指派的申请");
        }

        var assignee = officer is null ? null
            : await Assignable(agency).Where(u => u.UserName == officer).Select(u => u.DisplayName).FirstOrDefaultAsync(cancel);
        if (officer is not null && assignee is null)
        {
            var account = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == officer && u.AgencyCode == agency)
                .Select(u => new { u.DisplayName, u.Disabled }).SingleOrDefaultAsync(cancel);
            if (account is not null && await db.Applications.CountAsync(a => a.AgencyCode == agency && wanted.Contains(a.Id) && a.AssignedOfficer == officer, cancel) == wanted.Count)
            {
                var current = account.DisplayName.Length > 0 ? account.DisplayName : officer;
                return new Result(Status.Done, account.Disabled
                    ? $"承办人未变，仍为 {current}（已停用），请改派给本机关其他工作人员。"
                    : $"承办人未变，仍为 {current}。", 0, current, Unchanged: true);
            }

            return new Result(Status.NoSuchOfficer, account switch
            {
                null => "本机关没有这位工作人员",
                { Disabled: true } => $"{(account.DisplayName.Length > 0 ? account.DisplayName : officer)}的账户已停用，不能指派，请指派给本机关其他工作人员",
                _ => "只能指派给本机关的办理人员、公开办负责人或管理员，监督人员只查阅不办理",
            });
        }

        var cases = await db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency && wanted.Contains(a.Id))
            .Select(a => new { a.Id, a.TrackingNumber }).ToListAsync(cancel);
        if (cases.Count != wanted.Count)
        {
            return new Result(Status.NotFound, "所选申请中有本机关没有的申请，未作任何指派");
        }

        await db.Applications.Where(a => a.AgencyCode == agency && wanted.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AssignedOfficer, officer), cancel);
        foreach (var c in cases.OrderBy(c => c.TrackingNumber, StringComparer.Ordinal))
        {
            await audit.RecordAsync(actor, agency, AuditActions.CaseAssign, c.TrackingNumber, officer is null ? "取消指派" : "指派给 " + officer, cancel);
        }

        // The audit entry keeps the login name; the officer reads the display name.
        assignee = assignee is { Length: 0 } ? officer : assignee;
        var message = officer is null ? $"已取消 {cases.Count} 件申请的指派。" : $"已将 {cases.Count} 件申请指派给 {assignee}。";
        return new Result(Status.Done, message, cases.Count, assignee);
    }

    private IQueryable<StaffUserRow> Assignable(string agency) => db.StaffUsers.AsNoTracking().Where(u => u.AgencyCode == agency && !u.Disabled
        && (u.Role == (int)StaffRole.Clerk || u.Role == (int)StaffRole.Head || u.Role == (int)StaffRole.Admin));
}
