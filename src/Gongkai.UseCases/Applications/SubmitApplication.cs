using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// Receives an application: validates the form, registers it with today's date (China time) as the receipt
/// date — or, for an application received offline and registered by an officer, the date it was received —
/// and returns the tracking number and the access code (shown once). A submission carrying an idempotency key
/// (the form's one-time token or the API's <c>Idempotency-Key</c>) that was already filed returns the first
/// application, so a double click never counts twice in 本年新收.
/// </summary>
public sealed class SubmitApplication(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, string accessCodeSecret)
{
    /// <summary>How many serials are drawn before giving up (a collision is ~1 in 900,000 per number of the day).</summary>
    public const int MaxDraws = 8;

    /// <summary>The serial source (tests force a collision with it); by default an unpredictable one.</summary>
    public Func<int> Serials { get; init; } = () => System.Security.Cryptography.RandomNumberGenerator.GetInt32(TrackingNumbers.MinSerial, TrackingNumbers.MaxSerialExclusive);

    public sealed record Receipt(string TrackingNumber, string AccessCode, DateOnly ReceivedOn, DateOnly Due);

    /// <summary>The error key when an idempotency key was used for a different application.</summary>
    public const string KeyReused = "IdempotencyKey";

    /// <param name="receivedOn">The receipt date an officer registers; null for a submission by the public (today, internet channel only).</param>
    public async Task<(Receipt? Receipt, Dictionary<string, string[]> Errors)> RunAsync(
        ApplicationForm form, string actor, DateOnly? receivedOn = null, string? assignTo = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = ChinaDate.Of(now);
        var errors = form.Validate(today, byPublic: receivedOn is null);
        if (receivedOn > today)
        {
            errors["ReceivedOn"] = ["收到申请的日期不能晚于今天"];
        }
        else if (receivedOn < today.AddYears(-1))
        {
            errors["ReceivedOn"] = ["收到申请的日期不能早于一年前"];
        }

        var (agency, agencyError) = await ResolveAgencyAsync(form.Agency, cancellationToken);
        if (agencyError is not null)
        {
            errors[nameof(form.Agency)] = [agencyError];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var keyHash = string.IsNullOrWhiteSpace(idempotencyKey) ? null : AccessCodes.KeyHash(accessCodeSecret, idempotencyKey);
        var store = new IntakeStore(db);
        if (keyHash is not null && await store.FindByKeyAsync(keyHash, cancellationToken) is { } earlier)
        {
            return Replay(earlier, form, keyHash, today);
        }

        var received = receivedOn ?? today;
        var code = keyHash is null ? AccessCodes.New() : AccessCodes.ForKey(accessCodeSecret, keyHash);
        var email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Code == agency).Select(a => a.Name).SingleAsync(cancellationToken);

        // A tracking number already issued (two applications of one agency and day drew the same serial) is not an
        // error for the applicant: another serial is drawn and the application saved again.
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var tracking = TrackingNumbers.Format(agency!, received, Serials());
            var application = DisclosureApplication.Receive(
                Guid.NewGuid(), agency!, tracking,
                new Applicant(form.Category, form.Name.Trim(), form.IdProof.Trim().ToUpperInvariant(), form.Contact.Trim(), form.EffectiveIdType, email),
                form.Request.Trim(), $"{form.DeliveryForm.Trim()}；{form.DeliveryChannel.Trim()}", form.Channel, received, now, actor);
            var due = application.ReplyDeadline(calendar, DeadlinePolicy.Default, today)!.Due;
            var acknowledgment = Notifications.ApplicantMails.Acknowledgment(application, due, agencyName) is { } mail ? new Notifications.Outbox(db, time).New(mail) : null;
            var filed = await store.AddAsync(application, AccessCodes.Hash(accessCodeSecret, tracking, code), assignTo, keyHash, acknowledgment is null ? null : [acknowledgment], cancellationToken);
            if (filed is null)
            {
                continue;
            }

            return filed.Id == application.Id ? (new Receipt(tracking, code, received, due), errors) : Replay(filed, form, keyHash!, today);
        }

        throw new InvalidOperationException($"连续 {MaxDraws} 次抽到已使用的受理编号，序号来源可能有误。");
    }

    // The same key with a different applicant or request is a client error, never a silent merge of two applications.
    private (Receipt?, Dictionary<string, string[]>) Replay(DisclosureApplication first, ApplicationForm form, string keyHash, DateOnly today)
    {
        if (first.Applicant.IdProof != form.IdProof.Trim().ToUpperInvariant() || first.Request != form.Request.Trim())
        {
            return (null, new() { [KeyReused] = ["这个幂等键（Idempotency-Key）已用于另一份申请，请为新的申请使用新的键"] });
        }

        var due = first.ReplyDeadline(calendar, DeadlinePolicy.Default, today)?.Due ?? first.ReceivedOn;
        return (new Receipt(first.TrackingNumber, AccessCodes.ForKey(accessCodeSecret, keyHash), first.FirstReceivedOn, due), []);
    }

    /// <summary>
    /// The agency an application goes to: the code given, which must name an active agency; or, when none is given,
    /// the installation's only active agency. With several agencies the applicant must choose (条例第二十七条: the
    /// application is made to the agency that holds the information).
    /// </summary>
    private async Task<(string? Code, string? Error)> ResolveAgencyAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            var active = await db.Agencies.Where(a => a.ClosedOn == null).Select(a => a.Code).Take(2).ToListAsync(cancellationToken);
            return active.Count == 1 ? (active[0], null) : (null, "请选择受理申请的机关（字段 agency，填写机关代码）");
        }

        var row = await db.Agencies.FindAsync([code.Trim()], cancellationToken);
        return row switch
        {
            null => (null, $"没有代码为“{code.Trim()}”的机关（字段 agency）"),
            { ClosedOn: not null } => (null, $"“{row.Name}”已撤销，不再受理申请（字段 agency）"),
            _ => (row.Code, null),
        };
    }
}
