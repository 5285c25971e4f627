using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>
/// Every queue page lists the agency's officers by user name (the officer filter and the assignment list), and the
/// account pages list an agency's users: without this index each of those reads every account of the installation
/// (a province: thousands of agencies, each with its officers), found by tests/…/QueryPlanTests.
/// </summary>
internal sealed class StaffUserAgencyIndexConfiguration : IEntityTypeConfiguration<StaffUserRow>
{
    public const string Name = "ix_staff_users_agency_user_name";

    public void Configure(EntityTypeBuilder<StaffUserRow> e) =>
        e.HasIndex(x => new { x.AgencyCode, x.UserName }).HasDatabaseName(Name);
}
