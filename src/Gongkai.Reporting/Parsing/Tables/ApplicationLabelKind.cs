namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>Kinds of recognised text in table 三.</summary>
public enum ApplicationLabelKind
{
    Row,
    Group,
    Header,

    /// <summary>The 总计 column header (its presence decides whether rows have 6 or 7 cells).</summary>
    TotalHeader,
}
