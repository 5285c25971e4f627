using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>条例第五十条 and I-01: the narrative sections 一、五、六 must be there (nothing omitted).</summary>
public sealed class MissingSectionRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var section in r.Schema.Sections.Where(s => s.IsNarrative))
        {
            var text = r.Sections.Get(section.Key).Trim();
            if (text.Length == 0 || text == section.Placeholder)
            {
                yield return DiagnosticCatalog.MissingSection.Create(DiagnosticLocation.InSection(section.Key), section.Heading);
            }
        }
    }
}
