using Gongkai.Persistence;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Validation;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// What the reports added up in a roll-up say of themselves: each contributing report's findings (validation against its
/// own sums and last year's report), named by agency, as `report rollup --json` lists each input file's. A roll-up adds
/// the figures as printed and corrects nothing, so an input whose tables do not add up is said, not hidden.
/// </summary>
public static class RollupInputFindings
{
    /// <summary>The overview's rows whose report is in the roll-up and has errors or warnings.</summary>
    public static IReadOnlyList<OverviewRow> WithFindings(Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return overview.Agencies.Where(a => a.Status is ReportStatus.Published or ReportStatus.Collected && a.Errors + a.Warnings > 0).ToList();
    }

    /// <summary>
    /// Those reports' findings, read and validated again (only the reports with findings: an overview of thousands of
    /// clean reports reads none).
    /// </summary>
    public static async Task<IReadOnlyList<RollupJson.SourcedDiagnostic>> LoadAsync(GongkaiDbContext db, Overview overview, CancellationToken cancellationToken = default)
    {
        var validator = new ReportValidator();
        var findings = new List<RollupJson.SourcedDiagnostic>();
        foreach (var row in WithFindings(overview))
        {
            if (await ReportLookup.FindAsync(db, row.Code, overview.Year, cancellationToken) is not { } report)
            {
                continue;
            }

            var previous = await ReportLookup.FindAsync(db, row.Code, overview.Year - 1, cancellationToken);
            findings.AddRange(validator.Validate(report, previous).Select(d => new RollupJson.SourcedDiagnostic($"{row.Name}（{row.Code}）", d)));
        }

        return findings;
    }
}
