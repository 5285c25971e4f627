using System.Net;
using System.Text.Json;

namespace Gongkai.Web.Tests;

/// <summary>The roll-up's traceability over the API, apart from the overview whose JSON shape is a contract.</summary>
public sealed partial class SupervisionWebTests
{
    [Fact]
    public async Task Contributions_OneCell_AgenciesAddUpToTheRollupFigure()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        const string cell = "三/apps.new_received/total";

        using var overview = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{LastYear}"));
        using var doc = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{LastYear}/contributions?cell={Uri.EscapeDataString(cell)}"));
        var bad = await session.Client.GetAsync($"/api/supervise/DEMO/{LastYear}/contributions?cell=five");
        // Of the right form but no cell of either layout: a 400, not a figure of 0 nobody gave.
        var unknown = await session.Client.GetAsync($"/api/supervise/DEMO/{LastYear}/contributions?cell={Uri.EscapeDataString("三/nope.row/total")}");
        var outside = await session.Client.GetAsync($"/api/supervise/NOWHERE/{LastYear}/contributions");

        var figure = doc.RootElement.GetProperty("cells").GetProperty(cell);
        var list = figure.GetProperty("contributions").EnumerateArray().ToList();
        var rolled = overview.RootElement.GetProperty("rollup").GetProperty("applications").GetProperty("apps.new_received").GetProperty("total").GetDecimal();
        Assert.True(list.Count >= 9, $"{list.Count} contributors");
        Assert.Equal(list.Sum(c => c.GetProperty("value").GetDecimal()), figure.GetProperty("total").GetDecimal());
        Assert.Contains(list, c => c.GetProperty("agency").GetString() == "示例市教育局");
        Assert.All(list, c => Assert.StartsWith("DEMO", c.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Equal(rolled, figure.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    /// <summary>A year the pages do not offer is a 400, not a 500 (-1, 9999, int.MaxValue) nor every agency late (1800).</summary>
    [Theory]
    [InlineData("-1")]
    [InlineData("1800")]
    [InlineData("2018")]
    [InlineData("9999")]
    [InlineData("2147483647")]
    public async Task Api_YearNotOffered_BadRequest(string year)
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var overview = await session.Client.GetAsync($"/api/supervise/DEMO/{year}");
        var contributions = await session.Client.GetAsync($"/api/supervise/DEMO/{year}/contributions");
        var thisYear = await session.Client.GetAsync($"/api/supervise/DEMO/{LastYear + 1}");

        Assert.Equal(HttpStatusCode.BadRequest, overview.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, contributions.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, thisYear.StatusCode);
        Assert.Contains("年度无效", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
