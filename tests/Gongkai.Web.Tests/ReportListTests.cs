using System.Text.RegularExpressions;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>The portal's 年报专栏 on the demo city: every agency's published report, grouped by year and level, filtered without JavaScript.</summary>
public sealed partial class ReportListTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    [Fact]
    public async Task List_Anonymous_GroupedByYearThenLevel()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/reports");

        var thisYear = html.IndexOf($"id=\"year-{LastYear}\"", StringComparison.Ordinal);
        var yearBefore = html.IndexOf($"id=\"year-{LastYear - 1}\"", StringComparison.Ordinal);
        Assert.True(thisYear >= 0 && yearBefore > thisYear, "both years, newest first");
        var city = html.IndexOf($"id=\"year-{LastYear}-city\"", StringComparison.Ordinal);
        var county = html.IndexOf($"id=\"year-{LastYear}-county\"", StringComparison.Ordinal);
        Assert.True(city > thisYear && county > city && county < yearBefore, "the city's departments, then the districts, within the year");
        var districts = html[county..yearBefore];
        Assert.Contains($"/reports/DEMO-DQ/{LastYear}", districts, StringComparison.Ordinal);
        Assert.DoesNotContain("/reports/DEMO-FGW/", districts, StringComparison.Ordinal);
        Assert.Contains($"/reports/DEMO-FGW/{LastYear}", html[city..county], StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/reports\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A visual sweep (2 December): an agency's published report (and an item of its catalogue) carried the installation's
    /// banner and footer, where its guide and its list of reports carry the agency's. Now every public page of one agency
    /// has the same banner and footer as its guide.
    /// </summary>
    [Fact]
    public async Task PublishedReportAndCatalogueItem_CarryTheAgencysBannerAndFooter_AsItsGuide()
    {
        using var client = factory.CreateClient();
        long item;
        string itemAgency;
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            var published = db.Set<Persistence.Registry.RegistryDocumentRow>().AsNoTracking()
                .Where(d => d.PublishedOn != null && d.AgencyCode != "DEMO").OrderBy(d => d.Id).Select(d => new { d.Id, d.AgencyCode }).First();
            (item, itemAgency) = (published.Id, published.AgencyCode);
        }

        static string Chrome(string html) =>
            BannerRegex().Match(html).Value + "|" + FooterRegex().Match(html).Value;

        var guide = Chrome(await client.GetStringAsync("/agencies/DEMO-GAJ"));
        Assert.Contains("id=\"banner\"><a href=\"/agencies/DEMO-GAJ\">示例市公安局</a>", guide, StringComparison.Ordinal);
        Assert.Equal(guide, Chrome(await client.GetStringAsync($"/reports/DEMO-GAJ/{LastYear}")));
        Assert.Equal(guide, Chrome(await client.GetStringAsync($"/reports/DEMO-GAJ/{LastYear}/v1")));
        Assert.Equal(guide, Chrome(await client.GetStringAsync("/reports?agency=DEMO-GAJ")));

        var itemGuide = Chrome(await client.GetStringAsync($"/agencies/{itemAgency}"));
        Assert.Contains($"<a href=\"/agencies/{itemAgency}\">", itemGuide, StringComparison.Ordinal);
        Assert.Equal(itemGuide, Chrome(await client.GetStringAsync($"/catalogue/{item}")));
        Assert.Equal(itemGuide, Chrome(await client.GetStringAsync($"/catalogue?agency={itemAgency}")));
    }

    [Fact]
    public async Task List_YearAndLevelChosen_OnlyThoseShownAndSelected()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/reports?year={LastYear}&level=county");

        Assert.Contains($"/reports/DEMO-DQ/{LastYear}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/reports/DEMO-FGW/", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/reports/DEMO-DQ/{LastYear - 1}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"year-{LastYear - 1}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{LastYear}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"county\" selected=\"selected\">", html, StringComparison.Ordinal);
        var none = await client.GetStringAsync("/reports?year=1990");
        Assert.Contains("没有符合条件的年度报告", none, StringComparison.Ordinal);
    }

    [GeneratedRegex("<div class=\"banner\" id=\"banner\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex BannerRegex();

    [GeneratedRegex("<footer id=\"site-footer\">.*?</footer>", RegexOptions.Singleline)]
    private static partial Regex FooterRegex();
}
