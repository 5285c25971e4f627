using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>
/// Every queue page and case page lists the agency's officers by user name (the officer filter, the assignment list):
/// without this index each of them read every account of the installation (a province: thousands of agencies, each
/// with its officers). Found and guarded by QueryPlanTests (tests/Gongkai.Web.Tests/Security).
/// </summary>
internal sealed class StaffUserAgencyIndexConfiguration : IEntityTypeConfiguration<StaffUserRow>
{
    public const string Name = "ix_staff_users_agency_user_name";

    public void Configure(EntityTypeBuilder<StaffUserRow> e) =>
        e.HasIndex(x => new { x.AgencyCode, x.UserName }).HasDatabaseName(Name);
}
