namespace Gongkai.Persistence.Entities;

/// <summary>One event of an application's history.</summary>
public sealed class EventRow
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public int Sequence { get; set; }

    public int Kind { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>UTC ticks: timestamps are stored as UTC on both providers (decided on day one).</summary>
    public long RecordedAtUtcTicks { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
}
