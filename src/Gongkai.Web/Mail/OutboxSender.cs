using Gongkai.Persistence.Outbox;
using Gongkai.UseCases.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Gongkai.Web.Mail;

/// <summary>
/// Sends the outbox in the background: claims due rows with a lease, sends each over SMTP (MailKit), marks it sent
/// or records the failure for a retry with back-off. Does nothing without <c>Gongkai:Smtp:Host</c>.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, SmtpSettings settings, TimeProvider time, ILogger<OutboxSender> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly string _owner = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Registers the settings and, when a host is set, the sender.</summary>
    public static void AddMail(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Gongkai:Smtp").Get<SmtpSettings>() ?? new SmtpSettings();
        builder.Services.AddSingleton(settings);
        if (settings.Enabled)
        {
            builder.Services.AddHostedService<OutboxSender>();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, settings.PollSeconds)), time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "邮件发送队列出错");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: every due message claimed and tried once. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var rows = await outbox.ClaimAsync(_owner, 50, Lease, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await ConnectAsync(client, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var row in rows)
            {
                await outbox.MarkFailedAsync(row, _owner, "无法连接邮件服务器：" + e.Message, cancellationToken);
            }

            return 0;
        }

        foreach (var row in rows)
        {
            try
            {
                await client.SendAsync(Compose(row), cancellationToken);
                await outbox.MarkSentAsync(row.Id, _owner, cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "邮件 {Id} 发送失败", row.Id);
                await outbox.MarkFailedAsync(row, _owner, e.Message, cancellationToken);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }
    }

    // The Message-Id is derived from the row, so a message re-sent after a crash is recognisably the same message.
    private MimeMessage Compose(OutboxRow row)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(row.To));
        message.Subject = row.Subject;
        message.MessageId = $"outbox-{row.Id}-{row.CreatedAtUtcTicks}@gongkai";
        message.Date = new DateTimeOffset(row.CreatedAtUtcTicks, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = row.Body };
        return message;
    }
}
