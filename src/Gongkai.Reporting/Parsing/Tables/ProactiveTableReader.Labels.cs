using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// What a label of table 二 names: its caption (第二十条第（X）项), a header cell, or a row of the layout — as printed, in
/// the variants real reports print (a misprint, a mirror's conversion, the form's filling note after the label).
/// </summary>
internal static partial class ProactiveTableReader
{
    private static ReadingOrder.Role Role(TableToken token, ReportSchema schema)
    {
        if (token.Kind != TokenKind.Text || token.Text.Length > ApplicationLabels.MaxLabelLength)
        {
            return ReadingOrder.Role.Other;
        }

        var key = ChineseText.LabelKey(token.Text);
        return CaptionRegex().IsMatch(key) || IsHeader(key, schema) ? ReadingOrder.Role.Header
            : FindRow(key, null, schema) is not null ? ReadingOrder.Role.RowLabel
            : ReadingOrder.Role.Other;
    }

    /// <summary>A table's own caption ("表二：主动公开政府信息情况"), repeated by converters at each page.</summary>
    [GeneratedRegex(@"^表[一二三四五六]([:：].*)?$|^表[一二三四五六][^\d]{4,}$")]
    private static partial Regex TableCaptionRegex();

    private static bool IsHeader(string key, ReportSchema schema) =>
        key == "信息内容" || TableCaptionRegex().IsMatch(key) ||
        key.Contains("数量", StringComparison.Ordinal) || key.Contains("件数", StringComparison.Ordinal) ||
        key.Contains("增/减", StringComparison.Ordinal) || key.Contains("金额", StringComparison.Ordinal) ||
        schema.ProactiveBlocks.SelectMany(b => b.Columns).Any(c => TemplateKey(c.Label) == key);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TemplateKeys = new(StringComparer.Ordinal);

    /// <summary>The comparison key of a template label, computed once per label.</summary>
    internal static string TemplateKey(string label) => TemplateKeys.GetOrAdd(label, ChineseText.LabelKey);

    private static (ProactiveBlock Block, ProactiveRow Row, TableToken Label)? FindRow(string key, ProactiveBlock? block, ReportSchema schema)
    {
        foreach (var b in block is null ? schema.ProactiveBlocks : [block, .. schema.ProactiveBlocks.Where(x => x != block)])
        {
            foreach (var row in b.Rows)
            {
                if (RowMatches(key, row))
                {
                    return (b, row, null!);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A row label as printed, or with the note a template left after it taken off: "规章（设区的市、自治州人民政府应提供相关
    /// 数据）", "规范性文件（行政机关制定发布的决定、公告、通告…一般情况下属于规范性文件）" — the filling instructions of a county's
    /// form printed with the table.
    /// </summary>
    private static bool RowMatches(string key, ProactiveRow row) =>
        LabelMatches(key, row) ||
        (key.IndexOf('(', StringComparison.Ordinal) is var open and >= 2 && key.EndsWith(')') && LabelMatches(key[..open], row));

    private static bool LabelMatches(string key, ProactiveRow row)
    {
        var label = TemplateKey(row.Label);
        return key == label ||
               (row.KeyStem.EndsWith("normative_docs", StringComparison.Ordinal) && key is "规范性文件" or "行政规范性文件" or "规范性档案" or "行政规范性档案") || // 檔案: a mirror's 繁體 conversion of 文件
               (row.KeyStem.EndsWith("other_services", StringComparison.Ordinal) && key.StartsWith("其他对外管理服务", StringComparison.Ordinal)) ||
               (row.KeyStem.EndsWith("admin_fees", StringComparison.Ordinal) && key == "行政事业型收费") || // a real misprint of 事业性
               (row.KeyStem.EndsWith("central_procurement", StringComparison.Ordinal) && key.Contains("集中采购", StringComparison.Ordinal));
    }

    // 第二十条第（六）项, or as some forms print it 第二十条（六）项.
    [GeneratedRegex(@"^第二十条第?\(([一二三四五六七八九十]+)\)项")]
    private static partial Regex CaptionRegex();
}
