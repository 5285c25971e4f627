namespace Gongkai.Domain.Reports;

/// <summary>The three groups of table 四; each adds up to its own 总计 (C-05).</summary>
public enum ReviewGroup
{
    /// <summary>行政复议.</summary>
    Reconsideration,

    /// <summary>行政诉讼 / 未经复议直接起诉.</summary>
    DirectLitigation,

    /// <summary>行政诉讼 / 复议后起诉.</summary>
    LitigationAfterReconsideration,
}
