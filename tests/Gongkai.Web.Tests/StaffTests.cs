using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

public sealed partial class StaffTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/logout")]
    public async Task StaffPage_Anonymous_RedirectedToLogin(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_RightPassword_QueueSortedByDueDateWithFlags()
    {
        using var client = factory.CreateClient();

        var response = await SignIn(client, "clerk", GongkaiFactory.DemoPassword);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("待办申请", page, StringComparison.Ordinal);
        Assert.Contains("办理人员（演示）", page, StringComparison.Ordinal);
        var dues = DueRegex().Matches(page).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(dues);
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
        Assert.Matches("id=\"overdue\">\\d+<", page);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_DelayedEvenWithTheRightOne()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("用户名或密码不正确", await (await SignIn(client, "admin", "wrong" + i)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var delayed = await SignIn(client, "admin", GongkaiFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, delayed.StatusCode);
        Assert.NotNull(delayed.Headers.RetryAfter);
        Assert.Contains("登录失败次数过多", await delayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Refused()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = GongkaiFactory.DemoPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/staff/login");
        var token = StaffSession.TokenRegex().Match(form).Groups[1].Value;
        return await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UserName"] = user,
            ["Password"] = password,
        }));
    }


    [GeneratedRegex("<td>(\\d{4}-\\d{2}-\\d{2})</td>\\s*<td(?: class=\"nowrap\")?>(?:<span[^>]*>[^<]*</span>)?</td>")]
    private static partial Regex DueRegex();
}
