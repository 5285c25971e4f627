using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>One report entering a roll-up.</summary>
/// <param name="Name">Who it is from, shown in contributions and messages: the agency's name, else the file.</param>
/// <param name="Report">The report as read (and, for collected reports, as confirmed).</param>
/// <param name="File">The file it was read from, when it was (two files of one agency are told apart by it).</param>
public sealed record RollupSource(string Name, AnnualReport Report, string? File = null)
{
    public static RollupSource Of(AnnualReport report, string file) =>
        new(string.IsNullOrWhiteSpace(report.Agency) ? file : report.Agency!, report, file);
}
