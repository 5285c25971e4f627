using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>
/// Every link of the header's menu opens for the role that sees it (a visual sweep, 2 December: the sysadmin's 指南与设置
/// answered 404 and 操作日志 403, a clerk's 操作日志 403, on every page).
/// </summary>
public sealed partial class MenuLinksTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("sysadmin")]
    [InlineData("jyj.clerk")]
    public async Task Menu_EveryLinkTheRoleSees_Opens(string user)
    {
        using var session = await StaffSession.SignIn(factory, user);
        var page = await session.Client.GetStringAsync("/staff/password");
        var header = page[..page.IndexOf("</header>", StringComparison.Ordinal)];

        var links = HrefRegex().Matches(header).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var response = await session.Client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {link} answered {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("<a href=\"(/staff[^\"]*)\"")]
    private static partial Regex HrefRegex();
}
