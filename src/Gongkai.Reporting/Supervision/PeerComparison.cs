namespace Gongkai.Reporting.Supervision;

/// <summary>
/// Agencies of one level in one year side by side, with the figures a supervisor quotes for the whole
/// level: applications per agency, and pooled ratios (Σ parts ÷ Σ wholes over the agencies whose cells
/// are filled, so a large agency weighs as it should).
/// </summary>
public sealed record PeerComparison(
    IReadOnlyList<ReportFigures> Agencies,
    decimal? ApplicationsPerAgency,
    decimal? ShareRefused,
    decimal? ReconsiderationsPer100,
    decimal? LawsuitsPer100,
    decimal? CorrectionRate)
{
    public static PeerComparison Of(IReadOnlyList<ReportFigures> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var withApplications = agencies.Where(a => a.Applications is not null).ToArray();
        decimal? perAgency = withApplications.Length == 0
            ? null
            : Math.Round(withApplications.Sum(a => a.Applications!.Value) / (decimal)withApplications.Length, 4);
        return new PeerComparison(
            agencies,
            perAgency,
            Pooled(agencies, a => a.Refused, a => a.OutcomeTotal, 1),
            Pooled(agencies, a => a.Reconsiderations, a => a.Applications, 100),
            Pooled(agencies, a => a.Lawsuits, a => a.Applications, 100),
            Pooled(agencies, a => a.Corrected, a => a.ConcludedReviews, 1));
    }

    private static decimal? Pooled(IEnumerable<ReportFigures> agencies, Func<ReportFigures, int?> part, Func<ReportFigures, int?> whole, int scale)
    {
        var usable = agencies.Where(a => part(a) is not null && whole(a) is not null).ToArray();
        return ReportFigures.Ratio(usable.Sum(a => part(a)!.Value), usable.Sum(a => whole(a)!.Value), scale);
    }
}
