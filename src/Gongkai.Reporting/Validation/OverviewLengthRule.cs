using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// I-02 (2021 format only): 一、总体情况 in principle no more than 1 000 characters (一千字).
/// [I] Characters are counted without white space, as a word processor's 字数 does for Chinese text.
/// </summary>
public sealed class OverviewLengthRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        if (r.Edition != ReportEdition.Edition2021)
        {
            yield break;
        }

        var count = CountCharacters(r.Sections.Sec1);
        if (count > context.Options.OverviewCharacterLimit)
        {
            yield return DiagnosticCatalog.OverviewTooLong.Create(DiagnosticLocation.InSection("sec1"), count);
        }
    }

    public static int CountCharacters(string text)
    {
        var count = 0;
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            if (!string.IsNullOrWhiteSpace(e.GetTextElement()))
            {
                count++;
            }
        }

        return count;
    }
}
