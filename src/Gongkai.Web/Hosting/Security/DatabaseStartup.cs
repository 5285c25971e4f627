using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// Opens the database at start and refuses clearly when it is not usable: a SQLite file damaged in the middle is found
/// by <c>PRAGMA quick_check</c> (it would otherwise start without a word and fail later, on some page), and any database
/// error while migrating becomes a Chinese message with the path and what to do instead of an English stack trace.
/// </summary>
public static class DatabaseStartup
{
    public static void Guard(string? database, Action prepare)
    {
        var file = DataFilePermissions.SqliteFile(database);
        if (file is not null && new FileInfo(file) is { Exists: true, Length: > 0 })
        {
            QuickCheck(file);
        }

        try
        {
            prepare();
        }
        catch (Exception ex) when (ex is DbException || ex.InnerException is DbException)
        {
            throw new StartupRefusedException(file is null
                ? $"无法打开 PostgreSQL 数据库（{Redacted(database)}）：{(ex as DbException ?? ex.InnerException)!.Message}。请检查数据库服务是否运行、连接字符串（Gongkai:Database）中的主机、数据库名、用户名和密码是否正确。"
                : $"无法打开数据库文件 {file}：{(ex as DbException ?? ex.InnerException)!.Message}。请确认该文件是 Gongkai 的 SQLite 数据库且当前用户可读写；如已损坏，请停止服务后从备份恢复该文件（连同同名的 -wal、-shm 文件）。", ex);
        }
    }

    private static void QuickCheck(string file)
    {
        string result;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(20)";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            result = string.Join("；", lines);
        }
        catch (SqliteException ex)
        {
            result = ex.Message;
        }

        if (result != "ok")
        {
            throw new StartupRefusedException(
                $"数据库文件 {file} 已损坏，服务未启动（完整性检查 PRAGMA quick_check：{result}）。" +
                "请停止服务，保留该文件副本以便排查，然后从最近的备份恢复该文件（连同同名的 -wal、-shm 文件）后再启动。");
        }
    }

    /// <summary>The connection string without its password (the message is printed to the console).</summary>
    private static string Redacted(string? connection)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connection ?? string.Empty };
            builder.Remove("Password");
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "连接字符串";
        }
    }
}
