namespace Gongkai.Reporting.Rendering.Layout;

/// <summary>What a printed cell is: a column header, a row label, or a value.</summary>
public enum CellRole
{
    Header,
    Label,
    Value,
}
