using System.Text.Json;
using Gongkai.Persistence;
using MiniExcelLibs;

namespace Gongkai.Cli.Tests;

/// <summary>The registry import contract: <c>gongkai registry import|counts FILE --agency CODE [--database DB]</c>, exit 0 / 1 / 2.</summary>
public sealed class RegistryCommandTests
{
    private const string Header = "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期";

    private static string NewDatabase(TempDir dir)
    {
        var database = Path.Combine(dir.Path, "gongkai.db");
        using var db = Database.Open(database);
        Database.Migrate(db);
        new CaseStore(db).AddAgency("T1", "测试局");
        return database;
    }

    [Fact]
    public void Import_SomeRowsBad_ExitOne_LineNumberedRefusals_GoodRowsKept()
    {
        using var dir = new TempDir();
        var database = NewDatabase(dir);
        var csv = dir.File("catalogue.csv", string.Join("\n",
            Header + ",主题分类,有效性,备注",
            "T1/2024-00001,关于加强停车管理的通知,示政规〔2024〕1号,行政规范性文件,2024-03-01,2024-03-05,,综合政务\\政务公开,有效,旧网站",
            "T1/2024-00002,示例市停车管理规定,示政令〔2024〕2号,规章,2024年4月1日,2024年4月8日,,,,",
            "T1/2024-00003,日期错误的文件,,行政规范性文件,2024-13-01,2024-03-05,,,,",
            "T1/2024-00001,重复索引号,,其他,2024-03-01,2024-03-05,,,,",
            ",没有索引号,,其他,2024-03-01,2024-03-05,,,,",
            "T1/2023-00009,已废止的办法,示政规〔2023〕9号,行政规范性文件,2023-05-01,2023-05-10,2024年6月30日,,,",
            "T1/2024-00004,类别不明,,公告公示,2024-03-01,2024-03-05,,,,",
            "T1/2024-00005,\"带逗号,的名称\",,其他,2024-03-01,2024-02-05,,,,"));

        var run = CliRun.Of("registry", "import", csv, "--agency", "T1", "--database", database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("第 2 行：已导入 T1/2024-00001 关于加强停车管理的通知", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 3 行：已导入 T1/2024-00002", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 4 行：拒绝，成文日期：日期“2024-13-01”不存在", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 5 行：拒绝，索引号“T1/2024-00001”与第 2 行重复", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 6 行：拒绝，索引号为空", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 7 行：已导入 T1/2023-00009", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 8 行：拒绝，类别“公告公示”无法识别", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 9 行：拒绝，发布日期早于成文日期", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("共导入 3 条，拒绝 5 条。", run.Stdout, StringComparison.Ordinal);

        // Importing the same file again refuses every row already in the catalogue: nothing doubles.
        var again = CliRun.Of("registry", "import", csv, "--agency", "T1", "--database", database);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("第 2 行：拒绝，索引号“T1/2024-00001”已在目录中", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("共导入 0 条", again.Stdout, StringComparison.Ordinal);

        // Table 二 第二十条第（一）项 from what was imported: 2024 issued 1 regulation + 1 normative document, repealed 1, in force 1 + 1.
        var generated = CliRun.Of("report", "generate", "--database", database, "--agency", "T1", "--year", "2024");
        Assert.Equal(0, generated.ExitCode);
        using var json = JsonDocument.Parse(generated.Stdout);
        var proactive = json.RootElement.GetProperty("proactive");
        Assert.Equal(1, proactive.GetProperty("proactive.art20_1.regulations.issued").GetDecimal());
        Assert.Equal(1, proactive.GetProperty("proactive.art20_1.normative_docs.issued").GetDecimal());
        Assert.Equal(1, proactive.GetProperty("proactive.art20_1.normative_docs.repealed").GetDecimal());
        Assert.Equal(1, proactive.GetProperty("proactive.art20_1.normative_docs.in_force").GetDecimal());
        Assert.Equal(1, proactive.GetProperty("proactive.art20_1.regulations.in_force").GetDecimal());
        Assert.Equal(0, proactive.GetProperty("proactive.art20_1.regulations.repealed").GetDecimal());
    }

    [Fact]
    public void Import_Xlsx_AllGood_ExitZero()
    {
        using var dir = new TempDir();
        var database = NewDatabase(dir);
        var xlsx = dir.File("catalogue.xlsx");
        var rows = new[]
        {
            new Dictionary<string, object?> { ["索引号"] = "T1/2025-00001", ["信息名称"] = "政府采购结果公告", ["文号"] = null, ["类别"] = "政府集中采购", ["成文日期"] = "2025年1月6日", ["发布日期"] = new DateTime(2025, 1, 8), ["废止日期"] = null, ["正文"] = "正文内容" },
            new Dictionary<string, object?> { ["索引号"] = "T1/2025-00002", ["信息名称"] = "规范性文件", ["文号"] = "示政规〔2025〕1号", ["类别"] = "规范性文件", ["成文日期"] = "2025-02-03", ["发布日期"] = "2025-02-04", ["废止日期"] = null, ["正文"] = null },
        };
        MiniExcel.SaveAs(xlsx, rows);

        var run = CliRun.Of("registry", "import", xlsx, "--agency", "T1", "--database", database);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("共导入 2 条，拒绝 0 条。", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.csv", null)]
    [InlineData("junk.xlsx", "this is not a workbook")]
    [InlineData("noheader.csv", "索引号,信息名称\nA,B")]
    public void Import_UnreadableFile_ExitTwo(string name, string? content)
    {
        using var dir = new TempDir();
        var database = NewDatabase(dir);
        var file = dir.File(name, content);

        var run = CliRun.Of("registry", "import", file, "--agency", "T1", "--database", database);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_SomeRowsBad_ExitOne_ReportFilled()
    {
        using var dir = new TempDir();
        var database = NewDatabase(dir);
        var csv = dir.File("counts.csv", "年度,行政许可,行政处罚,行政强制,收费金额（元）\n2024,1520,88,3,\"1,234,500.00\"\n2023,十,1,1,5\n2024,1,1,1,1\n");

        var run = CliRun.Of("registry", "counts", csv, "--agency", "T1", "--database", database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("第 2 行：已导入 2024 年", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 3 行：拒绝，行政许可“十”不是非负整数", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("第 4 行：拒绝，2024 年与第 2 行重复", run.Stdout, StringComparison.Ordinal);
        var generated = CliRun.Of("report", "generate", "--database", database, "--agency", "T1", "--year", "2024");
        using var json = JsonDocument.Parse(generated.Stdout);
        var proactive = json.RootElement.GetProperty("proactive");
        Assert.Equal(1520, proactive.GetProperty("proactive.art20_5.licensing.decisions").GetDecimal());
        Assert.Equal(88, proactive.GetProperty("proactive.art20_6.penalty.decisions").GetDecimal());
        Assert.Equal(3, proactive.GetProperty("proactive.art20_6.coercion.decisions").GetDecimal());
        Assert.Equal(123.45m, proactive.GetProperty("proactive.art20_8.admin_fees.amount_wan_yuan").GetDecimal());
    }

    [Fact]
    public void Import_UnknownAgency_ExitTwo()
    {
        using var dir = new TempDir();
        var database = NewDatabase(dir);
        var csv = dir.File("c.csv", Header + "\nX/1,名称,,其他,2024-01-01,2024-01-02,\n");

        var run = CliRun.Of("registry", "import", csv, "--agency", "NOPE", "--database", database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("找不到机关", run.Stderr, StringComparison.Ordinal);
    }
}
