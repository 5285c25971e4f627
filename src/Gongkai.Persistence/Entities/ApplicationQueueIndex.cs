using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>
/// The officers' queue reads one agency's cases by state (open ones, or one state), oldest first, and counts them:
/// with the state in the index the closed cases (98 % of an agency's rows after a few years) are skipped in the index
/// instead of being fetched from the table one by one (bench/platform.sh, 1,000,000 cases).
/// </summary>
internal sealed class ApplicationQueueIndexConfiguration : IEntityTypeConfiguration<ApplicationRecord>
{
    public const string Name = "ix_applications_agency_state_received";

    public void Configure(EntityTypeBuilder<ApplicationRecord> e) =>
        e.HasIndex(x => new { x.AgencyCode, x.State, x.FirstReceivedOn }).HasDatabaseName(Name);
}
