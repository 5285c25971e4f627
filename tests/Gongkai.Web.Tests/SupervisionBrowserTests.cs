using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Web.Tests;

/// <summary>The supervisor's scenario in headless Chromium: collect a folder of reports, confirm an uncertain cell, download the roll-up .docx and the Excel overview.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    [BrowserFact]
    public Task Supervisor_CollectsFolder_ConfirmsCell_DownloadsRollupAndExcel() => browser.Scenario("supervise", async () =>
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-collect-").FullName;
        try
        {
            WriteReports(folder);
            var page = await browser.NewPage();
            await page.GotoAsync("/staff");
            await page.GetByLabel("用户名").FillAsync("supervisor");
            await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));

            await page.GotoAsync($"/staff/supervise/collect?year={LastYear}");
            await page.Locator("#files").SetInputFilesAsync(Directory.GetFiles(folder).Order(StringComparer.Ordinal));
            await page.Locator("#collect").ClickAsync();
            await Expect(page.Locator("#outcomes li")).ToHaveCountAsync(2);
            await Expect(page.Locator("#outcomes")).ToContainTextAsync("water.txt：新建机关");
            await BrowserFixture.Shot(page, "supervise-collected");

            await page.Locator("tr", new() { HasText = "示例市水务局" }).GetByRole(AriaRole.Link, new() { Name = "核对并确认" }).ClickAsync();
            await Expect(page.Locator("#confirm-applications tr.uncertain")).Not.ToHaveCountAsync(0);
            await Expect(page.Locator("#source-lines")).ToContainTextAsync("（一）予以公开");
            await page.GetByLabel("核对或更正说明（必填）").FillAsync("已对照原件核对“（一）予以公开”一行");
            await page.Locator("#confirm").ClickAsync();
            await Expect(page.Locator("#message")).ToHaveTextAsync("已保存为新版本。");
            await Expect(page.Locator("#versions")).ToContainTextAsync("第 2 版：已对照原件核对");
            await BrowserFixture.Shot(page, "supervise-confirmed");

            await page.GotoAsync($"/staff/supervise/rollup?year={LastYear}");
            var docx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-docx").ClickAsync());
            var docxPath = Path.Combine(folder, "rollup.docx");
            await docx.SaveAsAsync(docxPath);
            Assert.StartsWith("汇总（", Gongkai.Reporting.Parsing.ReportFileReader.ReadFile(docxPath).Report!.Agency, StringComparison.Ordinal);

            await page.GotoAsync($"/staff/supervise?year={LastYear}");
            await Expect(page.Locator("#overview tbody tr")).ToHaveCountAsync(12);
            var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
            Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
            var xlsxPath = Path.Combine(folder, "overview.xlsx");
            await xlsx.SaveAsAsync(xlsxPath);
            using var zip = System.IO.Compression.ZipFile.OpenRead(xlsxPath);
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    /// <summary>
    /// What the eye sees: the sub-menu's and the catalogue's links are not white on white, each filter's label sits on
    /// its list, and the comparison chart's legend and agency names stay apart and inside the chart.
    /// </summary>
    [BrowserFact]
    public Task Supervisor_MenusReadable_LabelsOnTheirLists_ChartTextApart() => browser.Scenario("supervise-layout", async () =>
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/catalogue");
        var category = await Colours(page, "#categories a");
        Assert.NotEqual(category.Background, category.Colour);
        Assert.NotEqual("rgb(255, 255, 255)", category.Colour);

        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync("supervisor");
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));

        await page.GotoAsync($"/staff/supervise?year={LastYear}");
        var menu = await Colours(page, "nav.subnav a");
        Assert.NotEqual(menu.Background, menu.Colour);
        Assert.NotEqual("rgb(255, 255, 255)", menu.Colour);
        var header = await Colours(page, "header nav a");
        Assert.Equal("rgb(255, 255, 255)", header.Colour);
        foreach (var field in new[] { "year", "level", "kind" })
        {
            var label = (await page.Locator($"form.filters label[for={field}]").BoundingBoxAsync())!;
            var list = (await page.Locator($"form.filters select#{field}").BoundingBoxAsync())!;
            Assert.True(Math.Abs(label.X - list.X) < 2, $"{field}: label at x {label.X}, list at x {list.X}");
            var gap = list.Y - (label.Y + label.Height);
            Assert.True(gap is >= -1 and < 16, $"{field}: {gap}px between the label and its list");
        }

        await BrowserFixture.Shot(page, "supervise-overview");

        await page.GotoAsync($"/staff/supervise/compare?year={LastYear}");
        await Expect(page.Locator("#peers")).ToBeVisibleAsync();
        var name = (await page.Locator("#peers tbody th[scope=row]").First.BoundingBoxAsync())!;
        Assert.True(name.Width > 100, $"the agency column is {name.Width}px wide");
        await page.WaitForFunctionAsync("() => typeof echarts !== 'undefined' && echarts.getInstanceByDom(document.getElementById('chart'))");
        var texts = await page.EvaluateAsync<ChartText[]>(
            """
            () => {
                const chart = echarts.getInstanceByDom(document.getElementById('chart'));
                return chart.getZr().storage.getDisplayList(true)
                    .filter(e => e.style && typeof e.style.text === 'string' && e.style.text.length > 0 && !e.ignore && !e.invisible)
                    .map(e => { const r = e.getBoundingRect().clone(); const m = e.getComputedTransform(); if (m) { r.applyTransform(m); } return { text: e.style.text, x: r.x, y: r.y, width: r.width, height: r.height }; });
            }
            """);
        var box = (await page.Locator("#chart").BoundingBoxAsync())!;
        var legend = texts.Where(t => t.Text is "本年新收" or "每百件申请的复议").ToList();
        var names = texts.Where(t => t.Text.StartsWith("示例市", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, legend.Count);
        Assert.NotEmpty(names);
        Assert.All(names.Concat(legend), t => Assert.True(t.Y >= -1 && t.Y + t.Height <= box.Height + 1 && t.X >= -1 && t.X + t.Width <= box.Width + 1, $"“{t.Text}” outside the chart: {t}"));
        Assert.All(legend, l => Assert.All(names, n => Assert.False(l.Overlaps(n), $"legend “{l.Text}” over “{n.Text}”")));
        await BrowserFixture.Shot(page, "supervise-compare");
    });

    /// <summary>A text the chart drew, in the chart's pixels (settable: Playwright fills it from the page's JSON).</summary>
    public sealed class ChartText
    {
        public string Text { get; set; } = string.Empty;

        public double X { get; set; }

        public double Y { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }

        public bool Overlaps(ChartText other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;

        public override string ToString() => $"{Text} ({X:0},{Y:0} {Width:0}×{Height:0})";
    }

    /// <summary>The computed colour of the first element matching <paramref name="selector"/> and the nearest background behind it.</summary>
    private static async Task<(string Colour, string Background)> Colours(IPage page, string selector)
    {
        var pair = await page.Locator(selector).First.EvaluateAsync<string[]>(
            """
            e => {
                let b = e;
                while (b && getComputedStyle(b).backgroundColor === 'rgba(0, 0, 0, 0)') { b = b.parentElement; }
                return [getComputedStyle(e).color, b ? getComputedStyle(b).backgroundColor : 'rgb(255, 255, 255)'];
            }
            """);
        return (pair[0], pair[1]);
    }

    /// <summary>A department's report as a web page, and a new agency's as text with one cell dropped (an uncertain reading).</summary>
    private static void WriteReports(string folder)
    {
        var housing = RandomReports.Create(21, ReportEdition.Edition2021);
        housing.Agency = "示例市住房和城乡建设局";
        housing.Year = LastYear;
        File.WriteAllText(Path.Combine(folder, "housing.html"), ReportRenderer.RenderToString(housing, RenderFormat.Html));
        var water = RandomReports.Create(22, ReportEdition.Edition2021);
        water.Agency = "示例市水务局";
        water.Year = LastYear;
        var lines = ReportRenderer.RenderToString(water, RenderFormat.Text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split('\t');
            var at = Array.IndexOf(cells, "（一）予以公开");
            if (at >= 0)
            {
                lines[i] = string.Join('\t', cells.Where((_, n) => n != at + 3));
            }
        }

        File.WriteAllText(Path.Combine(folder, "water.txt"), string.Join('\n', lines), Encoding.UTF8);
    }
}
