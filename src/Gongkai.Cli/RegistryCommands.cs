using System.CommandLine;
using Gongkai.Persistence;
using Gongkai.UseCases.Registry;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai registry import FILE.csv|FILE.xlsx --agency CODE [--database DB]</c> (the catalogue) and
/// <c>gongkai registry counts FILE.csv|FILE.xlsx --agency CODE [--database DB]</c> (yearly decision counts and fee
/// totals). Both print every imported and refused row; exit 0 (all imported), 1 (some rows refused), 2 (unreadable file
/// or unknown agency).
/// </summary>
public static class RegistryCommands
{
    public static Command Build(TextWriter stdout, TextWriter stderr) =>
        new("registry", "主动公开目录：导入已有网站导出的目录、导入处理决定数和收费金额")
        {
            Import(stdout, stderr, "import", "导入政府信息公开目录（CSV 或 XLSX；表头须含 索引号,信息名称,文号,类别,成文日期,发布日期,废止日期）", catalogue: true),
            Import(stdout, stderr, "counts", "导入年度行政许可、行政处罚、行政强制决定数和行政事业性收费金额（CSV 或 XLSX；表头 年度,行政许可,行政处罚,行政强制,收费金额（元））", catalogue: false),
        };

    private static Command Import(TextWriter stdout, TextWriter stderr, string name, string description, bool catalogue)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV 或 XLSX 文件" };
        var agency = new Option<string>("--agency") { Description = "机关代码", Required = true };
        var database = DatabaseCommands.DatabaseOption();
        var command = new Command(name, description) { file, agency, database };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                stderr.WriteLine($"无法读取文件：{path.FullName} 不存在。");
                return ExitCodes.Unreadable;
            }

            if (DatabaseCommands.RefusedAsMissing(parse.GetValue(database) ?? Environment.GetEnvironmentVariable(Database.EnvironmentVariable), stderr))
            {
                return ExitCodes.Unreadable;
            }

            try
            {
                using var db = Database.Open(parse.GetValue(database) ?? Environment.GetEnvironmentVariable(Database.EnvironmentVariable));
                Database.Migrate(db);
                using var stream = path.OpenRead();
                var audit = new AuditLog(db, TimeProvider.System);
                var actor = "cli:" + Environment.UserName;
                var (lines, refused, problem) = catalogue
                    ? Catalogue(new CatalogueImport(db, TimeProvider.System, audit).RunAsync(stream, path.Name, parse.GetValue(agency)!, actor).GetAwaiter().GetResult())
                    : Counts(new DecisionCountsImport(db, TimeProvider.System, audit).RunAsync(stream, path.Name, parse.GetValue(agency)!, actor).GetAwaiter().GetResult());
                if (problem is not null)
                {
                    stderr.WriteLine(problem);
                    return ExitCodes.Unreadable;
                }

                foreach (var line in lines)
                {
                    stdout.WriteLine(line);
                }

                return refused ? ExitCodes.Errors : ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"无法完成导入：{ex.Message}");
                return ExitCodes.Unreadable;
            }
        });
        return command;
    }

    private static (IEnumerable<string> Lines, bool Refused, string? Problem) Catalogue(CatalogueImport.Report r) =>
        (CatalogueImport.Lines(r), r.RefusedRows.Count > 0, r.Problem);

    private static (IEnumerable<string> Lines, bool Refused, string? Problem) Counts(DecisionCountsImport.Report r) =>
        (DecisionCountsImport.Lines(r), r.RefusedRows.Count > 0, r.Problem);
}
