using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>
/// Tenancy in one place: every agency-owned table carries a query filter on the context's scope, so a staff
/// request sees only its agency's cases, reviews, audit entries, drafts and versions whatever the page's own
/// query says; and saving refuses a row of another agency, or any change in a read-only (supervisor) scope.
/// Children of a case (events, pauses) are reached through the case, which the filter already guards.
/// </summary>
public abstract partial class GongkaiDbContext
{
    /// <summary>The scope of this context; null (the default) sees every agency.</summary>
    public IAgencyScope? Scope { get; set; }

    /// <summary>Read by the query filters at every query (a parameter, not a constant baked into the model).</summary>
    public string? ScopeAgency => Scope?.Agency;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardScope();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardScope();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyAgencyScope(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApplicationRecord>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
        modelBuilder.Entity<ReviewRow>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
        modelBuilder.Entity<AuditRow>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
        modelBuilder.Entity<ReportDraftRow>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
        modelBuilder.Entity<ReportVersionRow>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
        // The registry (issue 14): attachments and review steps are reached through their document.
        modelBuilder.Entity<Registry.RegistryDocumentRow>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
        modelBuilder.Entity<Registry.DecisionCountsRow>().HasQueryFilter(x => ScopeAgency == null || x.AgencyCode == ScopeAgency);
    }

    /// <summary>
    /// A bug guard, not a user message: pages refuse earlier, in words. Audit entries are always written; accounts and
    /// agency settings are not case data and their use cases check who may change them.
    /// </summary>
    private void GuardScope()
    {
        if (Scope is not { } scope)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || entry.Entity is AuditRow)
            {
                continue;
            }

            if (scope.ReadOnly && entry.Entity is not StaffUserRow)
            {
                throw new InvalidOperationException($"只读范围内不能修改数据（{entry.Metadata.DisplayName()}）。");
            }

            var owner = entry.Entity switch
            {
                ApplicationRecord a => a.AgencyCode,
                ReviewRow r => r.AgencyCode,
                ReportDraftRow d => d.AgencyCode,
                ReportVersionRow v => v.AgencyCode,
                Registry.RegistryDocumentRow d => d.AgencyCode,
                Registry.DecisionCountsRow c => c.AgencyCode,
                _ => null,
            };
            if (owner is not null && scope.Agency is { } agency && owner != agency)
            {
                throw new InvalidOperationException($"不能写入其他机关（{owner}）的数据。");
            }
        }
    }
}
