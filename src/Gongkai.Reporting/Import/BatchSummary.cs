namespace Gongkai.Reporting.Import;

/// <summary>What a batch import did: files seen, imported clean, imported with errors, unreadable.</summary>
public sealed record BatchSummary(int Files, int Clean, int WithErrors, int Unreadable);
