using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Time;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// The public status of an application, for its tracking number and access code. A wrong code and an
/// unknown number get the same answer (nothing), and the answer carries no personal data.
/// </summary>
public sealed class LookUpStatus(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, string accessCodeSecret)
{
    public sealed record Step(string Date, string What);

    public sealed record Status(
        string TrackingNumber, string State, string ReceivedOn, string? Due, IReadOnlyList<string> DueExplanation,
        string? Outcome, string? DecidedOn, IReadOnlyList<Step> Timeline)
    {
        /// <summary>The case's files (name, size, who added it, when): filled by the caller that may show them.</summary>
        public IReadOnlyList<Attachments.AttachmentInfo> Attachments { get; init; } = [];
    }

    public Status? Run(string trackingNumber, string accessCode) =>
        Describe(new CaseStore(db).FindByTrackingNumber(trackingNumber), trackingNumber, accessCode);

    /// <summary>Async <see cref="Run"/> (web requests).</summary>
    public async Task<Status?> RunAsync(string trackingNumber, string accessCode, CancellationToken cancel = default) =>
        (await FindAsync(trackingNumber, accessCode, cancel))?.Status;

    /// <summary>
    /// The status with the applicant's key to the case, for a caller that adds what belongs to the case (its files):
    /// one read of the case and one code check, where looking the case up again by number and code
    /// (<see cref="Attachments.ApplicantAccess"/>) cost the status API a third of its throughput.
    /// </summary>
    /// <returns>The status, the applicant's key and the case itself (the status page shows its notices and fees from it).</returns>
    public async Task<(Status Status, Attachments.ApplicantAccess.Case Case, DisclosureApplication Application)?> FindAsync(string trackingNumber, string accessCode, CancellationToken cancel = default)
    {
        var found = await new CaseStore(db).FindByTrackingNumberAsync(trackingNumber, cancel);
        if (Describe(found, trackingNumber, accessCode) is not { } status)
        {
            return null;
        }

        var a = found!.Value.Application;
        return (status, new Attachments.ApplicantAccess.Case(a.Id, a.AgencyCode, a.TrackingNumber, a.State == ApplicationState.Closed), a);
    }

    private Status? Describe((DisclosureApplication Application, string? AccessCodeHash)? found, string trackingNumber, string accessCode)
    {
        if (found is not { } stored || !AccessCodes.Matches(accessCodeSecret, trackingNumber, accessCode, stored.AccessCodeHash))
        {
            return null;
        }

        var a = stored.Application;
        var today = ChinaDate.Today(time);
        var deadline = a.ReplyDeadline(calendar, DeadlinePolicy.Default, today);
        return new Status(
            a.TrackingNumber,
            StateLabel(a.State),
            a.FirstReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            deadline?.EffectiveDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            deadline?.Explain() ?? ["等待申请人补正，答复期限自收到补正后的申请之日起重新计算（条例第三十条）。"],
            a.Outcome?.PublicLabel(),
            a.DecidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.Events.Select(e => new Step(e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), PublicText(e))).ToArray());
    }

    /// <summary>
    /// What the public sees of a step: a consultation names neither the third party nor its answer (条例第三十二条:
    /// the third party's interests are what the consultation protects), only that one took place. A reply under
    /// the office head's review is not the agency's answer: neither the proposed outcome nor the head's note is shown.
    /// A decision recorded before outcomes had public labels loses the annual report's counting note.
    /// </summary>
    public static string PublicText(ApplicationEvent e) => e.Kind switch
    {
        ApplicationEventKind.ConsultationStarted => "征求第三方意见",
        ApplicationEventKind.ConsultationEnded => "征求第三方意见结束",
        ApplicationEventKind.DecisionSubmitted => "答复意见报送负责人审核",
        ApplicationEventKind.DecisionReturned => "答复意见经审核退回，继续办理",
        ApplicationEventKind.DecisionApproved => "答复经负责人审核同意",
        ApplicationEventKind.Decided => Outcomes.WithoutCountingNotes(e.Text),
        _ => e.Text,
    };

    public static string StateLabel(ApplicationState state) => state switch
    {
        ApplicationState.InProgress => "办理中",
        ApplicationState.AwaitingCorrection => "待补正",
        ApplicationState.Consulting => "征求意见中",
        ApplicationState.AwaitingPayment => "待缴费",
        ApplicationState.Closed => "已办结",
        ApplicationState.AwaitingApproval => "待负责人审核",
    };
}
