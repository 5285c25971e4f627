namespace Gongkai.Reporting.Supervision;

/// <summary>What a quality score deducts points for (docs/quality-score.md).</summary>
public enum QualityCategory
{
    /// <summary>表格勾稽关系不符 (GK2001–GK2005, GK2008–GK2010): 10 each, at most 40.</summary>
    InconsistentTables,

    /// <summary>Other error-level diagnostics (unreadable parts, wrong types): 10 each, at most 30.</summary>
    Errors,

    /// <summary>空白单元格: 1 each, at most 15.</summary>
    BlankCells,

    /// <summary>缺少章节 (GK3004): 5 each, at most 15.</summary>
    MissingSections,

    /// <summary>一、总体情况超过 1000 字 (GK3002): 5.</summary>
    OverviewTooLong,

    /// <summary>逾期公布 (条例第四十九条): 10.</summary>
    Late,

    /// <summary>与上年报告衔接不上 (GK2006, GK2007, GK3011): 5 each, at most 15.</summary>
    YearOnYearBreaks,
}
