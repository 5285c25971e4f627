using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>One report entering a roll-up.</summary>
/// <param name="Name">Who it is from, shown in contributions and messages: the agency's name, else the file.</param>
/// <param name="Report">The report as read (and, for collected reports, as confirmed).</param>
public sealed record RollupSource(string Name, AnnualReport Report)
{
    public static RollupSource Of(AnnualReport report, string fallbackName) =>
        new(string.IsNullOrWhiteSpace(report.Agency) ? fallbackName : report.Agency!, report);
}
