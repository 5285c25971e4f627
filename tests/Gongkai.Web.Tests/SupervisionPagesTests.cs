using System.Net;
using System.Text.Json;
using Gongkai.Domain.Reports;

namespace Gongkai.Web.Tests;

/// <summary>
/// What a supervisor reads on the workspace's pages: the filters' labels with their lists, the comparison's headers and
/// its empty year.
/// </summary>
public sealed partial class SupervisionWebTests
{
    [Fact]
    public async Task Filters_EachLabelInOneBlockWithItsList()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        foreach (var page in new[] { "", "/rollup", "/compare", "/reminders", "/collect" })
        {
            var html = await session.Client.GetStringAsync($"/staff/supervise{page}?year={LastYear}");
            foreach (var field in new[] { "year", "level", "kind" })
            {
                Assert.Matches($"<div>\\s*<label for=\"{field}\">[^<]+</label>\\s*<select id=\"{field}\" name=\"{field}\">", html);
            }

            Assert.Contains("<nav class=\"subnav\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Compare_OutcomeHeadersShort_FullLabelInTitle_YearWithoutReports_SaysNoData()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var empty = 0;
        for (var year = 2019; year <= LastYear && empty == 0; year++)
        {
            using var overview = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{year}"));
            if (!overview.RootElement.GetProperty("agencies").EnumerateArray().Any(a => a.GetProperty("status").GetString() is "已发布" or "已收集"))
            {
                empty = year;
            }
        }

        var withData = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/staff/supervise/compare?year={LastYear}"));
        var none = await session.Client.GetStringAsync($"/staff/supervise/compare?year={empty}");

        var partly = ReportSchema.Edition2021.ApplicationRows.SelectMany(r => r.Children).Single(r => r.Label.StartsWith("（二）部分公开（", StringComparison.Ordinal)).Label;
        Assert.Contains($"<th scope=\"col\" title=\"{partly}\">（二）部分公开</th>", withData, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">示例市公安局</th>", withData, StringComparison.Ordinal);
        Assert.NotEqual(0, empty);
        Assert.Contains("id=\"no-data\"", none, StringComparison.Ordinal);
        Assert.Contains("暂无数据", none, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"peers\"", none, StringComparison.Ordinal);
    }
}
