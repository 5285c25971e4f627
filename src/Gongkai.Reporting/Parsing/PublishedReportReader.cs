using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Parsing.Tables;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// Extracts the canonical report from the lines of a published report, whatever shape they came from:
/// the six section headings split the document; agency and year come from the title and opening
/// paragraph; the edition is decided by the table 二 blocks actually printed (not by the year); each
/// table region is tokenized and read by its table reader. Deterministic; no exceptions for bad input.
/// </summary>
public static partial class PublishedReportReader
{
    public static ReadResult Read(IReadOnlyList<SourceLine> lines, List<Diagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        // Labels, units and headings are matched in the punctuation the format prints; the narrative is kept as published.
        var published = AsPublished.Of(lines.Select(l => ChineseText.WithoutPinyinGlosses(l.Text) is var text && !ReferenceEquals(text, l.Text) ? l with { Text = text } : l).ToList());
        lines = published.Normalised;
        lines = SiteChrome.Strip(lines);
        var running = RunningText.IsRunningText(lines);
        if (running)
        {
            lines = RunningText.Split(lines);
        }
        else
        {
            lines = SectionHeadings.InlineApart(lines);
        }

        if (OldRegulationLayout(lines) is { } signal)
        {
            diagnostics.Add(DiagnosticCatalog.OldRegulationLayout.Create(DiagnosticLocation.At(signal.Line), signal.Text));
            return new ReadResult(null, diagnostics);
        }

        var headingAt = SectionHeadings.Find(lines);
        (lines, var putBack) = TableStarts.Restore(lines, headingAt);
        if (putBack.Count > 0)
        {
            headingAt = SectionHeadings.Find(lines);
        }

        var found = headingAt.Count(h => h >= 0);
        if (found < 2)
        {
            diagnostics.Add(DiagnosticCatalog.NotAReport.Create(DiagnosticLocation.Report, $"只找到 {found} 个章节标题"));
            return new ReadResult(null, diagnostics);
        }

        var traditional = lines.Sum(l => ChineseText.CountTraditional(l.Text));
        if (traditional >= 10)
        {
            diagnostics.Add(DiagnosticCatalog.TraditionalCharacters.Create(DiagnosticLocation.Report, traditional));
        }

        var region = new List<SourceLine>[6];
        for (var i = 0; i < 6; i++)
        {
            if (headingAt[i] < 0 || putBack.Contains(i))
            {
                // Not printed (a heading put back before its table is still reported).
                diagnostics.Add(DiagnosticCatalog.SectionNotFound.Create(DiagnosticLocation.InSection(SectionHeadings.Key(i)), SectionHeadings.Printed(i)));
            }

            if (headingAt[i] < 0)
            {
                region[i] = [];
                continue;
            }

            var end = headingAt.Skip(i + 1).Where(h => h > headingAt[i]).DefaultIfEmpty(lines.Count).First();
            region[i] = lines.Skip(headingAt[i] + 1).Take(end - headingAt[i] - 1).ToList();
        }

        var last = Array.FindLastIndex(headingAt, h => h >= 0);
        region[last] = SiteChrome.EndOfBody(region[last]);

        if (headingAt[4] < 0 && headingAt[3] >= 0 && ProseAfterTable(region[3]) is { } prose)
        {
            // No 五 heading, but text after table 四 before 六: that text is 五's (the GK4002 above stays).
            region[4] = region[3][prose..];
            region[3] = region[3][..prose];
        }

        // Table 二 rows run into their counts on lines of their own ("规章000"): read as in running text.
        var proactiveRunTogether = running || ProactiveTableReader.RowsRunIntoCounts(region[1]);
        var proactiveTokens = TableTokenizer.Tokenize(region[1], separateDigitsFromText: proactiveRunTogether);
        var applicationTokens = TableTokenizer.Tokenize(region[2], separateDigitsFromText: true);
        var reviewTokens = TableTokenizer.Tokenize(region[3], separateDigitsFromText: true);

        var firstHeading = headingAt.Where(h => h >= 0).Min();
        var (agency, year) = ReportMetadata.Find(lines.Take(firstHeading).ToList(), lines, region[last]);
        var (edition, proactiveEdition) = DecideEdition(proactiveTokens, applicationTokens, year, diagnostics);
        // The name as the page prints it (its own brackets), like the narrative.
        var report = new AnnualReport(edition) { Agency = agency is null ? null : published.Restore(agency), Year = year };

        report.Sections.Sec1 = Narrative(published.Restore(region[0]));
        report.Sections.Sec5 = Narrative(published.Restore(region[4]));
        report.Sections.Sec6 = Narrative(published.Restore(region[5]));

        if (proactiveEdition == edition)
        {
            ProactiveTableReader.Read(proactiveTokens, report, diagnostics, splitDigits: proactiveRunTogether);
        }
        else
        {
            // Table 二 printed in the other layout (GK4010): read as printed, and only the cells that mean the same in
            // both layouts kept (本年处理决定数量 of 行政许可, 行政处罚, 行政强制), as the roll-up keeps them.
            var printed = new AnnualReport(proactiveEdition);
            ProactiveTableReader.Read(proactiveTokens, printed, diagnostics, splitDigits: proactiveRunTogether);
            foreach (var (from, to) in ProactiveEquivalence.Pairs(printed.Schema, report.Schema))
            {
                report.SetProactive(to, printed.GetProactive(from));
            }
        }

        Table3Layouts.Read(applicationTokens, report, diagnostics, cellsMayRunTogether: running);
        ReviewTableReader.Read(reviewTokens, report, diagnostics, cellsMayRunTogether: running);
        foreach (var key in report.Schema.ProactiveKeys)
        {
            // A cell printed as words ("3项(41笔)") is kept as printed, as the narrative is.
            if (report.GetProactive(key) is { Kind: CellValueKind.Text, Text: { } text } && published.Restore(text) is var restored && !ReferenceEquals(restored, text))
            {
                report.SetProactive(key, CellValue.FromText(restored));
            }
        }

        return new ReadResult(report, diagnostics);
    }

    /// <summary>
    /// The layout of the report, and the layout its table 二 is printed in. Table 二 decides, as it is the table the two
    /// layouts differ most in; but a report of 2021 or later whose table 三 is in the 2021 layout (its （六） in three
    /// sub-rows) is a 2021 report with an old table 二 left in its template: the year and table 三 outweigh table 二,
    /// whose cells are then kept only where both layouts mean the same.
    /// </summary>
    private static (ReportEdition Edition, ReportEdition Proactive) DecideEdition(List<TableToken> proactive, List<TableToken> applications, int? year, List<Diagnostic> diagnostics)
    {
        var evidence = ProactiveTableReader.EditionEvidence(proactive);
        var table3Is2021 = Table3Layouts.Printed2021(applications);
        ReportEdition edition;
        if (evidence > 0)
        {
            edition = ReportEdition.Edition2019;
        }
        else if (evidence < 0)
        {
            edition = ReportEdition.Edition2021;
        }
        else
        {
            edition = table3Is2021 ? ReportEdition.Edition2021 : (year is { } y ? ReportEditions.ExpectedFor(y) : null) ?? ReportEdition.Edition2021;
        }

        var proactiveEdition = edition;
        // Table 三 in the other layout only as far as the print shows it: its （六） in three sub-rows, or as one row. A
        // table 三 that stops before （六） (an excerpt, a page cut off) is no sign of either.
        var table3Other = edition == ReportEdition.Edition2021 ? Table3Layouts.Printed2019(applications) : table3Is2021;
        if (evidence != 0 && table3Other && applications.Count > 0)
        {
            var table3 = table3Is2021 ? ReportEdition.Edition2021 : ReportEdition.Edition2019;
            string how;
            if (table3Is2021 && year is { } printedYear && ReportEditions.ExpectedFor(printedYear) == ReportEdition.Edition2021)
            {
                edition = ReportEdition.Edition2021;
                how = $"{printedYear} 年度的报告应按 2021 年版格式，按表三的格式读取；表二只保留两种格式含义相同的栏目（行政许可、行政处罚、行政强制的本年处理决定数量）";
            }
            else
            {
                how = table3Is2021 ? "按表二的格式读取，表三（六）其他处理的三个子项相加计入（六）其他处理" : "按表二的格式读取，表三（六）其他处理计入（六）3.其他";
            }

            diagnostics.Add(DiagnosticCatalog.MixedEdition.Create(
                DiagnosticLocation.Cell("三", null), proactiveEdition.ToCode() + " 年版", table3.ToCode() + " 年版", how));
        }

        return (edition, proactiveEdition);
    }

    /// <summary>
    /// The headings and table captions only the 2008 regulation's reports have (its 第三十二条 listed 收费及减免
    /// and 不予公开 as sections of their own); a report in the 2019 format never prints them.
    /// </summary>
    private static (int Line, string Text)? OldRegulationLayout(IReadOnlyList<SourceLine> lines)
    {
        // The 2019 format (国办公开办函〔2019〕60号, then 〔2021〕30号) reports on 2019 onward: a report on an
        // earlier year is in the 2008 layout whatever its headings look like.
        foreach (var line in lines.Where(l => l.Text.Trim().Length is > 0 and <= 100).Take(8))
        {
            var title = OldTitleRegex().Match(ChineseText.Compact(line.Text));
            if (title.Success && Gongkai.Reporting.Parsing.Text.Digits.Parse(title.Groups["year"].Value) < 2019)
            {
                return (line.Line, "报告年度为 " + title.Groups["year"].Value + " 年");
            }
        }

        // A 2019-format table (第二十条第（一）项 of table 二) outweighs the old headings: a report may still list them as
        // sub-points of its own section 一 (4.政府信息公开的收费及减免情况, 5.因政府信息公开申请提起行政复议…的情况).
        if (lines.Take(2000).Any(l => l.Text.Contains("第二十条第", StringComparison.Ordinal) && ChineseText.FullWidthPunctuation(ChineseText.Compact(l.Text)).Contains("第二十条第（一）项", StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var line in lines.Take(2000))
        {
            if (line.Text.Contains("指标名称", StringComparison.Ordinal) && line.Text.Contains("计量单位", StringComparison.Ordinal))
            {
                return (line.Line, "统计表“指标名称/计量单位”");
            }

            var key = ChineseText.LabelKey(line.Text);
            foreach (var signal in OldLayoutSignals)
            {
                var at = key.IndexOf(signal, StringComparison.Ordinal);
                if (at >= 0 && (at < 4 || key.Length < 60))
                {
                    return (line.Line, "“" + signal + "”");
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<year>(19|20)\d{2})年度?(政府|政务)?信息公开(工作)?(年度)?(工作)?(报告|年报)")]
    private static partial Regex OldTitleRegex();

    private static readonly string[] OldLayoutSignals =
    [
        "政府信息公开的收费及减免情况", "收费及减免情况", "依申请公开政府信息和不予公开政府信息的情况",
        "因政府信息公开申请提起行政复议、行政诉讼的情况", "因政府信息公开申请提起行政复议,行政诉讼的情况",
    ];

    /// <summary>
    /// Where the prose after table 四's last row starts (a report, or its PDF conversion, that goes from the
    /// table straight to its problems text without the heading 五), or null when no table row is followed by
    /// prose. A note on the table (注：…) right after it stays with the table.
    /// </summary>
    private static int? ProseAfterTable(List<SourceLine> region)
    {
        var lastRow = region.FindLastIndex(l => IsValueRow(l.Text));
        if (lastRow < 0)
        {
            return null;
        }

        var start = lastRow + 1;
        while (start < region.Count && (region[start].Text.Trim().Length == 0 || IsValueRow(region[start].Text) || IsNote(region[start].Text)))
        {
            start++;
        }

        return region.Skip(start).Any(l => l.Text.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 4) ? start : null;
    }

    /// <summary>A row of counts, or a table rule: digits, blanks, pipes, tabs and dashes only, with a digit or a pipe.</summary>
    private static bool IsValueRow(string text) =>
        text.Any(c => char.IsAsciiDigit(c) || c == '|') && text.All(c => char.IsAsciiDigit(c) || c is '|' or '-' or ':' or '\t' or ' ' or '\u3000');

    private static bool IsNote(string text) =>
        text.TrimStart().StartsWith("注", StringComparison.Ordinal) || text.TrimStart().StartsWith("备注", StringComparison.Ordinal);

    private static string Narrative(List<SourceLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var text = MarkdownSyntaxRegex().Replace(line.Text.Replace('\t', ' '), string.Empty).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^#{1,6}\s*|\*\*|__")]
    private static partial Regex MarkdownSyntaxRegex();
}
