namespace Gongkai.Reporting.Supervision;

/// <summary>One outcome category （一）…（六） of table 三: its count and share of （七）总计.</summary>
public sealed record OutcomeShare(string Label, int? Count, decimal? Share);
