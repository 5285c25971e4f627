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
