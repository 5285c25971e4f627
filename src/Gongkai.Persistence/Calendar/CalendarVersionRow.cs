using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Calendar;

/// <summary>
/// One version of the working-day calendar (工作日历): the whole calendar as it stood after an upload. The newest
/// version is in force; older ones stay as history (which calendar a past due date was counted with).
/// </summary>
public sealed class CalendarVersionRow
{
    public int Id { get; set; }

    public long AppliedAtUtcTicks { get; set; }

    /// <summary>The administrator's user name, or <c>system</c> for the seed on first start.</summary>
    public string AppliedBy { get; set; } = string.Empty;

    /// <summary>Where the rows came from: the compiled-in file, an uploaded file's name.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The years the upload brought (comma-separated), e.g. <c>2027</c>.</summary>
    public string UploadedYears { get; set; } = string.Empty;

    /// <summary>The years the whole version covers (comma-separated).</summary>
    public string CoveredYears { get; set; } = string.Empty;

    public List<CalendarDayRow> Days { get; set; } = [];
}

/// <summary>Maps <see cref="CalendarVersionRow"/> to <c>calendar_versions</c>.</summary>
internal sealed class CalendarVersionConfiguration : IEntityTypeConfiguration<CalendarVersionRow>
{
    public void Configure(EntityTypeBuilder<CalendarVersionRow> e)
    {
        e.ToTable("calendar_versions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.AppliedAtUtcTicks).HasColumnName("applied_at_utc_ticks");
        e.Property(x => x.AppliedBy).HasColumnName("applied_by").HasMaxLength(64);
        e.Property(x => x.Source).HasColumnName("source").HasMaxLength(200);
        e.Property(x => x.UploadedYears).HasColumnName("uploaded_years").HasMaxLength(400);
        e.Property(x => x.CoveredYears).HasColumnName("covered_years").HasMaxLength(400);
        e.HasMany(x => x.Days).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
