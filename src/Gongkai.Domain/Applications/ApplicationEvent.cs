namespace Gongkai.Domain.Applications;

/// <summary>One step of an application's history: what, on which statutory date, recorded when, by whom, with what text.</summary>
public sealed record ApplicationEvent(ApplicationEventKind Kind, DateOnly Date, DateTimeOffset RecordedAt, string Actor, string Text);
