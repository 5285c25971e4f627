using System.Security.Claims;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The supervisor's workspace reads across agencies, so it cannot use the request's context (scoped to one agency):
/// it opens an unscoped context and enforces the rule itself — a 监督人员 sees only its own agency and those beneath it.
/// </summary>
public static class SupervisionAccess
{
    public const string Role = "supervisor";

    /// <summary>The supervising agency of the signed-in supervisor, or null for any other role.</summary>
    public static string? Home(ClaimsPrincipal user) => user.Role() == StaffRole.Supervisor ? user.HomeAgency() : null;

    public static GongkaiDbContext Open(GongkaiOptions options) => Database.Open(options.Database);

    /// <summary>Whether the supervisor may read <paramref name="code"/>: its own agency or one beneath it.</summary>
    public static async Task<bool> MayReadAsync(GongkaiDbContext db, ClaimsPrincipal user, string code, CancellationToken cancellationToken = default) =>
        Home(user) is { } home && await new AgencyDirectory(db).IsWithinAsync(code, home, cancellationToken);

    /// <summary>The overview with the page's filters (level and kind by their English names; blank = all).</summary>
    public static Task<Overview?> BuildAsync(GongkaiDbContext db, TimeProvider time, string under, int year, string? level, string? kind, CancellationToken cancellationToken = default)
    {
        var l = OrganisationNames.ParseLevel(level);
        var k = OrganisationNames.ParseKind(kind);
        return new SupervisionOverview(db, time).BuildAsync(under, year, a => (l is null || a.Level == l) && (k is null || a.Kind == k), cancellationToken);
    }

    /// <summary>The first report year under the 2019 Regulation (its reports are the ones the overview and roll-up read).</summary>
    public const int FirstYear = Gongkai.UseCases.Supervision.ReportYears.First;

    /// <summary>Report years to offer: last year back to <see cref="FirstYear"/> (a collected 2020 report is reachable too).</summary>
    public static IReadOnlyList<int> Years(TimeProvider time)
    {
        var last = Gongkai.UseCases.Supervision.ReportYears.Last(time);
        return Enumerable.Range(FirstYear, last - FirstYear + 1).Reverse().ToArray();
    }
}
