using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A report's opening (or a sentence of it) read as a report: the six section headings of the 2021 layout it lacks
/// appended after it, so the importer accepts the text and what is checked is the agency and year the opening gives.
/// </summary>
internal static class WithHeadings
{
    private static readonly string[] Headings = [.. ReportSection.All(ReportEdition.Edition2021).Select(s => s.Heading)];

    /// <summary>一、总体情况.</summary>
    public static string First => Headings[0];

    /// <summary>二、主动公开政府信息情况.</summary>
    public static string Second => Headings[1];

    /// <param name="what">Said when the text is not read as a report (the fixture's name).</param>
    public static AnnualReport Read(string text, string? what = null)
    {
        var completed = new StringBuilder(text).Append('\n');
        foreach (var heading in Headings.Where(h => !text.Contains(h, StringComparison.Ordinal)))
        {
            completed.Append(heading).Append('\n');
        }

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(completed.ToString()));
        Assert.True(result.Report is not null, (what is null ? string.Empty : what + ": ") + string.Join(" | ", result.Diagnostics));
        return result.Report;
    }
}
