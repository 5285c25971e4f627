namespace Gongkai.Persistence.Entities;

/// <summary>The stored form of a <see cref="Domain.Reviews.ReviewCase"/>.</summary>
public sealed class ReviewRow
{
    public Guid Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public Guid? ApplicationId { get; set; }

    public int Kind { get; set; }

    public DateOnly FiledOn { get; set; }

    public int Result { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public bool CoDefendant { get; set; }
}
