using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// How staff pages name people (the case page, its attachments, the registry item, the report workspace, the audit log):
/// an account of the agency by its display name, anyone else (申请人, 系统, an import, an account removed or of another
/// agency) by the name recorded. Records keep login names; only the pages translate them.
/// </summary>
public static class StaffNames
{
    /// <summary>The display name of every account of <paramref name="agency"/> (disabled ones too), by user name: one read for a page.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfAgencyAsync(GongkaiDbContext db, string agency, CancellationToken cancellationToken) =>
        await db.StaffUsers.AsNoTracking().Where(u => u.AgencyCode == agency).ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);

    /// <summary>The account's display name; a name that is no account of the agency as it is; empty for none.</summary>
    public static string Person(IReadOnlyDictionary<string, string> names, string? userName) =>
        userName is null ? string.Empty : names.TryGetValue(userName, out var name) && name.Length > 0 ? name : userName;

    /// <summary>The display name with the login name after it (公开办负责人（演示）（head）), or the name alone when it is no account's.</summary>
    public static string WithLogin(IReadOnlyDictionary<string, string> names, string userName) =>
        Person(names, userName) is var person && person != userName ? $"{person}（{userName}）" : userName;

    /// <summary>
    /// The login name a person typed into a filter stands for: a login name as it is; a display name of exactly one account
    /// of the agency, or the shown form 公开办负责人（演示）（head）, as that account's login name; anything else as typed (an
    /// actor that is no account, such as 系统, or a display name two accounts share, which matches no entry).
    /// </summary>
    public static string LoginOf(IReadOnlyDictionary<string, string> names, string typed)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(typed);
        if (names.ContainsKey(typed))
        {
            return typed;
        }

        if (typed.EndsWith('）') && typed.LastIndexOf('（') is var open and > 0 && typed[(open + 1)..^1] is var login && names.TryGetValue(login, out var shown) && shown == typed[..open])
        {
            return login;
        }

        var owners = names.Where(n => n.Value == typed).Select(n => n.Key).Take(2).ToList();
        return owners.Count == 1 ? owners[0] : typed;
    }
}
