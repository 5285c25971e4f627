namespace Gongkai.Web.Mail;

/// <summary>Settings under <c>Gongkai:Smtp</c>. Without a host nothing is sent (messages wait in the outbox) and the pages say so.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS: on connect for port 465, STARTTLS otherwise. Off: plain SMTP (a local relay).</summary>
    public bool UseTls { get; set; }

    /// <summary>How often the sender looks for due messages.</summary>
    public double PollSeconds { get; set; } = 1;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
