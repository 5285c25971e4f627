using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>A restart (or a redeployment on the same data directory) keeps officers signed in and access codes valid.</summary>
public sealed partial class RestartTests
{
    [Fact]
    public async Task AfterARestart_SignedInOfficerStaysSignedIn_AndIssuedAccessCodesStillWork()
    {
        string directory;
        string authCookie;
        string tracking;
        string code;
        using (var before = new GongkaiFactory { KeepData = true })
        {
            directory = before.DataDirectory;
            using var client = before.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            authCookie = await SignIn(client);
            var created = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            tracking = receipt.RootElement.GetProperty("trackingNumber").GetString()!;
            code = receipt.RootElement.GetProperty("accessCode").GetString()!;
        }

        try
        {
            using var after = GongkaiFactory.RestartOn(directory);
            using var client = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

            using var queue = new HttpRequestMessage(HttpMethod.Get, "/staff");
            queue.Headers.Add("Cookie", authCookie);
            var staff = await client.SendAsync(queue);
            var status = await client.GetAsync($"/api/applications/{tracking}/status?code={code}");

            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
            Assert.Contains("待办申请", await staff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.True(File.Exists(Path.Combine(directory, "access-code.secret")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(directory, "keys"), "key-*.xml"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(directory, "keys")));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Signs in as the clerk without a cookie container; returns the authentication cookie as a Cookie header value.</summary>
    private static async Task<string> SignIn(HttpClient client)
    {
        var form = await client.GetAsync("/staff/login");
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = StaffSession.TokenRegex().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/staff/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["UserName"] = "clerk",
                ["Password"] = GongkaiFactory.DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

}
