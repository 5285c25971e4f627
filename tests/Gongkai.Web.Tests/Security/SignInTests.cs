using System.Diagnostics;
using System.Net;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 7: no timing oracle, at most five passwords checked however parallel, delays not locks.</summary>
public sealed class SignInTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly GongkaiFactory _factory;

    public SignInTests()
    {
        var clock = _clock;
        _factory = new GongkaiFactory { ExtraServices = services => services.AddSingleton<TimeProvider>(clock) };
    }

    [Fact]
    public async Task UnknownUser_CostsAHashLikeAKnownOne_SameMessage()
    {
        using var client = _factory.CreateClient();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                var (ms, text) = await Timed(client, "clerk", "wrong" + i);
                known.Add(ms);
                Assert.Contains("用户名或密码不正确", text, StringComparison.Ordinal);
                (ms, text) = await Timed(client, "nobody" + i, "wrong" + i);
                unknown.Add(ms);
                Assert.Contains("用户名或密码不正确", text, StringComparison.Ordinal);
            }

            // The right password resets the count before the delays begin.
            await Timed(client, "clerk", GongkaiFactory.DemoPassword);
        }

        // Before: 1.1 ms unknown vs 41.5 ms known. Now both include one PBKDF2 hash.
        Assert.True(Median(unknown) > Median(known) * 0.5, $"unknown {Median(unknown):0.0} ms, known {Median(known):0.0} ms");
    }

    [Fact]
    public async Task FortyParallelGuesses_AtMostFivePasswordsChecked_Rest429()
    {
        using var client = _factory.CreateClient();
        var page = await client.GetStringAsync("/staff/login");
        var token = StaffSession.TokenRegex().Match(page).Groups[1].Value;

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.PostAsync("/staff/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["UserName"] = "head", ["Password"] = "guess" + i }))));

        var checkedPasswords = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(checkedPasswords, 1, StaffSignInFree);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.NotNull(r.Headers.RetryAfter);
        });
        using var scope = _factory.Services.CreateScope();
        var failures = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().StaffUsers.Where(u => u.UserName == "head").Select(u => u.FailedAttempts).SingleAsync();
        Assert.Equal(checkedPasswords, failures);
    }

    [Fact]
    public async Task Delay_Passes_RightPasswordWorksAgain_NotLockedIndefinitely()
    {
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < StaffSignInFree; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(client, "admin", "wrong" + i)).StatusCode);
        }

        var delayed = await Post(client, "admin", GongkaiFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, delayed.StatusCode);
        var wait = delayed.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));

        _clock.Advance(wait + TimeSpan.FromSeconds(1));
        var signedIn = await Post(client, "admin", GongkaiFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public void Delays_Increase_AndAreCapped()
    {
        var delays = Enumerable.Range(0, 20).Select(Gongkai.Web.Hosting.Security.StaffSignIn.Delay).ToArray();

        Assert.All(delays.Take(StaffSignInFree), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(TimeSpan.FromSeconds(15), delays[StaffSignInFree]);
        Assert.Equal(TimeSpan.FromSeconds(30), delays[StaffSignInFree + 1]);
        Assert.Equal(TimeSpan.FromMinutes(15), delays[^1]);
        Assert.Equal(delays.Order(), delays);
    }

    private const int StaffSignInFree = Gongkai.Web.Hosting.Security.StaffSignIn.FreeFailures;

    private static async Task<HttpResponseMessage> Post(HttpClient client, string user, string password)
    {
        var page = await client.GetStringAsync("/staff/login");
        return await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["UserName"] = user,
            ["Password"] = password,
        }));
    }

    private static async Task<(double Ms, string Text)> Timed(HttpClient client, string user, string password)
    {
        var page = await client.GetStringAsync("/staff/login");
        var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["UserName"] = user,
            ["Password"] = password,
        });
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/staff/login", content);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return (elapsed, await response.Content.ReadAsStringAsync());
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public void Dispose() => _factory.Dispose();
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
