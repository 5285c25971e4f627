namespace Gongkai.Persistence.Entities;

/// <summary>The stored form of a <see cref="Domain.Applications.DisclosureApplication"/>.</summary>
public sealed partial class ApplicationRecord
{
    public Guid Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public string TrackingNumber { get; set; } = string.Empty;

    /// <summary>Hash of the applicant's access code for the public status page (web).</summary>
    public string? AccessCodeHash { get; set; }

    public int ApplicantCategory { get; set; }

    public string ApplicantName { get; set; } = string.Empty;

    public string ApplicantIdProof { get; set; } = string.Empty;

    public string ApplicantContact { get; set; } = string.Empty;

    public string Request { get; set; } = string.Empty;

    public string Delivery { get; set; } = string.Empty;

    public int Channel { get; set; }

    public DateOnly FirstReceivedOn { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public int State { get; set; }

    public int ExtensionDays { get; set; }

    public DateOnly? AgreedDeadline { get; set; }

    public bool CorrectionRequested { get; set; }

    public DateOnly? CorrectionDeadline { get; set; }

    public DateOnly? FeeNoticeOn { get; set; }

    public decimal? FeeAmount { get; set; }

    public int? Outcome { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string ReplyText { get; set; } = string.Empty;

    /// <summary>The officer handling the case (user name), or null while unassigned. Workspace data, not part of the aggregate.</summary>
    public string? AssignedOfficer { get; set; }

    /// <summary>Optimistic concurrency token: the aggregate's version.</summary>
    public int Version { get; set; }

    public List<EventRow> Events { get; set; } = [];

    public List<PauseRow> Pauses { get; set; } = [];
}
