using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence.Entities;

namespace Gongkai.Persistence;

/// <summary>Between the aggregate and its rows. Open pauses are stored with no end date.</summary>
internal static class ApplicationMapping
{
    public static DisclosureApplication ToDomain(ApplicationRecord r) => DisclosureApplication.Restore(
        r.Id, r.AgencyCode, r.TrackingNumber,
        new Applicant((ApplicantCategory)r.ApplicantCategory, r.ApplicantName, r.ApplicantIdProof, r.ApplicantContact, (IdentityDocumentType?)r.ApplicantIdType, r.ApplicantEmail),
        r.Request, r.Delivery, (ReceiptChannel)r.Channel, r.FirstReceivedOn, r.ReceivedOn, (ApplicationState)r.State, r.ExtensionDays,
        r.CorrectionRequested, r.CorrectionDeadline, r.FeeNoticeOn, r.FeeAmount, (Outcome?)r.Outcome, r.DecidedOn, r.ReplyText, r.Version,
        r.Events.OrderBy(e => e.Sequence).Select(e => new ApplicationEvent(
            (ApplicationEventKind)e.Kind, e.Date, new DateTimeOffset(e.RecordedAtUtcTicks, TimeSpan.Zero), e.Actor, e.Text)),
        r.Pauses.OrderBy(p => p.Sequence).Select(p => new Pause(p.From, p.To ?? DateOnly.MaxValue, p.Reason)),
        r.AgreedDeadline,
        r.ProposedOutcome is { } proposed ? new DecisionProposal((Outcome)proposed, r.ProposedOn!.Value, r.ProposedReply ?? string.Empty, r.ProposedBy ?? string.Empty) : null);

    /// <summary>Copies the aggregate onto its row; events are append-only, pauses are replaced.</summary>
    public static void CopyTo(DisclosureApplication a, ApplicationRecord r)
    {
        r.Id = a.Id;
        r.AgencyCode = a.AgencyCode;
        r.TrackingNumber = a.TrackingNumber;
        r.ApplicantCategory = (int)a.Applicant.Category;
        r.ApplicantName = a.Applicant.Name;
        r.ApplicantIdProof = a.Applicant.IdProof;
        r.ApplicantContact = a.Applicant.Contact;
        r.ApplicantIdType = (int?)a.Applicant.IdType;
        r.ApplicantEmail = a.Applicant.Email;
        r.Request = a.Request;
        r.Delivery = a.Delivery;
        r.Channel = (int)a.Channel;
        r.FirstReceivedOn = a.FirstReceivedOn;
        r.ReceivedOn = a.ReceivedOn;
        r.State = (int)a.State;
        r.ExtensionDays = a.ExtensionDays;
        r.AgreedDeadline = a.AgreedDeadline;
        r.CorrectionRequested = a.CorrectionRequested;
        r.CorrectionDeadline = a.CorrectionDeadline;
        r.FeeNoticeOn = a.FeeNoticeOn;
        r.FeeAmount = a.FeeAmount;
        r.Outcome = (int?)a.Outcome;
        r.DecidedOn = a.DecidedOn;
        r.ReplyText = a.ReplyText;
        r.ProposedOutcome = (int?)a.Proposal?.Outcome;
        r.ProposedOn = a.Proposal?.On;
        r.ProposedReply = a.Proposal?.ReplyText;
        r.ProposedBy = a.Proposal?.ProposedBy;
        r.Version = a.Version;
        for (var i = r.Events.Count; i < a.Events.Count; i++)
        {
            var e = a.Events[i];
            r.Events.Add(new EventRow
            {
                ApplicationId = a.Id,
                Sequence = i,
                Kind = (int)e.Kind,
                Date = e.Date,
                RecordedAtUtcTicks = e.RecordedAt.UtcTicks,
                Actor = e.Actor,
                Text = e.Text,
            });
        }

        for (var i = 0; i < a.Pauses.Count; i++)
        {
            var p = a.Pauses[i];
            var to = p.To == DateOnly.MaxValue ? (DateOnly?)null : p.To;
            if (i < r.Pauses.Count)
            {
                r.Pauses[i].From = p.From;
                r.Pauses[i].To = to;
                r.Pauses[i].Reason = p.Reason;
            }
            else
            {
                r.Pauses.Add(new PauseRow { ApplicationId = a.Id, Sequence = i, From = p.From, To = to, Reason = p.Reason });
            }
        }
    }
}
