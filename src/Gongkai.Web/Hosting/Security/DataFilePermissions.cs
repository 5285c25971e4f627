using Microsoft.Data.Sqlite;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// The data directory holds names, ID numbers and password hashes: it is 0700 and its files 0600, on creation and on
/// every start (an installation made before, or files restored from a backup with other modes, are tightened too).
/// The SQLite file is created empty with 0600 before SQLite opens it; SQLite gives its journal, WAL and SHM files the
/// mode of the database file.
/// </summary>
public static class DataFilePermissions
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;

    public static void Apply(string dataDirectory, string? database)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(dataDirectory, PrivateDirectory);
        var keys = Path.Combine(dataDirectory, "keys");
        if (Directory.Exists(keys))
        {
            File.SetUnixFileMode(keys, PrivateDirectory);
            foreach (var key in Directory.EnumerateFiles(keys))
            {
                File.SetUnixFileMode(key, Private);
            }
        }

        var files = Directory.EnumerateFiles(dataDirectory, "*.secret").ToList();
        if (SqliteFile(database) is { } db)
        {
            if (!File.Exists(db))
            {
                try
                {
                    using var created = new FileStream(db, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Private });
                }
                catch (IOException) when (File.Exists(db))
                {
                    // Another server created it first.
                }
            }

            files.AddRange(new[] { db, db + "-wal", db + "-shm", db + "-journal" }.Where(File.Exists));
        }

        foreach (var file in files)
        {
            File.SetUnixFileMode(file, Private);
        }
    }

    /// <summary>The SQLite file a database setting names, or null for PostgreSQL or an in-memory database.</summary>
    public static string? SqliteFile(string? database)
    {
        var (provider, connection) = Gongkai.Persistence.Database.Resolve(database);
        if (provider != Gongkai.Persistence.DatabaseProvider.Sqlite)
        {
            return null;
        }

        var source = new SqliteConnectionStringBuilder(connection).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(source);
    }
}
