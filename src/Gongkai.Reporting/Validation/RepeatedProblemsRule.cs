using Gongkai.Domain.Diagnostics;

namespace Gongkai.Reporting.Validation;

/// <summary>I-08: section 五 must not repeat the same text year after year.</summary>
public sealed class RepeatedProblemsRule : IReportRule
{
    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (context.ComparablePrevious is not { } previous)
        {
            yield break;
        }

        var now = Normalize(context.Report.Sections.Sec5);
        if (now.Length > 0 && now == Normalize(previous.Sections.Sec5))
        {
            yield return DiagnosticCatalog.RepeatedProblemsText.Create(DiagnosticLocation.InSection("sec5"));
        }
    }

    private static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
