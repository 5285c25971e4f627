using Gongkai.Persistence.Outbox;
using Gongkai.UseCases.Notifications;
using Gongkai.Web.Hosting;
using Gongkai.Web.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The e-mail queue as officers see it: whether sending is configured, counts, and the messages that failed.</summary>
public sealed class OutboxModel(Outbox outbox, SmtpSettings smtp) : PageModel
{
    public bool Enabled => smtp.Enabled;

    public (int Sent, int Waiting, int Failed) Counts { get; private set; }

    public IReadOnlyList<OutboxRow> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await outbox.CountsAsync(User.Agency(), cancellationToken);
        Problems = await outbox.ProblemsAsync(User.Agency(), cancellationToken: cancellationToken);
    }
}
