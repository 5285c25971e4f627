using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Statistics;

/// <summary>What the annual tables need to know of one application (a projection the database can produce in bulk).</summary>
public readonly record struct CaseFacts(Guid Id, ApplicantCategory Category, DateOnly FirstReceivedOn, Outcome? Outcome, DateOnly? DecidedOn)
{
    public static CaseFacts Of(DisclosureApplication a) => new(a.Id, a.Applicant.Category, a.FirstReceivedOn, a.Outcome, a.DecidedOn);
}
