using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>The PostgreSQL flavour (Npgsql), for larger deployments.</summary>
public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options);
