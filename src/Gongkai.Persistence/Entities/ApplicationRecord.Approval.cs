using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The reply waiting for the office head's approval (<see cref="Domain.Applications.DecisionProposal"/>); all null when none waits.</summary>
public sealed partial class ApplicationRecord
{
    /// <summary>The proposed <see cref="Domain.Applications.Outcome"/>.</summary>
    public int? ProposedOutcome { get; set; }

    public DateOnly? ProposedOn { get; set; }

    public string? ProposedReply { get; set; }

    public string? ProposedBy { get; set; }
}

/// <summary>The approval columns of <c>applications</c>.</summary>
internal sealed class ApplicationApprovalConfiguration : IEntityTypeConfiguration<ApplicationRecord>
{
    public void Configure(EntityTypeBuilder<ApplicationRecord> e)
    {
        e.Property(x => x.ProposedOutcome).HasColumnName("proposed_outcome");
        e.Property(x => x.ProposedOn).HasColumnName("proposed_on");
        e.Property(x => x.ProposedReply).HasColumnName("proposed_reply");
        e.Property(x => x.ProposedBy).HasColumnName("proposed_by").HasMaxLength(100);
    }
}
