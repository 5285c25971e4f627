using System.Security.Cryptography;
using Gongkai.Persistence;
using Gongkai.Persistence.Installation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The access-code secret of the installation (mixed into every access-code hash): on PostgreSQL in the database,
/// so that several servers agree; on SQLite in the data directory's file (<see cref="InstallationSecret"/>). A secret
/// that has gone missing while applications with access codes exist is never silently made anew (every issued code
/// would stop working): the start is refused with what to do.
/// </summary>
public static class AccessCodeSecret
{
    public const string FileName = "access-code.secret";
    private const string RowName = "access-code";

    public static string Resolve(GongkaiDbContext db, string databaseSetting, string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, FileName);
        if (Database.Resolve(databaseSetting).Provider == DatabaseProvider.Postgres)
        {
            return FromDatabase(db, file);
        }

        if (!File.Exists(file))
        {
            RefuseIfCodesIssued(db, $"数据目录中没有访问码密钥文件 {file}");
        }

        return InstallationSecret.LoadOrCreate(file);
    }

    private static string FromDatabase(GongkaiDbContext db, string file)
    {
        if (Stored(db) is { } stored)
        {
            return stored;
        }

        string secret;
        if (File.Exists(file))
        {
            // An installation moving from one server with its file to the database keeps its secret.
            secret = InstallationSecret.LoadOrCreate(file);
        }
        else
        {
            RefuseIfCodesIssued(db, "数据库中没有访问码密钥（表 installation_secrets）");
            secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        try
        {
            db.Add(new InstallationSecretRow { Name = RowName, Value = secret });
            db.SaveChanges();
            return secret;
        }
        catch (DbUpdateException)
        {
            // Another server starting at the same time stored its secret first: use that one.
            db.ChangeTracker.Clear();
            return Stored(db) ?? throw new InvalidOperationException("访问码密钥写入失败，且数据库中仍没有密钥。");
        }
    }

    private static string? Stored(GongkaiDbContext db) =>
        db.Set<InstallationSecretRow>().AsNoTracking().Where(s => s.Name == RowName).Select(s => s.Value).FirstOrDefault();

    private static void RefuseIfCodesIssued(GongkaiDbContext db, string what)
    {
        var issued = db.Applications.IgnoreQueryFilters().Count(a => a.AccessCodeHash != null && a.AccessCodeHash != "");
        if (issued > 0)
        {
            throw new InvalidOperationException(
                $"拒绝启动：{what}，但已有 {issued} 件申请发出了查询码。重新生成密钥会使这些查询码全部失效。" +
                $"请从备份恢复数据目录中的 {FileName}（PostgreSQL 安装：恢复 installation_secrets 表），" +
                "或在配置 Gongkai:AccessCodeSecret 中填入原来的密钥，然后再启动。");
        }
    }
}
