using System.Net;
using System.Net.Http.Json;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 9: a PostgreSQL restart (every connection dropped) is retried, not answered with 500.</summary>
public sealed class ResilienceTests
{
    [Theory]
    [Databases("postgres")]
    public async Task ConnectionsDropped_NextRequestsRetriedAndAnswered(string provider)
    {
        var (factory, postgres) = DatabasesAttribute.Factory(provider);
        using var database = postgres!;
        using var _ = factory;
        using var client = factory.CreateClient();
        // Warm the pool: the requests below reuse connections the server is about to drop.
        var warm = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/applications/DEMO-20260101-100000/status?code=X")));
        Assert.All(warm, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));

        database.TerminateConnections();
        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/applications/DEMO-20260101-100000/status?code=X"))
            .Append(client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm)));

        Assert.All(after, r => Assert.True((int)r.StatusCode < 500, r.StatusCode.ToString()));
        using var scope = factory.Services.CreateScope();
        Assert.True(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
