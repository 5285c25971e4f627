using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Time;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// Receives an application: validates the form, registers it with today's date (China time) as the receipt
/// date — or, for an application received offline and registered by an officer, the date it was received —
/// and returns the tracking number and the access code (shown once).
/// </summary>
public sealed class SubmitApplication(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, string accessCodeSecret)
{
    /// <summary>How many serials are drawn before giving up (a collision is ~1 in 900,000 per number of the day).</summary>
    public const int MaxDraws = 8;

    /// <summary>The serial source (tests force a collision with it); by default an unpredictable one.</summary>
    public Func<int> Serials { get; init; } = () => System.Security.Cryptography.RandomNumberGenerator.GetInt32(TrackingNumbers.MinSerial, TrackingNumbers.MaxSerialExclusive);

    public sealed record Receipt(string TrackingNumber, string AccessCode, DateOnly ReceivedOn, DateOnly Due);

    /// <summary>
    /// Async <see cref="Run"/> (web requests). A tracking number already issued (two applications of one agency and day
    /// drew the same serial) is not an error for the applicant: another serial is drawn and the application saved again.
    /// </summary>
    public async Task<(Receipt? Receipt, Dictionary<string, string[]> Errors)> RunAsync(ApplicationForm form, string actor, DateOnly? receivedOn = null, string? assignTo = null, CancellationToken cancel = default)
    {
        var errors = form.Validate();
        var now = time.GetUtcNow();
        var today = ChinaDate.Of(now);
        if (receivedOn > today)
        {
            errors["ReceivedOn"] = ["收到申请的日期不能晚于今天"];
        }
        else if (receivedOn < today.AddYears(-1))
        {
            errors["ReceivedOn"] = ["收到申请的日期不能早于一年前"];
        }

        if (await db.Agencies.FindAsync([form.Agency], cancel) is null)
        {
            errors[nameof(form.Agency)] = ["没有这个机关"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var received = receivedOn ?? today;
        var code = AccessCodes.New();
        var store = new CaseStore(db);
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var tracking = TrackingNumbers.Format(form.Agency, received, Serials());
            var application = DisclosureApplication.Receive(
                Guid.NewGuid(), form.Agency, tracking,
                new Applicant(form.Category, form.Name.Trim(), form.IdProof.Trim(), form.Contact.Trim()),
                form.Request.Trim(), $"{form.DeliveryForm.Trim()}；{form.DeliveryChannel.Trim()}", form.Channel, received, now, actor);
            if (await store.TryAddAsync(application, AccessCodes.Hash(accessCodeSecret, tracking, code), assignTo, cancel))
            {
                var due = application.ReplyDeadline(calendar, DeadlinePolicy.Default, today)!.Due;
                return (new Receipt(tracking, code, received, due), errors);
            }
        }

        throw new InvalidOperationException($"连续 {MaxDraws} 次抽到已使用的受理编号，序号来源可能有误。");
    }

    public (Receipt? Receipt, Dictionary<string, string[]> Errors) Run(ApplicationForm form, string actor, DateOnly? receivedOn = null, string? assignTo = null)
    {
        var errors = form.Validate();
        var now = time.GetUtcNow();
        var today = ChinaDate.Of(now);
        if (receivedOn > today)
        {
            errors["ReceivedOn"] = ["收到申请的日期不能晚于今天"];
        }
        else if (receivedOn < today.AddYears(-1))
        {
            errors["ReceivedOn"] = ["收到申请的日期不能早于一年前"];
        }

        if (db.Agencies.Find(form.Agency) is null)
        {
            errors[nameof(form.Agency)] = ["没有这个机关"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var received = receivedOn ?? today;
        var tracking = TrackingNumbers.New(form.Agency, received);
        var code = AccessCodes.New();
        var application = DisclosureApplication.Receive(
            Guid.NewGuid(), form.Agency, tracking,
            new Applicant(form.Category, form.Name.Trim(), form.IdProof.Trim(), form.Contact.Trim()),
            form.Request.Trim(), $"{form.DeliveryForm.Trim()}；{form.DeliveryChannel.Trim()}", form.Channel, received, now, actor);
        new CaseStore(db).Add(application, AccessCodes.Hash(accessCodeSecret, tracking, code), assignTo);
        var due = application.ReplyDeadline(calendar, DeadlinePolicy.Default, today)!.Due;
        return (new Receipt(tracking, code, received, due), errors);
    }
}
