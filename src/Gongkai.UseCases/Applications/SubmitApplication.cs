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

        var (agency, agencyError) = ResolveAgency(form.Agency);
        if (agencyError is not null)
        {
            errors[nameof(form.Agency)] = [agencyError];
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
            var tracking = TrackingNumbers.Format(agency!, received, Serials());
            var application = DisclosureApplication.Receive(
                Guid.NewGuid(), agency!, tracking,
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

        var (agency, agencyError) = ResolveAgency(form.Agency);
        if (agencyError is not null)
        {
            errors[nameof(form.Agency)] = [agencyError];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var received = receivedOn ?? today;
        var tracking = TrackingNumbers.New(agency!, received);
        var code = AccessCodes.New();
        var application = DisclosureApplication.Receive(
            Guid.NewGuid(), agency!, tracking,
            new Applicant(form.Category, form.Name.Trim(), form.IdProof.Trim(), form.Contact.Trim()),
            form.Request.Trim(), $"{form.DeliveryForm.Trim()}；{form.DeliveryChannel.Trim()}", form.Channel, received, now, actor);
        new CaseStore(db).Add(application, AccessCodes.Hash(accessCodeSecret, tracking, code), assignTo);
        var due = application.ReplyDeadline(calendar, DeadlinePolicy.Default, today)!.Due;
        return (new Receipt(tracking, code, received, due), errors);
    }

    /// <summary>
    /// The agency an application goes to: the code given, which must name an active agency; or, when none is given,
    /// the installation's only active agency. With several agencies the applicant must choose (条例第二十七条: the
    /// application is made to the agency that holds the information).
    /// </summary>
    private (string? Code, string? Error) ResolveAgency(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            var active = db.Agencies.Where(a => a.ClosedOn == null).Select(a => a.Code).Take(2).ToList();
            return active.Count == 1 ? (active[0], null) : (null, "请选择受理申请的机关（字段 agency，填写机关代码）");
        }

        var row = db.Agencies.Find(code.Trim());
        return row switch
        {
            null => (null, $"没有代码为“{code.Trim()}”的机关（字段 agency）"),
            { ClosedOn: not null } => (null, $"“{row.Name}”已撤销，不再受理申请（字段 agency）"),
            _ => (row.Code, null),
        };
    }
}
