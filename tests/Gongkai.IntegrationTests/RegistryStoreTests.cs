using System.Text;
using Gongkai.Domain.Registry;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Registry;
using Gongkai.UseCases.Reports;

namespace Gongkai.IntegrationTests;

/// <summary>The registry on both providers: review steps with optimistic concurrency, imports, table 二 counting, the search index rebuilt from the database.</summary>
public sealed class RegistryStoreTests
{
    private static readonly TimeProvider Time = new FixedClock(new DateTimeOffset(2025, 6, 16, 2, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static void Seed(GongkaiDbContext db) => new CaseStore(db).AddAgency("T1", "测试局");

    private static Task<CatalogueImport.Report> ImportAsync(GongkaiDbContext db, string csv) =>
        new CatalogueImport(db, Time, new AuditLog(db, Time)).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "c.csv", "T1", "tester");

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Review_FullChain_PublishesAndRepealsTheOlderDocument_StaleVersionConflicts(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        await ImportAsync(db, "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期\nT1/2020-00001,旧办法,旧1号,行政规范性文件,2020-01-02,2020-01-06,\n");
        var oldId = db.Set<RegistryDocumentRow>().Single().Id;
        var options = new RegistryOptions();
        var docs = new RegistryDocuments(db, options, Time, new AuditLog(db, Time));
        var (id, problem) = await docs.CreateAsync("T1", "clerk", new DraftForm { Title = "新办法", FormedOn = new DateOnly(2025, 6, 10), RepealsIndex = "T1/2020-00001" });
        Assert.Null(problem);
        var actions = new ReviewActions(db, Time, new AuditLog(db, Time));

        Assert.Equal(ReviewActions.Status.Done, (await actions.RunAsync(id!.Value, 1, ReviewAction.Submit, null, "clerk", "T1", false)).Status);
        Assert.Equal(ReviewActions.Status.Refused, (await actions.RunAsync(id.Value, 2, ReviewAction.ConfirmAttribute, null, "clerk", "T1", false)).Status);
        Assert.Equal(ReviewActions.Status.Done, (await actions.RunAsync(id.Value, 2, ReviewAction.ConfirmAttribute, null, "clerk2", "T1", false)).Status);
        Assert.Equal(ReviewActions.Status.Conflict, (await actions.RunAsync(id.Value, 2, ReviewAction.ClearSecrecy, null, "head", "T1", true)).Status);
        Assert.Equal(ReviewActions.Status.Done, (await actions.RunAsync(id.Value, 3, ReviewAction.ClearSecrecy, null, "head", "T1", true)).Status);
        Assert.Equal(ReviewActions.Status.NotFound, (await actions.RunAsync(id.Value, 4, ReviewAction.Approve, null, "head", "OTHER", true)).Status);
        Assert.Equal(ReviewActions.Status.Done, (await actions.RunAsync(id.Value, 4, ReviewAction.Approve, "同意", "head", "T1", true)).Status);

        var details = (await docs.GetAsync(id.Value, "T1"))!;
        Assert.Equal(ReviewState.Published, (ReviewState)details.Document.State);
        Assert.Equal(new DateOnly(2025, 6, 16), details.Document.PublishedOn);
        Assert.Equal("T1/2025-00001", details.Document.IndexNumber);
        Assert.Equal(4, details.Steps.Count);
        var old = (await docs.GetAsync(oldId, "T1"))!;
        Assert.Equal(Validity.Repealed, (Validity)old.Document.Validity);
        Assert.Equal(new DateOnly(2025, 6, 16), old.Document.RepealedOn);
        Assert.Single(old.AmendedOrRepealedBy);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task TableTwo_CountsByTheDocumentedRules_ExpiredOptional_DrillDownMatches(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        var report = await ImportAsync(db, string.Join("\n",
            "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期,有效性,失效日期",
            "A1,规章一,,规章,2023-12-20,2024-01-05,,,",
            "A2,规范一,,行政规范性文件,2024-03-01,2024-03-05,,,",
            "A3,规范二（本年废止）,,行政规范性文件,2022-03-01,2022-03-05,2024-08-01,,",
            "A4,规范三（本年失效）,,行政规范性文件,2022-03-01,2022-03-05,,失效,2024-12-31",
            "A5,规范四（明年废止）,,行政规范性文件,2023-03-01,2023-03-05,2025-01-01,,",
            "A6,规范五（明年发布）,,行政规范性文件,2024-12-20,2025-01-03,,,",
            "A7,规范六,,规范性文件,2024年5月1日,2024年5月6日,,已修改,"));
        Assert.Empty(report.RefusedRows);

        var annual = (await new GenerateAnnualReport(db).RunAsync("T1", 2024))!;
        decimal Cell(string key) => annual.GetProactive(key).Number;
        Assert.Equal(1, Cell("proactive.art20_1.regulations.issued"));
        Assert.Equal(1, Cell("proactive.art20_1.regulations.in_force"));
        Assert.Equal(0, Cell("proactive.art20_1.regulations.repealed"));
        Assert.Equal(2, Cell("proactive.art20_1.normative_docs.issued"));
        Assert.Equal(2, Cell("proactive.art20_1.normative_docs.repealed"));
        Assert.Equal(3, Cell("proactive.art20_1.normative_docs.in_force"));

        var noExpiry = new RegistryTableTwo(db, TableTwoCounting.Default with { ExpiredCountsAsRepealed = false, IssuedBy = TableTwoCounting.IssuedDate.Formed });
        Assert.Equal(["规范二（本年废止）"], noExpiry.Query("T1", 2024, "proactive.art20_1.normative_docs.repealed")!.Select(d => d.Title).ToList());
        Assert.Equal(3, noExpiry.Query("T1", 2024, "proactive.art20_1.normative_docs.issued")!.Count());
        Assert.Equal(
            ["规范一", "规范六", "规范四（明年废止）"],
            new RegistryTableTwo(db).Query("T1", 2024, "proactive.art20_1.normative_docs.in_force")!.Select(d => d.Title).ToList().Order(StringComparer.Ordinal).ToList());
        Assert.Null(new RegistryTableTwo(db).Query("T1", 2024, "proactive.art20_5.licensing.decisions"));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Workspace_RegistryCellsWinOverTheDraft_OthersStayTyped(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        await ImportAsync(db, "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期\nB1,规章,,规章,2024-01-02,2024-01-05,\n");
        var workspace = new ReportWorkspace(db, Time);
        await workspace.SaveDraftAsync("T1", 2024, new Dictionary<string, string?>
        {
            ["proactive.art20_1.regulations.issued"] = "9",
            ["proactive.art20_5.licensing.decisions"] = "12",
        }, new Dictionary<string, string?>(), 0, "clerk");

        var opened = (await workspace.OpenAsync("T1", 2024))!;

        Assert.Equal(1, opened.Report.GetProactive("proactive.art20_1.regulations.issued").Number);
        Assert.Equal(12, opened.Report.GetProactive("proactive.art20_5.licensing.decisions").Number);
        Assert.Contains("proactive.art20_1.regulations.issued", opened.RegistryKeys);
        Assert.DoesNotContain("proactive.art20_5.licensing.decisions", opened.RegistryKeys);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task SearchIndex_RebuiltFromTheDatabase_FindsAttachmentText(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        await ImportAsync(db, "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期,正文\nC1,关于开展工作的通知,,其他,2024-01-02,2024-01-05,,推进垃圾分类工作\nC2,会议纪要,,其他,2024-01-02,2024-01-05,,\n");
        var c2 = db.Set<RegistryDocumentRow>().Single(d => d.IndexNumber == "C2").Id;
        db.Set<RegistryAttachmentRow>().Add(new RegistryAttachmentRow { DocumentId = c2, FileName = "a.txt", ContentType = "text/plain", Sha256 = new string('0', 64), Text = "附件：红树林保护区名录" });
        db.SaveChanges();
        var directory = Path.Combine(Path.GetTempPath(), "gongkai-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = new RegistrySearchIndex(directory, Time))
            {
                Assert.True(await index.EnsureFreshAsync(db));
                Assert.Equal([c2], index.Search("红树林").Ids);
                Assert.Equal(1, index.Search("垃圾分类").Total);
                Assert.Equal(0, index.Search("，。！").Total);
                Assert.Equal(0, index.Search("红树林", agency: "OTHER").Total);
            }

            // A restart on the same directory finds the index as left (same count: no rebuild).
            using var again = new RegistrySearchIndex(directory, Time);
            Assert.False(await again.EnsureFreshAsync(db));
            Assert.Equal(2, again.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
