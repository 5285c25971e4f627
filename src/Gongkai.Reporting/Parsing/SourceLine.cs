namespace Gongkai.Reporting.Parsing;

/// <summary>
/// A line of a published report after its shape was read: text (table cells separated by tabs) and
/// the line in the original file it came from, for diagnostics.
/// </summary>
public readonly record struct SourceLine(string Text, int Line);
