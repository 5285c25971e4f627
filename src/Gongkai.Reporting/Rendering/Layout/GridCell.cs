namespace Gongkai.Reporting.Rendering.Layout;

/// <summary>A printed table cell, possibly merged over several rows or columns (as in the official template).</summary>
public sealed record GridCell(string Text, CellRole Role, int RowSpan = 1, int ColSpan = 1);
