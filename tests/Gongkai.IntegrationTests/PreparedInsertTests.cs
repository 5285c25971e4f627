using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>The prepared insert of a collect batch writes, on both providers, exactly the rows SaveChanges writes.</summary>
public sealed class PreparedInsertTests
{
    private static CollectedReportRow Row(string note, int number = 1) => new()
    {
        SourceId = 7,
        AgencyCode = "CITY-EDU",
        Year = 2025,
        Number = number,
        Current = true,
        Json = """{"agency":"示例市教育局","note":"引号 ' 和 \" 都在"}""",
        DiagnosticsJson = "[]",
        Note = note,
        PublishedOn = new DateOnly(2026, 2, 3),
        Late = true,
        Errors = 1,
        Warnings = 2,
        Uncertain = 3,
        Score = 61,
        CreatedAtUtcTicks = new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero).UtcTicks,
        CreatedBy = "督查员",
    };

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task InsertAsync_RowsAndKeys_SameAsSaveChanges(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var saved = Row("由 SaveChanges 写入");
        db.CollectedReports.Add(saved);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var prepared = new List<CollectedReportRow> { Row("由 PreparedInsert 写入", 2), Row("第二行", 3) };
        prepared[1].PublishedOn = null;
        prepared[1].Late = false;
        var source = new CollectedSourceRow { FileName = "a.pdf", Sha256 = "ab", Bytes = [0, 1, 2, 255], CollectedAtUtcTicks = 5, CollectedBy = "x" };

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await PreparedInsert.InsertAsync(db, prepared);
            await PreparedInsert.InsertAsync(db, [source]);
            await transaction.CommitAsync();
        }

        var stored = await db.CollectedReports.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([saved.Id, prepared[0].Id, prepared[1].Id], stored.Select(r => r.Id));
        Assert.True(prepared[0].Id > saved.Id && prepared[1].Id > prepared[0].Id);
        Assert.Equivalent(saved, stored[0]);
        Assert.Equivalent(prepared[0], stored[1]);
        Assert.Equivalent(prepared[1], stored[2]);
        Assert.Null(stored[2].PublishedOn);
        Assert.Equal([0, 1, 2, 255], (await db.CollectedSources.AsNoTracking().SingleAsync(s => s.Id == source.Id)).Bytes);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task InsertAsync_ReadOnlyScopeOrNoTransaction_Refused(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => PreparedInsert.InsertAsync(db, [Row("无事务")]));
        db.Scope = new FixedAgencyScope("CITY", ReadOnly: true);
        await using (await db.Database.BeginTransactionAsync())
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PreparedInsert.InsertAsync(db, [Row("只读")]));
            Assert.Contains("只读范围内不能修改数据", refused.Message, StringComparison.Ordinal);
        }

        db.Scope = null;
        Assert.Equal(0, await db.CollectedReports.CountAsync());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task InsertAsync_UniqueIndexViolated_DbUpdateExceptionAsSaveChanges(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        ReportSummaryRow Summary() => new() { AgencyCode = "CITY-EDU", Year = 2025, Source = ReportSummaryRow.Collected, SourceId = 1, Edition = "2021" };

        await using var transaction = await db.Database.BeginTransactionAsync();
        await PreparedInsert.InsertAsync(db, [Summary()]);
        await Assert.ThrowsAsync<DbUpdateException>(() => PreparedInsert.InsertAsync(db, [Summary()]));
    }
}
