using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Calendar;

/// <summary>One row of a calendar version, as in data/cn-holidays.csv: a date, holiday or make-up working day, the holiday's name.</summary>
public sealed class CalendarDayRow
{
    public int VersionId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>0 holiday (放假), 1 make-up working day (调休上班), as <see cref="Domain.Calendar.CalendarDayKind"/>.</summary>
    public int Kind { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>Maps <see cref="CalendarDayRow"/> to <c>calendar_days</c>.</summary>
internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDayRow>
{
    public void Configure(EntityTypeBuilder<CalendarDayRow> e)
    {
        e.ToTable("calendar_days");
        e.HasKey(x => new { x.VersionId, x.Date });
        e.Property(x => x.VersionId).HasColumnName("version_id");
        e.Property(x => x.Date).HasColumnName("date");
        e.Property(x => x.Kind).HasColumnName("kind");
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(64);
    }
}
