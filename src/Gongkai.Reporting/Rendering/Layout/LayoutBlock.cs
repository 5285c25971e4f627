namespace Gongkai.Reporting.Rendering.Layout;

/// <summary>A piece of the printed report: a heading, a paragraph or a table.</summary>
public abstract record LayoutBlock;

/// <summary>A section heading such as 一、总体情况.</summary>
public sealed record HeadingBlock(string Text) : LayoutBlock;

/// <summary>One paragraph of narrative text.</summary>
public sealed record ParagraphBlock(string Text) : LayoutBlock;

/// <summary>A table of the report.</summary>
public sealed record TableBlock(string Name, GridTable Table) : LayoutBlock;
