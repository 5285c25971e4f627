namespace Gongkai.Reporting.Supervision;

/// <summary>Kinds of year-on-year break.</summary>
public enum YearBreakKind
{
    /// <summary>上年结转 ≠ last year's 结转下年度继续办理 (C-06).</summary>
    CarryOverMismatch,

    /// <summary>The format edition changed (2019 → 2021 layout).</summary>
    EditionChanged,

    /// <summary>No report for one or more years in between.</summary>
    MissingYears,
}
