using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Supervision;

/// <summary>
/// 年报质量得分 — 100 minus documented deductions (docs/quality-score.md), never below 0. The
/// deductions follow what supervising offices and third-party evaluations check: errors, tables that do
/// not add up, blank cells, missing sections, a section 一 over 1,000 characters (格式要求), late
/// publication (条例第四十九条) and breaks from last year's report (上年结转 ≠ 上年结转下年度).
/// </summary>
public sealed record QualityScore(int Score, IReadOnlyList<QualityDeduction> Deductions)
{
    public const int Full = 100;

    /// <summary>Table-consistency codes (ogi-rules §4.6 C-01…C-05, C-08).</summary>
    private static readonly HashSet<string> Inconsistent = new(StringComparer.Ordinal) { "GK2001", "GK2002", "GK2003", "GK2004", "GK2005", "GK2008", "GK2009", "GK2010" };

    /// <summary>Year-on-year codes: C-06, C-07, and section 五 copied from last year.</summary>
    private static readonly HashSet<string> YearOnYear = new(StringComparer.Ordinal) { "GK2006", "GK2007", "GK3011" };

    /// <param name="report">The report as read (or confirmed).</param>
    /// <param name="diagnostics">Its reading and validation diagnostics, validated against last year's report when there is one.</param>
    /// <param name="late">Published after its statutory deadline.</param>
    public static QualityScore Of(AnnualReport report, IReadOnlyList<Diagnostic> diagnostics, bool late)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var deductions = new List<QualityDeduction>();
        var inconsistent = diagnostics.Count(d => Inconsistent.Contains(d.Code));
        Deduct(deductions, QualityCategory.InconsistentTables, inconsistent, 10, 40);
        var otherErrors = diagnostics.Count(d => d.Severity == Severity.Error && !Inconsistent.Contains(d.Code) && !YearOnYear.Contains(d.Code));
        Deduct(deductions, QualityCategory.Errors, otherErrors, 10, 30);
        Deduct(deductions, QualityCategory.BlankCells, BlankCells(report), 1, 15);
        Deduct(deductions, QualityCategory.MissingSections, diagnostics.Count(d => d.Code == DiagnosticCatalog.MissingSection.Code), 5, 15);
        Deduct(deductions, QualityCategory.OverviewTooLong, diagnostics.Any(d => d.Code == DiagnosticCatalog.OverviewTooLong.Code) ? 1 : 0, 5, 5);
        Deduct(deductions, QualityCategory.Late, late ? 1 : 0, 10, 10);
        Deduct(deductions, QualityCategory.YearOnYearBreaks, diagnostics.Count(d => YearOnYear.Contains(d.Code)), 5, 15);
        return new QualityScore(Math.Max(0, Full - deductions.Sum(d => d.Points)), deductions);
    }

    /// <summary>Blank cells of tables 二, 三 and 四 (a blank is not zero: the format asks for a number).</summary>
    public static int BlankCells(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Schema.ProactiveKeys.Count(k => report.GetProactive(k).IsBlank)
            + report.ApplicationCells().Count(c => c.Value is null)
            + report.Schema.ReviewColumns.Count(c => report.GetReview(c.Key) is null);
    }

    private static void Deduct(List<QualityDeduction> deductions, QualityCategory category, int count, int each, int cap)
    {
        if (count > 0)
        {
            deductions.Add(new QualityDeduction(category, count, Math.Min(cap, count * each)));
        }
    }
}
