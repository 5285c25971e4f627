using System.IO.Compression;
using System.Text;
using Gongkai.Persistence;

namespace Gongkai.Cli.Tests;

/// <summary>
/// Issue 11: the limits a web upload meets hold for the files the command line imports. A .docx or .xlsx that would
/// unpack to hundreds of megabytes (a zip bomb) and a file larger than the limit are refused with a Chinese reason
/// and exit code 2 (an unreadable input), before anything is inflated or read whole; nothing is stored.
/// </summary>
public sealed class InputLimitTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReportImport_ZipBombDocx_RefusedInChinese_Exit2()
    {
        var run = CliRun.Of("report", "import", Bomb("bomb.docx", "word/document.xml", 60));

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("解压后超过 48 MB", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void ReportImport_FileOverTheLimit_RefusedUnread_Exit2()
    {
        var run = CliRun.Of("report", "import", Sparse("huge.docx", 65));

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("文件过大（65 MB），超过上限 64 MB，未读取", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportRollup_ZipBombAmongTheFiles_NothingRolledUp_Exit2()
    {
        var run = CliRun.Of("report", "rollup", Bomb("bomb.docx", "word/document.xml", 60), Sparse("huge.docx", 65));

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("解压后超过 48 MB", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("文件过大（65 MB）", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void ReportCollect_ZipBombAndOversizedFile_NotFiled_Exit2()
    {
        var database = Database("CITY");

        var run = CliRun.Of("report", "collect", Bomb("bomb.docx", "word/document.xml", 60), Sparse("huge.docx", 65), "--under", "CITY", "--year", "2024", "--database", database);

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("bomb.docx: 未归档：无法读取文件：Word 文件已损坏或不是 .docx：解压后超过 48 MB", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("huge.docx: 未归档：无法读取：文件过大（65 MB），超过上限 64 MB，未读取", run.Stdout, StringComparison.Ordinal);
        using var db = Persistence.Database.Open(database);
        Assert.Empty(db.CollectedReports);
        Assert.Empty(db.CollectedSources);
    }

    [Fact]
    public void RegistryImport_ZipBombXlsx_RefusedInChinese_Exit2()
    {
        var database = Database("T1");

        var run = CliRun.Of("registry", "import", Bomb("catalogue.xlsx", "xl/worksheets/sheet1.xml", 260), "--agency", "T1", "--database", database);

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("解压后超过 256 MB", run.Stderr + run.Stdout, StringComparison.Ordinal);
        using var db = Persistence.Database.Open(database);
        Assert.Empty(db.Set<Persistence.Registry.RegistryDocumentRow>());
    }

    [Fact]
    public void RegistryImport_FileOverTheLimit_RefusedUnread_Exit2()
    {
        var database = Database("T1");

        var run = CliRun.Of("registry", "counts", Sparse("counts.csv", 101), "--agency", "T1", "--database", database);

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("文件“counts.csv”超过 100 MB，未读取", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    private string Database(string agency)
    {
        var path = Path.Combine(_dir.Path, "gongkai.db");
        using var db = Persistence.Database.Open(path);
        Persistence.Database.Migrate(db);
        new CaseStore(db).AddAgency(agency, "测试机关");
        return path;
    }

    /// <summary>A file of <paramref name="megabytes"/> MB that takes no disk (sparse): only its size matters.</summary>
    private string Sparse(string name, int megabytes)
    {
        var path = _dir.File(name);
        using var file = File.Create(path);
        file.SetLength(megabytes * 1024L * 1024);
        return path;
    }

    /// <summary>A zip (a few hundred KB) whose <paramref name="part"/> inflates to <paramref name="megabytes"/> MB of spaces.</summary>
    private string Bomb(string name, string part, int megabytes)
    {
        var path = _dir.File(name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
            }

            using var stream = zip.CreateEntry(part, CompressionLevel.Fastest).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                stream.Write(spaces);
            }
        }

        return path;
    }
}
