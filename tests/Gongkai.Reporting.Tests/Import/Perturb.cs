using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>What government sites do to a report on its way to the web, as text transformations.</summary>
internal static partial class Perturb
{
    private static readonly Dictionary<char, char> Traditional = "与與开開请請数數结結转轉继繼续續办辦处處总總计計机機关關现現国國规規范範护護权權内內务務类類过過执執询詢项項确確认認复復议議诉訴讼訟维維纠糾审審况況报報费費条條门門发發废廢许許罚罰强強决決额額万萬单單无無举舉访訪获獲仅僅种種们們进進动動网網体體统統经經济濟时時长長负負责責"
        .Chunk(2).ToDictionary(p => p[0], p => p[1]);

    public static string ToTraditional(string text) => string.Concat(text.Select(c => Traditional.GetValueOrDefault(c, c)));

    /// <summary>The report inside a government site's page: head, navigation, breadcrumb, a layout table, footer.</summary>
    public static string InSiteChrome(string html)
    {
        var body = html[(html.IndexOf("<body>", StringComparison.Ordinal) + 6)..html.IndexOf("</body>", StringComparison.Ordinal)];
        return $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年度报告_某某市人民政府</title>
            <script>var _hmt = _hmt || []; function go(){}</script><style>.x{color:red}</style></head>
            <body><div class="top-banner">无障碍 | 长者模式 | 繁体版</div>
            <div id="nav"><ul><li>首页</li><li>政务公开</li><li>政府信息公开年度报告</li><li>2021年政府信息公开工作年度报告</li></ul></div>
            <div class="breadcrumb">首页 &gt; 政务公开 &gt; 年度报告</div>
            <table width="100%"><tr><td class="left-menu"><a>机构职能</a></td><td>
            <div class="article-info">发布时间：2022-01-28 来源：市政府办公室 浏览次数：1234</div>
            {{body}}
            </td></tr></table>
            <div class="footer">主办单位：某某市人民政府办公室 网站标识码：1234567890 ICP备案号：京ICP备00000000号</div>
            </body></html>
            """;
    }

    /// <summary>Empty cells written as a dash, &amp;nbsp; padding, &lt;br&gt; inside long labels, upper-case tags.</summary>
    public static string HtmlAsSitesWriteIt(string html) =>
        html.Replace("<td></td>", "<td>—</td>", StringComparison.Ordinal)
            .Replace("<td class=\"label\">", "<TD class=\"label\">&nbsp;", StringComparison.Ordinal)
            .Replace("行政机关不再处理其政府信息公开申请", "行政机关不再处理<br>其政府信息公开申请", StringComparison.Ordinal)
            .Replace("<tr>", "<TR style=\"height:20px\">", StringComparison.Ordinal);

    /// <summary>Columns aligned with runs of spaces, as pdftotext -layout prints them (blank cells vanish).</summary>
    public static string SpaceAligned(string text) => string.Join('\n', text.Split('\n').Select(line =>
        line.Contains('\t', StringComparison.Ordinal)
            ? string.Join("    ", line.Split('\t').Where(c => c.Length > 0).Select(c => c.PadRight(6)))
            : line));

    /// <summary>One cell per line, each ended by "|" (seed 002's shape).</summary>
    public static string OneCellPerLine(string text) => string.Join('\n', text.Split('\n').SelectMany(line =>
        line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t').Select(c => c.Length == 0 ? "|" : c + " |") : [line]));

    /// <summary>One cell per line with nothing around it, an empty line for an empty cell.</summary>
    public static string OneCellPerLineBlankLines(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains('\t', StringComparison.Ordinal))
            {
                var cells = line.Split('\t');
                var first = Array.FindIndex(cells, c => c.Length > 0);
                lines.AddRange(cells.Skip(Math.Max(first, 0)));
            }
            else if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>A table flattened into running text: cells separated by one space, blank cells gone.</summary>
    public static string RunningText(string text) => string.Join('\n', text.Split('\n').Select(line =>
        line.Contains('\t', StringComparison.Ordinal) ? string.Join(' ', line.Split('\t').Where(c => c.Length > 0)) : line));

    /// <summary>Full-width digits and half-width brackets, 其它 for 其他, spaces inside the title.</summary>
    public static string Variants(string text)
    {
        var lines = text.Split('\n');
        lines[0] = string.Join(' ', lines[0].TakeWhile(c => c is < '0' or > '9')) + lines[0][lines[0].TakeWhile(c => c is < '0' or > '9').Count()..];
        var joined = string.Join('\n', lines).Replace("其他", "其它", StringComparison.Ordinal)
            .Replace('（', '(').Replace('）', ')');
        return TableDigitsRegex().Replace(joined, m => string.Concat(m.Value.Select(c => (char)(c + 0xFEE0))));
    }

    /// <summary>Group labels broken over two lines and rows indented one column too far (seeds 003 and 004).</summary>
    public static string SplitRows(string text) => text
        .Replace("\t（四）无法提供\t", "\t（四）无法\t", StringComparison.Ordinal)
        .Replace("\t\t2.没有现成信息需要另行制作\t", "提供\t\t2.没有现成信息需要另行制作\t", StringComparison.Ordinal)
        .Replace("\t\t3.危及“三安全一稳定”\t", "3.危及“三安全一稳定”\t\t", StringComparison.Ordinal);

    /// <summary>Thousands separators in table 二 numbers.</summary>
    public static string ThousandsSeparators(string text) => FourDigitsRegex().Replace(text, m =>
        int.Parse(m.Value, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture));

    public static byte[] Encode(string text, Encoding encoding, bool bom)
    {
        var body = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    public static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=\t)\d+(?=\t|$)", RegexOptions.Multiline)]
    private static partial Regex TableDigitsRegex();

    [GeneratedRegex(@"(?<=\t)\d{4,}(?=\t|$)", RegexOptions.Multiline)]
    private static partial Regex FourDigitsRegex();
}
