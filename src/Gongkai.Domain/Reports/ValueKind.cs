namespace Gongkai.Domain.Reports;

/// <summary>What a cell of table 二 is meant to hold (ogi-rules §4.2, §5.1, C-08).</summary>
public enum ValueKind
{
    /// <summary>A non-negative whole number (件数, 数量).</summary>
    Count,

    /// <summary>A signed whole number: 本年增/减 (2019 format).</summary>
    SignedCount,

    /// <summary>A non-negative decimal amount kept with the digits as written (万元, 元).</summary>
    Money,
}
