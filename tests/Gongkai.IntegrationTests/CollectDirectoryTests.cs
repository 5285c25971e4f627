using Gongkai.Domain.Organisation;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;

namespace Gongkai.IntegrationTests;

/// <summary>
/// A collect lists the agencies once and again only when one was added: an agency an administrator adds while a collect
/// runs is found by the batches after it, not made a second time as a 其他 agency of the same name.
/// </summary>
public sealed class CollectDirectoryTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static CollectReports.SourceFile Text(string name, string agency, int seed) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(RandomReports.Create(seed, agency, 2025), RenderFormat.Text)));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task AgencyAddedBetweenBatches_FoundByTheNextBatch(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        using var admin = database.Open();
        Assert.Null(await new AgencyDirectory(db).AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await new AgencyDirectory(db).AddAsync("CITY-JT", "示例市交通运输局", "CITY"));
        // The first batch: 交通运输局 (no agency made, so nothing this collect does changes the list); the second: the one the
        // administrator adds meanwhile.
        var files = Enumerable.Range(0, CollectReports.BatchSize).Select(i => Text($"jt-{i:D3}.txt", "示例市交通运输局", i))
            .Append(Text("sw.txt", "示例市水务局", 501))
            .ToList();
        var batches = new List<IReadOnlyList<CollectOutcome>>();

        var error = await new CollectReports(db, Now).CollectAsync("CITY", files, null, "督查员", null, async (outcomes, token) =>
        {
            batches.Add(outcomes);
            if (batches.Count == 1)
            {
                Assert.Null(await new AgencyDirectory(admin).AddAsync("CITY-SW", "示例市水务局", "CITY", cancellationToken: token));
            }
        });

        Assert.Null(error);
        Assert.Equal(2, batches.Count);
        Assert.All(batches[0], o => Assert.Equal("CITY-JT", o.AgencyCode));
        Assert.Equal((CollectStatus.Filed, "CITY-SW"), (batches[1].Single().Status, batches[1].Single().AgencyCode));
    }
}
