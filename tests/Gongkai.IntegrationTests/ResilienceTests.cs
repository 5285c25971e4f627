using System.Text;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.Testing;
using Gongkai.UseCases.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Issue 11 item 9: on PostgreSQL a transient failure (a restarted server, a dropped connection) is retried by the
/// execution strategy, and the explicit transactions the code opens run inside it — EF refuses a user transaction
/// under a retrying strategy otherwise, and a batch retried outside one could be half-written.
/// </summary>
public sealed class ResilienceTests
{
    private static readonly FixedTime Time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ExplicitTransactions_AfterEveryConnectionWasDropped_RetriedAndWrittenOnce(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Assert.Equal(provider == "postgres", db.Database.CreateExecutionStrategy().RetriesOnFailure);
        var store = new CaseStore(db);
        store.AddAgency("T1", "测试局");

        // CaseStore.AddRange: applications and their histories in one user transaction.
        database.TerminateConnections();
        store.AddRange([DisclosureApplication.Receive(Guid.NewGuid(), "T1", "T1-20261130-000001", new Applicant(ApplicantCategory.NaturalPerson, "李四", "110101199001011237", "13900000000"),
            "某某文件", "邮寄", ReceiptChannel.InPerson, new DateOnly(2026, 11, 30), Time.GetUtcNow(), "clerk")]);

        // CatalogueImport: each batch of rows in one transaction on the raw connection.
        database.TerminateConnections();
        var report = await new CatalogueImport(db, Time, new AuditLog(db, Time)).RunAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("索引号,信息名称,文号,类别,成文日期,发布日期,废止日期\nT1/2024-00001,关于开展工作的通知,,其他,2024-01-02,2024-01-05,\n")), "c.csv", "T1", "tester");

        Assert.Null(report.Problem);
        Assert.Single(report.ImportedRows);
        using var check = database.Open();
        Assert.Equal(1, await check.Applications.CountAsync());
        Assert.Equal(1, await check.Set<RegistryDocumentRow>().CountAsync());
    }
}
