using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

public sealed partial class PortalTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task ApplyForm_WithoutAntiforgeryToken_Refused()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/apply", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "王五" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page", 404, "页面不存在")]
    [InlineData("/reports/NOPE/2025", 404, "页面不存在")]
    public async Task BrowserErrors_ChinesePage_StatusKept(string url, int status, string title)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("政府信息公开指南", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyForm_WithoutAntiforgeryToken_RefusedWithAChinesePage()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/apply", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "王五" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>请求有误</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyForm_ThenStatusPage_ShowsStateDueDateAndTimeline()
    {
        using var client = factory.CreateClient();
        var form = await client.GetStringAsync("/agencies/DEMO/apply");
        var token = StaffSession.TokenRegex().Match(form).Groups[1].Value;

        var applied = await client.PostAsync("/agencies/DEMO/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = "赵六",
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "zhao@example.com",
            ["Form.Request"] = "本镇2025年低保审核标准",
            ["Form.DeliveryForm"] = "电子文档",
            ["Form.DeliveryChannel"] = "电子邮件",
        }));
        var page = await applied.Content.ReadAsStringAsync();
        var number = NumberRegex().Match(page).Groups[1].Value;
        var code = CodeRegex().Match(page).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.StartsWith("DEMO-", number, StringComparison.Ordinal);

        var statusForm = await client.GetStringAsync("/status");
        var statusToken = StaffSession.TokenRegex().Match(statusForm).Groups[1].Value;
        var status = await client.PostAsync("/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = statusToken,
            ["Number"] = number,
            ["Code"] = code,
        }));
        var wrong = await client.PostAsync("/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = statusToken,
            ["Number"] = number,
            ["Code"] = "WRONG123",
        }));

        var statusPage = await status.Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"state\">办理中</span>", statusPage, StringComparison.Ordinal);
        Assert.Contains("起算：", statusPage, StringComparison.Ordinal);
        Assert.DoesNotContain("赵六", statusPage, StringComparison.Ordinal);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("受理编号或查询码不正确", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain("办理中", wrongPage, StringComparison.Ordinal);
    }


    [GeneratedRegex("id=\"tracking\">([^<]+)<")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("id=\"code\">([^<]+)<")]
    private static partial Regex CodeRegex();
}
