using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// ogi-rules §1: report years 2019–2020 use the 2019 format, 2021 on the 2021 format. A 2021 report
/// printed with the 2019 blocks (seed 000) is read as edition 2019 and flagged here.
/// </summary>
public sealed class EditionFitsYearRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        if (r.Year is { } year && ReportEditions.ExpectedFor(year) is { } expected && expected != r.Edition)
        {
            yield return DiagnosticCatalog.EditionDoesNotFitYear.Create(
                DiagnosticLocation.Meta("edition"), year, Describe(expected), Describe(r.Edition));
        }
    }

    private static string Describe(ReportEdition edition) => $"{edition.ToCode()} 年版（{edition.DocumentNumber()}）";
}
