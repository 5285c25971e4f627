using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Supervision;

/// <summary>
/// The figures supervisors compare, read from one report's tables 三 and 四 (总计 column). Null when
/// the cells it needs are blank, or a ratio's denominator is zero.
/// </summary>
public sealed record ReportFigures(
    string Agency,
    int? Year,
    int? Applications,
    int? CarriedOver,
    int? OutcomeTotal,
    int? CarriedForward,
    IReadOnlyList<OutcomeShare> OutcomeMix,
    int? Refused,
    decimal? ShareRefused,
    int? Reconsiderations,
    int? Lawsuits,
    int? Corrected,
    int? ConcludedReviews,
    decimal? ReconsiderationsPer100,
    decimal? LawsuitsPer100,
    decimal? CorrectionRate)
{
    private const string WithheldPrefix = ApplicationKeys.OutcomePrefix + "withheld.";
    private static readonly string[] CorrectedKeys = ["review.corrected", "litigation.direct.corrected", "litigation.after_review.corrected"];
    private static readonly string[] Groups = ["review.", "litigation.direct.", "litigation.after_review."];

    /// <summary>
    /// Applications are 本年新收 (一、). Share refused = （三）不予公开 ÷ （七）总计. Per hundred
    /// applications: 行政复议 总计 and 行政诉讼 总计 (both columns) ÷ 本年新收 × 100. 纠错率 = 结果纠正 ÷
    /// (总计 − 尚未审结) over 复议 and both 诉讼 columns: the share of concluded reviews that corrected the agency.
    /// </summary>
    public static ReportFigures Of(string agency, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        int? Total(string row) => report.GetApplications(row, ApplicantColumn.Total);
        var applications = Total(ApplicationKeys.NewReceived);
        var outcomes = Total(ApplicationKeys.OutcomeTotal);
        var mix = OutcomeCategories(report.Schema)
            .Select(c => new OutcomeShare(c.Label, SumOrNull(c.Keys.Select(Total)), null))
            .Select(s => s with { Share = Ratio(s.Count, outcomes, 1) })
            .ToArray();
        var refused = SumOrNull(report.Schema.OutcomeRowKeys.Where(k => k.StartsWith(WithheldPrefix, StringComparison.Ordinal)).Select(Total));
        var reconsiderations = report.GetReview("review.total");
        var lawsuits = SumOrNull([report.GetReview("litigation.direct.total"), report.GetReview("litigation.after_review.total")]);
        var corrected = SumOrNull(CorrectedKeys.Select(report.GetReview));
        var concluded = SumOrNull(Groups.Select(g => report.GetReview(g + "total") - report.GetReview(g + "pending")));
        return new ReportFigures(
            agency, report.Year, applications, Total(ApplicationKeys.CarriedOver), outcomes, Total(ApplicationKeys.CarriedForward),
            mix, refused, Ratio(refused, outcomes, 1), reconsiderations, lawsuits, corrected, concluded,
            Ratio(reconsiderations, applications, 100), Ratio(lawsuits, applications, 100), Ratio(corrected, concluded, 1));
    }

    /// <summary>The outcome categories （一）…（六） of 三、本年度办理结果 with their data rows, labels from the schema.</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<string> Keys)> OutcomeCategories(ReportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var outcomes = schema.ApplicationRows.Single(r => r.DataRows().Any(d => d.Key == ApplicationKeys.OutcomeTotal));
        return outcomes.Children
            .Where(c => c.Key != ApplicationKeys.OutcomeTotal)
            .Select(c => (c.Label, (IReadOnlyList<string>)c.DataRows().Select(d => d.Key!).ToArray()))
            .ToArray();
    }

    private static int? SumOrNull(IEnumerable<int?> values)
    {
        var list = values.ToArray();
        return list.Any(v => v is null) ? null : list.Sum(v => v!.Value);
    }

    /// <summary>
    /// part ÷ whole × scale to six decimals, or null when either is unknown or the whole is zero. Six, not four: a page that
    /// shows a share to 0.1 % must not round twice (3 ÷ 17 = 17.647 % was shown as 17.7 % from 0.1765).
    /// </summary>
    public static decimal? Ratio(int? part, int? whole, int scale) =>
        part is { } p && whole is { } w && w > 0 ? Math.Round(p * (decimal)scale / w, 6) : null;
}
