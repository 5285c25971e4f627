namespace Gongkai.Persistence;

/// <summary>Which database a connection string names.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
