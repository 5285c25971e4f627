namespace Gongkai.Domain.Reports;

/// <summary>What a table 二 cell holds.</summary>
public enum CellValueKind
{
    Blank,
    Number,
    Text,
}
