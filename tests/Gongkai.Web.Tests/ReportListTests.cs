namespace Gongkai.Web.Tests;

/// <summary>The portal's 年报专栏 on the demo city: every agency's published report, grouped by year and level, filtered without JavaScript.</summary>
public sealed class ReportListTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
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
}
