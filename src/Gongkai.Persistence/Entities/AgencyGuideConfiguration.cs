using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The agency_guides table: one row per agency, keyed by its code.</summary>
internal sealed class AgencyGuideConfiguration : IEntityTypeConfiguration<AgencyGuideRow>
{
    public void Configure(EntityTypeBuilder<AgencyGuideRow> e)
    {
        e.ToTable("agency_guides");
        e.HasKey(x => x.AgencyCode);
        e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
        e.Property(x => x.Address).HasColumnName("address").HasMaxLength(300);
        e.Property(x => x.PostalCode).HasColumnName("postal_code").HasMaxLength(20);
        e.Property(x => x.OfficeHours).HasColumnName("office_hours").HasMaxLength(300);
        e.Property(x => x.Phone).HasColumnName("phone").HasMaxLength(100);
        e.Property(x => x.Fax).HasColumnName("fax").HasMaxLength(100);
        e.Property(x => x.Website).HasColumnName("website").HasMaxLength(300);
        e.Property(x => x.Email).HasColumnName("email").HasMaxLength(200);
        e.Property(x => x.HowToApply).HasColumnName("how_to_apply");
        e.Property(x => x.Process).HasColumnName("process");
        e.Property(x => x.Fees).HasColumnName("fees");
        e.Property(x => x.Remedies).HasColumnName("remedies");
        e.Property(x => x.FreeText).HasColumnName("free_text");
        e.Property(x => x.SiteSponsor).HasColumnName("site_sponsor").HasMaxLength(200);
        e.Property(x => x.SiteCode).HasColumnName("site_code").HasMaxLength(50);
        e.Property(x => x.IcpRecord).HasColumnName("icp_record").HasMaxLength(100);
        e.Property(x => x.PublicSecurityRecord).HasColumnName("public_security_record").HasMaxLength(100);
        e.Property(x => x.UpdatedAtUtcTicks).HasColumnName("updated_at_utc_ticks");
        e.Property(x => x.UpdatedBy).HasColumnName("updated_by").HasMaxLength(64);
    }
}
