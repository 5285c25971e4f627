using Gongkai.Domain.Diagnostics;

namespace Gongkai.Reporting.Validation;

/// <summary>A report names its agency and its year (条例第四十九条: one report per agency per year).</summary>
public sealed class MetadataRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        if (string.IsNullOrWhiteSpace(r.Agency))
        {
            yield return DiagnosticCatalog.MissingAgency.Create(DiagnosticLocation.Meta("agency"));
        }

        if (r.Year is null)
        {
            yield return DiagnosticCatalog.MissingYear.Create(DiagnosticLocation.Meta("year"));
        }
        else if (r.Year < 2019)
        {
            yield return DiagnosticCatalog.YearOutOfRange.Create(DiagnosticLocation.Meta("year"), r.Year);
        }
    }
}
