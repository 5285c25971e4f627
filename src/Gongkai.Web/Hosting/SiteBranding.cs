using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;

namespace Gongkai.Web.Hosting;

/// <summary>The banner and footer of a page: the agency's when the page belongs to one (ViewData["Agency"]), else the installation's.</summary>
public sealed class SiteBranding(SiteOptions site, GongkaiDbContext db)
{
    public sealed record Branding(string Banner, string? AgencyCode, string Sponsor, string Contact, string SiteCode, string IcpRecord, string PublicSecurityRecord);

    public async Task<Branding> ForAsync(string? agency, CancellationToken cancellationToken = default)
    {
        var info = string.IsNullOrWhiteSpace(agency) ? null : await new AgencyDirectory(db).FindAsync(agency, cancellationToken);
        if (info is null)
        {
            return new Branding(site.Name, null, site.Sponsor, site.Contact, site.SiteCode, site.IcpRecord, site.PublicSecurityRecord);
        }

        var guide = await db.AgencyGuides.FindAsync([info.Code], cancellationToken);
        static string Pick(string? own, string installation) => string.IsNullOrWhiteSpace(own) ? installation : own;
        var contact = guide is null ? site.Contact : string.Join("　", new[] { guide.Phone, guide.Email, guide.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new Branding(
            info.Name, info.Code, Pick(guide?.SiteSponsor, info.Name), Pick(contact, site.Contact),
            Pick(guide?.SiteCode, site.SiteCode), Pick(guide?.IcpRecord, site.IcpRecord), Pick(guide?.PublicSecurityRecord, site.PublicSecurityRecord));
    }
}

/// <summary>Registers the portal's pieces: site options and branding.</summary>
public static class PortalRegistration
{
    public static void AddAgencyPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Gongkai:Site").Get<SiteOptions>() ?? new SiteOptions());
        builder.Services.AddScoped<SiteBranding>();
    }
}
