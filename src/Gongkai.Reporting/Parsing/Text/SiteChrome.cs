using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing.Text;

/// <summary>
/// What a crawler saves around a report's body: metadata lines (标题: 发布时间: 原文链接: 栏目:), the
/// site's breadcrumb and tools (当前位置：首页 > … 字号：大 中 小 打印本页) and its footer (主办单位 …
/// 网站标识码 … ICP备). None of it is the report; these lines are dropped before the sections are split.
/// </summary>
public static partial class SiteChrome
{
    public static List<SourceLine> Strip(IReadOnlyList<SourceLine> lines)
    {
        var kept = new List<SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (text.Length is > 0 and <= 300 && IsChrome(text))
            {
                continue;
            }

            kept.Add(line);
        }

        return kept;
    }

    /// <summary>
    /// The last section cut where the page around the report begins: a crawler that saved the page as one
    /// line (or kept the page's tools and footer inside the article) leaves 来源：…, 附件下载, 打印本页, 主办单位 …
    /// after the body, where no line of its own lets <see cref="Strip"/> drop them. Everything from the first
    /// such marker on is the page's. The closing signature (agency and date) comes before any of them and
    /// stays; the document's colophon (抄送：…, …印发) after it goes, as it is not the report's text — also where it
    /// follows the signature's date with no break (…2022年1月7日抄送：…, …2022年1月13 日 …办公室 2022年1月13日印发).
    /// One scan of the last section only.
    /// </summary>
    public static List<SourceLine> EndOfBody(List<SourceLine> section)
    {
        for (var i = 0; i < section.Count; i++)
        {
            var match = PageAfterBodyRegex().Match(section[i].Text);
            if (!match.Success)
            {
                continue;
            }

            var kept = section.Take(i).ToList();
            var before = section[i].Text[..match.Index].TrimEnd();
            if (before.Length > 0)
            {
                kept.Add(section[i] with { Text = before });
            }

            return kept;
        }

        return section;
    }

    public static bool IsChrome(string text) =>
        MetadataRegex().IsMatch(text) || ToolsRegex().IsMatch(text) || FooterRegex().IsMatch(text);

    [GeneratedRegex(@"^(标\s*题|发布时间|发文时间|成文日期|发布日期|原文链接|原文地址|链接|网址|URL|url|栏\s*目|来\s*源|信息来源|作\s*者|浏览次数|点击数|索引号|抓取时间|采集时间)\s*[:：]")]
    private static partial Regex MetadataRegex();

    [GeneratedRegex(@"^(当前位置|您的位置|你的位置|您现在的位置)\s*[:：]|字号\s*[:：]?\s*[【\[]?\s*大|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|分享到\s*[:：]|扫一扫在手机|更多精彩内容|扫描(下方|上方|左侧|右侧|以下)二维码")]
    private static partial Regex ToolsRegex();

    [GeneratedRegex(@"附件下载|(?<!\p{IsCJKUnifiedIdeographs})相关附件|打印本页|关闭窗口|【\s*(打印|关闭)\s*】|分享到|扫一扫|更多精彩内容|扫描(下方|上方|左侧|右侧|以下)二维码|主办单位\s*[:：]|承办单位\s*[:：]|网站标识码|ICP\s*备|公网安备|版权所有|技术支持\s*[:：]|(?<!\p{IsCJKUnifiedIdeographs})(信息)?来\s*源\s*[:：]|(?<!\p{IsCJKUnifiedIdeographs})(抄\s*送|发布时间|原文链接|索引号)\s*[:：]|(?<=日\s{0,3})抄\s*送\s*[:：]|(?<=日\s{0,3})\p{IsCJKUnifiedIdeographs}{2,30}(办公室|办公厅)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")]
    private static partial Regex PageAfterBodyRegex();

    [GeneratedRegex(@"主办单位\s*[:：]|承办单位\s*[:：]|网站标识码|ICP\s*备|公网安备|版权所有|技术支持\s*[:：]")]
    private static partial Regex FooterRegex();
}
