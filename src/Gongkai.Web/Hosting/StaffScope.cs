using System.Security.Claims;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Tenancy for the web, in one place. Every endpoint that requires sign-in (the /staff folder, the draft API, and
/// anything added there later) runs on a database context scoped to the request's agency claim: an officer's own
/// agency, or for a supervisor the agency it chose to read (its own or one beneath it, see
/// <see cref="SupervisorView"/>), read-only. Pages may still filter by <c>User.Agency()</c>; they cannot see past it.
/// Public endpoints (portal, application form, status look-up, published reports) are unscoped.
/// </summary>
public sealed class StaffScope(IHttpContextAccessor accessor) : IAgencyScope
{
    public string? Agency => Decide().Agency;

    public bool ReadOnly => Decide().ReadOnly;

    private (string? Agency, bool ReadOnly) Decide()
    {
        var http = accessor.HttpContext;
        var endpoint = http?.GetEndpoint();
        if (http is null || endpoint is null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return (null, false);
        }

        // Not yet authenticated (the cookie is being validated) or not signed in (authorization will refuse): the
        // scope of a protected endpoint is then "no agency", never "every agency".
        var user = http.User;
        var role = user.Role();
        return (user.Identity?.IsAuthenticated == true ? user.Agency() : string.Empty, role is not { } r || !r.ActsOnCases());
    }
}

/// <summary>Registers the request's database context with its <see cref="StaffScope"/>, the supervisor's view and the read-only rule.</summary>
public static class StaffScopeRegistration
{
    public const string ViewCookie = "gongkai.view";

    /// <summary>The database context of a request: a new context per request, its scope the request's <see cref="StaffScope"/>.</summary>
    public static void AddGongkaiDatabase(this IServiceCollection services, string? database)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<StaffScope>();
        services.AddScoped(sp =>
        {
            var db = Database.Open(database);
            db.Scope = sp.GetRequiredService<StaffScope>();
            return db;
        });
        services.AddTransient<IClaimsTransformation, SupervisorView>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.Filters.Add(new CaseworkOnly()));
    }

    public static StaffRole? Role(this ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.Role)?.Value is { } name ? OrganisationNames.ParseRole(name) : null;
}

/// <summary>
/// A supervisor (监督人员) reads one agency at a time: the one named by the <c>gongkai.view</c> cookie when it is its
/// own agency or beneath it (transitively), else its own. The request's agency claim becomes that agency, and its own
/// is kept as <c>home_agency</c>. Officers' claims are left as signed.
/// </summary>
public sealed class SupervisorView(GongkaiOptions options, IHttpContextAccessor accessor) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Role() != StaffRole.Supervisor || principal.HasClaim(c => c.Type == "home_agency") || principal.Identity is not ClaimsIdentity identity)
        {
            return principal;
        }

        var home = principal.Agency();
        var wanted = accessor.HttpContext?.Request.Cookies[StaffScopeRegistration.ViewCookie];
        var viewing = home;
        if (!string.IsNullOrWhiteSpace(wanted) && wanted != home)
        {
            await using var db = Database.Open(options.Database);
            if (await new AgencyDirectory(db).IsWithinAsync(wanted, home, accessor.HttpContext?.RequestAborted ?? default))
            {
                viewing = wanted;
            }
        }

        var copy = identity.Clone();
        if (copy.FindFirst("agency") is { } claim)
        {
            copy.RemoveClaim(claim);
        }

        copy.AddClaim(new Claim("agency", viewing));
        copy.AddClaim(new Claim("home_agency", home));
        return new ClaimsPrincipal(copy);
    }
}
