using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Bench;

/// <summary>
/// A reproducible corpus of rendered reports: plain text, HTML pages in site chrome, and (a third set)
/// the text as crawlers leave it on one line, half with cells separated by a space, half run together.
/// </summary>
internal static class Corpus
{
    public static (string[] Text, string[] Html, string[] OneLine) Ensure(string directory, int files)
    {
        var textDir = Path.Combine(directory, "txt");
        var htmlDir = Path.Combine(directory, "html");
        var oneLineDir = Path.Combine(directory, "oneline");
        Directory.CreateDirectory(textDir);
        Directory.CreateDirectory(htmlDir);
        Directory.CreateDirectory(oneLineDir);
        var half = files / 2;
        Parallel.For(0, half, i =>
        {
            var text = Path.Combine(textDir, $"{i:D6}.txt");
            var html = Path.Combine(htmlDir, $"{i:D6}.html");
            var oneLine = Path.Combine(oneLineDir, $"{i:D6}.txt");
            if (File.Exists(text) && File.Exists(html) && File.Exists(oneLine))
            {
                return;
            }

            var report = RandomReports.Create(i, i % 3 == 0 ? ReportEdition.Edition2019 : ReportEdition.Edition2021);
            var plain = ReportRenderer.RenderToString(report, RenderFormat.Text);
            File.WriteAllText(text, plain, Encoding.UTF8);
            File.WriteAllText(oneLine, i % 2 == 0 ? Degrade.OneLine(plain) : Degrade.RunTogether(plain), Encoding.UTF8);
            var page = ReportRenderer.RenderToString(report, RenderFormat.Html);
            var body = page[(page.IndexOf("<body>", StringComparison.Ordinal) + 6)..page.IndexOf("</body>", StringComparison.Ordinal)];
            File.WriteAllText(html, $"""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title><script>var a=1;</script></head>
                <body><div id="nav"><ul><li>首页</li><li>政务公开</li><li>年度报告</li></ul></div>
                <table width="100%"><tr><td class="menu">机构职能</td><td>{body}</td></tr></table>
                <div class="footer">主办单位：某某市人民政府办公室</div></body></html>
                """, Encoding.UTF8);
        });

        return (
            Directory.GetFiles(textDir).Order(StringComparer.Ordinal).Take(half).ToArray(),
            Directory.GetFiles(htmlDir).Order(StringComparer.Ordinal).Take(half).ToArray(),
            Directory.GetFiles(oneLineDir).Order(StringComparer.Ordinal).Take(half).ToArray());
    }
}
