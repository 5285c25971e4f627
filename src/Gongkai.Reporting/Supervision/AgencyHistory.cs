using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Supervision;

/// <summary>
/// One agency across years, side by side: its figures per year and what breaks between consecutive
/// years — 上年结转 not equal to last year's 结转下年度继续办理 (C-06), a change of format edition,
/// a year with no report.
/// </summary>
public sealed record AgencyHistory(IReadOnlyList<ReportFigures> Years, IReadOnlyList<YearBreak> Breaks)
{
    public static AgencyHistory Of(string agency, IReadOnlyList<AnnualReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var ordered = reports.Where(r => r.Year is not null).OrderBy(r => r.Year).ToArray();
        var breaks = new List<YearBreak>();
        for (var i = 1; i < ordered.Length; i++)
        {
            var (before, after) = (ordered[i - 1], ordered[i]);
            var year = after.Year!.Value;
            if (year - before.Year!.Value > 1)
            {
                breaks.Add(new YearBreak(year, YearBreakKind.MissingYears, before.Year.Value + 1, year - 1));
                continue;
            }

            if (before.Edition != after.Edition)
            {
                breaks.Add(new YearBreak(year, YearBreakKind.EditionChanged, null, null));
            }

            var forward = before.GetApplications(ApplicationKeys.CarriedForward, ApplicantColumn.Total);
            var over = after.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total);
            if (forward is not null && over is not null && forward != over)
            {
                breaks.Add(new YearBreak(year, YearBreakKind.CarryOverMismatch, forward, over));
            }
        }

        return new AgencyHistory(ordered.Select(r => ReportFigures.Of(agency, r)).ToArray(), breaks);
    }

    /// <summary>The change of a figure from the year before, or null when either year lacks it.</summary>
    public static int? Change(int? before, int? after) => before is { } b && after is { } a ? a - b : null;
}
