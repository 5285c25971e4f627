namespace Gongkai.Domain.Reports;

/// <summary>
/// 年度报告格式 — the national annual-report format a report follows.
/// </summary>
public enum ReportEdition
{
    /// <summary>国办公开办函〔2019〕60号 (report years 2019–2020).</summary>
    Edition2019,

    /// <summary>国办公开办函〔2021〕30号 (report years 2021 on).</summary>
    Edition2021,
}
