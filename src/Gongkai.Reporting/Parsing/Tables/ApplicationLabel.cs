namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>What a text token of table 三 was recognised as.</summary>
/// <param name="RowKey">The data row it starts, or null.</param>
/// <param name="Kind">Data row, group label, or column header.</param>
public sealed record ApplicationLabel(string? RowKey, ApplicationLabelKind Kind)
{
    public static ApplicationLabel Header { get; } = new(null, ApplicationLabelKind.Header);

    public static ApplicationLabel Group { get; } = new(null, ApplicationLabelKind.Group);

    public static ApplicationLabel TotalHeader { get; } = new(null, ApplicationLabelKind.TotalHeader);
}
