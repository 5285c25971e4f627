using System.Text;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Registry attachments on both providers: the browser's file name is cleaned before it is stored (NUL made PostgreSQL
/// refuse the row), and a row the database refuses leaves no file behind.
/// </summary>
public sealed class RegistryAttachmentTests : IDisposable
{
    private static readonly TimeProvider Time = TimeProvider.System;

    private readonly string _files = Path.Combine(Path.GetTempPath(), "gongkai-registry-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    private static async Task<(RegistryDocuments Docs, long Id)> DraftAsync(GongkaiDbContext db)
    {
        new CaseStore(db).AddAgency("T1", "测试局");
        var docs = new RegistryDocuments(db, new RegistryOptions(), Time, new AuditLog(db, Time));
        var (id, problem) = await docs.CreateAsync("T1", "clerk", new DraftForm { Title = "关于附件的通知", FormedOn = new DateOnly(2025, 6, 10) });
        Assert.Null(problem);
        return (docs, id!.Value);
    }

    private IEnumerable<string> FilesOnDisk() =>
        Directory.Exists(_files) ? Directory.EnumerateFiles(_files, "*", SearchOption.AllDirectories) : [];

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Attach_NamesWithNulBidiOverrideEscOrMarkup_StoredCleaned_Served(string provider)
    {
        (string Sent, string Stored)[] names =
        [
            ("名录\0.txt", "名录.txt"),
            ("发票\u202Etxt.exe", "发票txt.exe"),
            ("\u001b[31m红色\u001b[0m\r\n.pdf", "[31m红色[0m.pdf"),
            (@"C:\Users\clerk\<附件>""|?.docx", "附件.docx"),
            ("\0\u202E\u2066.txt", "附件.txt"),
        ];
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var (docs, id) = await DraftAsync(db);
        var files = new AttachmentStore(_files);

        foreach (var (sent, stored) in names)
        {
            var content = Encoding.UTF8.GetBytes("附件正文 " + stored);
            Assert.Equal((true, null), await docs.AttachAsync("T1", id, "clerk", sent, content, files));

            var row = await db.Set<RegistryAttachmentRow>().AsNoTracking().OrderBy(a => a.Id).LastAsync();
            Assert.Equal(stored, row.FileName);
            Assert.Equal(stored, (await docs.GetAsync(id, "T1"))!.Attachments[^1].FileName);
            var audit = await db.Audit.AsNoTracking().Where(a => a.Action == "registry.attach").OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
            Assert.StartsWith("附件：" + stored + "（", audit[^1], StringComparison.Ordinal);
            using var served = files.Open(row.Sha256)!;
            using var read = new MemoryStream();
            await served.CopyToAsync(read);
            Assert.Equal(content, read.ToArray());
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Attach_300CharacterName_CutToTheColumnKeepingTheExtension(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var (docs, id) = await DraftAsync(db);
        // 300 characters; 𠀀 is outside the BMP (two UTF-16 units), and the cut falls inside one: it must not split it.
        var sent = "附" + string.Concat(Enumerable.Repeat("通知𠀀", 99)) + "通知.pdf";
        Assert.Equal(300 + ".pdf".Length, new System.Globalization.StringInfo(sent).LengthInTextElements);

        Assert.Equal((true, null), await docs.AttachAsync("T1", id, "clerk", sent, "%PDF-1.4"u8.ToArray(), new AttachmentStore(_files)));

        var name = (await db.Set<RegistryAttachmentRow>().AsNoTracking().SingleAsync()).FileName;
        Assert.Equal(RegistryAttachmentRow.FileNameMaxLength - 1, name.Length);
        Assert.EndsWith("通知.pdf", name, StringComparison.Ordinal);
        Assert.StartsWith("附通知𠀀通知", name, StringComparison.Ordinal);
        Assert.DoesNotContain(name, c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
        Assert.False(char.IsHighSurrogate(name[^5]), "the cut split a surrogate pair");
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Attach_TextFileWithNulBytes_StoredAndSearchableText(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var (docs, id) = await DraftAsync(db);
        var content = Encoding.UTF8.GetBytes("红树林\0保护区名录\0");

        Assert.Equal((true, null), await docs.AttachAsync("T1", id, "clerk", "名录.txt", content, new AttachmentStore(_files)));

        var row = await db.Set<RegistryAttachmentRow>().AsNoTracking().SingleAsync();
        Assert.DoesNotContain('\0', row.Text);
        Assert.Contains("红树林", row.Text, StringComparison.Ordinal);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Attach_RowRefusedByTheDatabase_NoFileLeftOnDisk_NothingRecorded(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var (docs, id) = await DraftAsync(db);
        // A real refusal by the database (as a full disk or a constraint refuses a row): a trigger on the table.
        if (provider == "sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_attachment BEFORE INSERT ON registry_attachments BEGIN SELECT RAISE(FAIL, 'refused'); END");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_attachment BEFORE INSERT ON registry_attachments FOR EACH ROW EXECUTE FUNCTION refuse_attachment()");
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => docs.AttachAsync("T1", id, "head", "名录.txt", "附件正文"u8.ToArray(), new AttachmentStore(_files)));

        Assert.Empty(FilesOnDisk());
        using var check = database.Open();
        Assert.Empty(await check.Set<RegistryAttachmentRow>().ToListAsync());
        Assert.Empty(await check.Set<RegistryEditRow>().ToListAsync());
        Assert.Equal(1, (await check.Set<RegistryDocumentRow>().SingleAsync(d => d.Id == id)).Version);
    }
}
