using System.Text.RegularExpressions;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The name a report is signed with at its end: the agency alone on a line above the date ("沭阳县发展和改革局" /
/// "2024年1月17日"), or both at the end of the last line, set off from the sentence before them ("…无其他需要报告事项。
/// 平潭综合实验区财政金融局 2021年1月27日"). Read only where the report names itself nowhere else: a page whose title the
/// crawler dropped. A name run into the sentence before it ("暂无平潭…管理局") is not taken: where it starts cannot be told.
/// </summary>
internal static partial class ReportSignature
{
    /// <summary>The signature's name in the last section (after the page's chrome is cut), or null.</summary>
    public static string? Find(IReadOnlyList<SourceLine> closing)
    {
        var lines = closing.Select(l => ChineseText.Fold(l.Text).Trim()).Where(t => t.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var last = lines[^1];
        string? name = null;
        if (DateRegex().IsMatch(ChineseText.Compact(last)))
        {
            // The date alone on the last line: the name is the line above it.
            name = lines.Count >= 2 ? ChineseText.Compact(lines[^2]) : null;
        }
        else if (SignedLineRegex().Match(last) is { Success: true } signed)
        {
            name = signed.Groups["name"].Value;
        }

        return name is not null && NameRegex().IsMatch(name) && !NotANameRegex().IsMatch(name) ? name : null;
    }

    private const string Date = @"((19|20)\d{2}|[二][〇○零Ｏ0][一二三四五六七八九〇○零Ｏ0]{2})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日";

    [GeneratedRegex("^[(（]?" + Date + "[)）]?$")]
    private static partial Regex DateRegex();

    /// <summary>The name and date ending the line, the name set off from what stands before it.</summary>
    [GeneratedRegex(@"(?<![\u4e00-\u9fff（）()])(?<name>[\u4e00-\u9fff（）()]{3,40})\s*[(（]?" + Date + @"[)）]?\s*$")]
    private static partial Regex SignedLineRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff（）()]{3,40}(人民政府办公室|人民政府办公厅|人民政府|管理委员会|委员会|管委会|街道办事处|办事处|办公室|办公厅|局|委|办|厅|署|院|中心|镇|乡|街道|公司|苏木|分局|支队|大队)$")]
    private static partial Regex NameRegex();

    /// <summary>A sentence's words, not a name: 本局, 我镇, 特此报告, 暂无…, what names the report's own matters.</summary>
    [GeneratedRegex(@"^(我|本|全|该|各|暂无|没有|特此|以上|此致)|信息公开|报告|情况|事项|收费|申请")]
    private static partial Regex NotANameRegex();
}
