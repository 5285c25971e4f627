namespace Gongkai.Reporting.Rendering.Layout;

/// <summary>The report as printed: a title and the blocks under it, in order.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<LayoutBlock> Blocks);
