using System.Net;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 3: two officers act on one case at once — the loser gets 409, never 500, and is audited.</summary>
public sealed class ConcurrentActionTests
{
    private const int Rounds = 50;

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task TwoOfficers_SameCaseAtOnce_OneDoneOneConflictNoServerError(string provider)
    {
        var (factory, postgres) = DatabasesAttribute.Factory(provider);
        using var database = postgres;
        using var _ = factory;
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        var serverErrors = 0;
        var conflicts = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (url, tracking) = await clerk.RegisterCase();
            var version = StaffSession.Version(await clerk.Client.GetStringAsync(url));
            var responses = await Task.WhenAll(
                clerk.Act(url, "StartConsultation", new() { ["Text"] = "第三方甲" }, version),
                head.Act(url, "StartConsultation", new() { ["Text"] = "第三方乙" }, version));
            serverErrors += responses.Count(r => (int)r.StatusCode >= 500);
            var codes = responses.Select(r => r.StatusCode).Order().ToArray();
            Assert.True(codes.SequenceEqual([HttpStatusCode.Redirect, HttpStatusCode.Conflict]), $"round {round}: {string.Join(", ", codes)}");
            conflicts++;

            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var trail = await db.Audit.AsNoTracking().Where(a => a.Target == tracking && a.Action.StartsWith("case.")).Select(a => a.Detail).ToListAsync();
            Assert.Single(trail, d => d.StartsWith("完成：", StringComparison.Ordinal));
            Assert.Single(trail, d => d.StartsWith("冲突：", StringComparison.Ordinal));
        }

        Assert.Equal(0, serverErrors);
        Assert.Equal(Rounds, conflicts);
    }
}
