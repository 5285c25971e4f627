namespace Gongkai.UseCases.Notifications;

/// <summary>An e-mail to queue: recipient, subject, plain-text body, and the key that makes it unique.</summary>
public sealed record MailMessageDraft(string DedupKey, string Agency, string? TrackingNumber, string To, string Subject, string Body);
