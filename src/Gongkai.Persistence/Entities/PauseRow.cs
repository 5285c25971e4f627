namespace Gongkai.Persistence.Entities;

/// <summary>A stretch of days not counted in the reply period.</summary>
public sealed class PauseRow
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public int Sequence { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Null while the pause is open.</summary>
    public DateOnly? To { get; set; }

    public string Reason { get; set; } = string.Empty;
}
