using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>The SQLite flavour (embedded, zero set-up: the default).</summary>
public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options) : GongkaiDbContext(options);
