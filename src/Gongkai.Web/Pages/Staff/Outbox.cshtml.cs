using Gongkai.Persistence.Outbox;
using Gongkai.UseCases.Notifications;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The e-mail queue as officers see it: counts and the messages that failed (whether sending is configured: <c>_MailOff</c>).</summary>
public sealed class OutboxModel(Outbox outbox) : PageModel
{
    public (int Sent, int Waiting, int Failed) Counts { get; private set; }

    public IReadOnlyList<OutboxRow> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await outbox.CountsAsync(User.Agency(), cancellationToken);
        Problems = await outbox.ProblemsAsync(User.Agency(), cancellationToken: cancellationToken);
    }
}
