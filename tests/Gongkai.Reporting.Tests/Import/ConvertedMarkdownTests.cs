using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Xunit.Abstractions;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Markdown as PDF-to-Markdown converters and OCR tools leave it (issue 9, shape 6), generated from random
/// consistent reports: placeholder column headers (数据1…数据6), a table continued after a page footer under
/// a repeated caption and header, table 四 printed as three tables of five, and table 三 rows whose labels
/// were printed as lines apart from their counts. Every shape must come back exact; the share is printed.
/// </summary>
public sealed class ConvertedMarkdownTests(ITestOutputHelper output)
{
    private const int Reports = 30;

    private static readonly Dictionary<string, Func<List<string>, Random, List<string>>> Shapes = new()
    {
        ["generic-headers"] = (lines, _) => GenericHeaders(lines),
        ["table-across-pages"] = (lines, random) => AcrossPages(GenericHeaders(lines), random),
        ["review-as-three-tables"] = (lines, _) => ReviewAsThreeTables(lines),
        ["labels-apart-from-counts"] = (lines, random) => LabelsApart(GenericHeaders(lines), random),
        ["all-of-them"] = (lines, random) => ReviewAsThreeTables(LabelsApart(AcrossPages(GenericHeaders(lines), random), random)),
    };

    public static TheoryData<string> ShapeNames() => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Import_ConvertedMarkdown_EveryCellExact(string shape)
    {
        var exact = 0;
        var misses = new List<string>();
        for (var seed = 0; seed < Reports; seed++)
        {
            var edition = seed % 3 == 0 ? ReportEdition.Edition2019 : ReportEdition.Edition2021;
            var source = RandomReports.Create(2000 + seed, edition);
            var markdown = ReportRenderer.RenderToString(source, RenderFormat.Markdown).Replace("\r\n", "\n", StringComparison.Ordinal);
            var converted = string.Join('\n', Shapes[shape]([.. markdown.Split('\n')], new Random(seed)));

            var outcome = DegradedImport.Compare(source, converted);

            if (outcome.Exact == outcome.Cells)
            {
                exact++;
            }

            misses.AddRange(outcome.Unexcused.Concat(outcome.Excused).Take(3).Select(m => $"seed {2000 + seed}: {m}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shape}: {exact}/{Reports} reports exact"));
        Assert.True(misses.Count == 0, string.Join('\n', misses.Take(20)));
    }

    private static (int Start, int End) Section(List<string> lines, string heading)
    {
        var start = lines.FindIndex(l => l.StartsWith("## " + heading, StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Length > 4 && l[4] == '、');
        return (start, end < 0 ? lines.Count : end);
    }

    private static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static bool IsDataRow(string line) =>
        line.StartsWith('|') && !line.Contains("---", StringComparison.Ordinal) && Cells(line) is var cells && cells.Length >= 7 &&
        int.TryParse(cells[^1], out _) && cells.Take(3).Any(IsLabel);

    private static bool IsLabel(string cell) => cell.Length > 0 && !int.TryParse(cell, out _);

    /// <summary>Table 三 under one header row of placeholders, each row as label + counts (the label cell the last text).</summary>
    private static List<string> GenericHeaders(List<string> lines)
    {
        var (start, end) = Section(lines, "三、");
        var result = lines.Take(start + 1).ToList();
        var headerDone = false;
        for (var i = start + 1; i < end; i++)
        {
            var line = lines[i];
            if (!line.StartsWith('|'))
            {
                result.Add(line);
                continue;
            }

            if (!IsDataRow(line))
            {
                if (!headerDone)
                {
                    var width = Cells(lines.First(IsDataRow)).Count(c => int.TryParse(c, out _));
                    result.Add("| 类别 | " + string.Join(" | ", Enumerable.Range(1, width - 1).Select(n => "数据" + n.ToString(CultureInfo.InvariantCulture))) + " | 总计 |");
                    result.Add("|" + string.Concat(Enumerable.Repeat("---|", width + 1)));
                    headerDone = true;
                }

                continue;
            }

            var cells = Cells(line);
            var label = cells.Take(3).Last(IsLabel);
            result.Add("| " + label + " | " + string.Join(" | ", cells.Skip(3)) + " |");
        }

        result.AddRange(lines.Skip(end));
        return result;
    }

    /// <summary>A page break inside table 三: the page footer, the caption the converter repeats, the header again.</summary>
    private static List<string> AcrossPages(List<string> lines, Random random)
    {
        var (start, end) = Section(lines, "三、");
        var rows = Enumerable.Range(start, end - start).Where(i => IsDataRow(lines[i])).ToList();
        var at = rows[random.Next(3, rows.Count - 3)];
        var header = lines.Skip(start).First(l => l.StartsWith("| 类别", StringComparison.Ordinal));
        var rule = lines[lines.IndexOf(header) + 1];
        var result = lines.ToList();
        result.InsertRange(at, ["", "— " + random.Next(2, 9).ToString(CultureInfo.InvariantCulture) + " —", "", "## 表三：收到和处理政府信息公开申请情况", header, rule]);
        return result;
    }

    /// <summary>Table 四 as three five-column tables, one per group, each under a heading of its own.</summary>
    private static List<string> ReviewAsThreeTables(List<string> lines)
    {
        var (start, end) = Section(lines, "四、");
        var table = Enumerable.Range(start, end - start).Where(i => lines[i].StartsWith('|')).ToList();
        var values = Cells(lines[table[^1]]);
        var result = lines.Take(table[0]).ToList();
        string[] groups = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"];
        for (var g = 0; g < 3; g++)
        {
            result.AddRange([
                "### " + groups[g],
                "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
                "|----------|----------|----------|----------|------|",
                "| " + string.Join(" | ", values.Skip(g * 5).Take(5)) + " |",
                "",
            ]);
        }

        result.AddRange(lines.Skip(table[^1] + 1));
        return result;
    }

    /// <summary>
    /// Two or three sub-rows of table 三 lose their label cell (a PDF converter printing a merged label outside
    /// the rows): the labels stand as lines, each broken in two, before the first of those rows; the rows keep
    /// their counts in place. Only labels long enough to wrap in their cell are so moved.
    /// </summary>
    private static List<string> LabelsApart(List<string> lines, Random random)
    {
        var (start, end) = Section(lines, "三、");
        var subRows = Enumerable.Range(start, end - start)
            .Where(i => IsDataRow(lines[i]) && Cells(lines[i])[0] is var label && label.Length > 10 && char.IsAsciiDigit(label[0]) && label[1] == '.')
            .ToList();
        var chosen = subRows.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Order().ToList();
        var result = lines.ToList();
        var labelLines = new List<string>();
        foreach (var i in chosen)
        {
            var cells = Cells(lines[i]);
            var cut = Math.Min(cells[0].Length - 1, 9);
            labelLines.Add(cells[0][..cut]);
            labelLines.Add(cells[0][cut..]);
            result[i] = "| " + string.Join(" | ", cells.Skip(1)) + " |";
        }

        result.InsertRange(chosen[0], ["", .. labelLines]);
        return result;
    }
}
