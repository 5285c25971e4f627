using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Time;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// Receives an application: validates the form, registers it with today's date (China time) as the receipt
/// date, and returns the tracking number and the access code (shown once).
/// </summary>
public sealed class SubmitApplication(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, string accessCodeSecret)
{
    public sealed record Receipt(string TrackingNumber, string AccessCode, DateOnly ReceivedOn, DateOnly Due);

    public (Receipt? Receipt, Dictionary<string, string[]> Errors) Run(ApplicationForm form, string actor)
    {
        var errors = form.Validate();
        if (db.Agencies.Find(form.Agency) is null)
        {
            errors[nameof(form.Agency)] = ["没有这个机关"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var today = ChinaDate.Of(now);
        var tracking = string.Create(CultureInfo.InvariantCulture, $"{form.Agency}-{today:yyyyMMdd}-{System.Security.Cryptography.RandomNumberGenerator.GetInt32(100000, 999999)}");
        var code = AccessCodes.New();
        var application = DisclosureApplication.Receive(
            Guid.NewGuid(), form.Agency, tracking,
            new Applicant(form.Category, form.Name.Trim(), form.IdProof.Trim(), form.Contact.Trim()),
            form.Request.Trim(), $"{form.DeliveryForm.Trim()}；{form.DeliveryChannel.Trim()}", form.Channel, today, now, actor);
        new CaseStore(db).Add(application, AccessCodes.Hash(accessCodeSecret, tracking, code));
        var due = application.ReplyDeadline(calendar, DeadlinePolicy.Default, today)!.Due;
        return (new Receipt(tracking, code, today, due), errors);
    }
}
