using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Import;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Gongkai.UseCases.Supervision;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;


namespace Gongkai.Bench;

/// <summary>Collecting files against the batch importer: the half of <see cref="SupervisionBench"/> that `--collect-only` runs.</summary>
internal static partial class SupervisionBench
{
    /// <summary>
    /// Collecting <paramref name="files"/> text reports (100 agencies × 5 years) against the batch importer on the same
    /// files, in alternating rounds in one process, so both figures of a round are taken under the same machine load.
    /// Each side is warmed up first (JIT, EF Core's model and queries), so a round measures throughput, not start-up.
    /// CPU is this process's (user + system): for PostgreSQL the server's own work is not in it.
    /// </summary>
    /// <param name="beneath">Agencies already beneath the office, none named by a file (a province's directory: --beneath 5000).</param>
    private static void Collect(int files, int rounds, string shape, int beneath)
    {
        if (shape is not ("text" or "html" or "docx" or "mixed"))
        {
            throw new ArgumentException("--shape is text, html, docx or mixed", nameof(shape));
        }

        var dir = Directory.CreateTempSubdirectory("gongkai-bench-collect-").FullName;
        var postgres = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES");
        try
        {
            for (var i = 0; i < files; i++)
            {
                var r = RandomReports.Create(i, ReportEdition.Edition2021);
                r.Agency = string.Create(CultureInfo.InvariantCulture, $"示例县第{i % 100}局");
                r.Year = 2021 + (i / 100 % 5);
                var format = shape switch
                {
                    "html" => RenderFormat.Html,
                    "docx" => RenderFormat.Docx,
                    "mixed" => (i % 3) switch { 0 => RenderFormat.Docx, 1 => RenderFormat.Html, _ => RenderFormat.Text },
                    _ => RenderFormat.Text,
                };
                using var output = File.Create(Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"{i:D4}{ReportRenderer.Extension(format)}")));
                ReportRenderer.Render(r, format, output);
            }

            var paths = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToArray();
            // Warm-up: the importer once over every file (its code reaches the optimised tier, as it has by round 2), each
            // collector over two batches.
            BatchImporter.Run(dir, Path.Combine(Path.GetTempPath(), "gongkai-bench-collect.jsonl"), null);
            // Every database (the warm-up's, then one per round) is made and migrated here, before anything is timed: making
            // one leaves the runtime tiering up EF Core's migration code for a second or more, which a round would be charged.
            var sqliteSettings = Enumerable.Range(0, rounds + 1).Select(n => Prepared(SqliteSetting(n), beneath)).ToArray();
            var pgSettings = postgres is null ? [] : Enumerable.Range(0, rounds + 1).Select(n => Prepared(PostgresSetting(postgres, n), beneath)).ToArray();
            CollectInto(sqliteSettings[0], paths.Take(2 * CollectReports.BatchSize).ToArray());
            if (postgres is not null)
            {
                CollectInto(pgSettings[0], paths.Take(2 * CollectReports.BatchSize).ToArray());
            }

            var best = new Dictionary<string, double>();
            for (var round = 1; round <= rounds; round++)
            {
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"collect round {round}, {files} files:"));
                var import = Timed(() => BatchImporter.Run(dir, Path.Combine(Path.GetTempPath(), "gongkai-bench-collect.jsonl"), null));
                line.Append(Figure("batch importer", import, files, import, best));
                // A fresh database each round, made and migrated before the first round: collecting is what is timed.
                var sqlite = Timed(() => CollectInto(sqliteSettings[round], paths));
                line.Append(Figure("collect SQLite", sqlite, files, import, best));
                if (postgres is not null)
                {
                    var pg = Timed(() => CollectInto(pgSettings[round], paths));
                    line.Append(Figure("collect PostgreSQL", pg, files, import, best));
                }

                Console.WriteLine(line);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collect ({shape}) best of {rounds}: ") + string.Join("; ", best.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key} {files / b.Value:0} files/s"))) +
                (postgres is null ? "; PostgreSQL skipped (set GONGKAI_BENCH_POSTGRES to a connection string)" : string.Empty) + $"; {CollectReports.BatchSize} files per transaction; {beneath} other agencies beneath the office");
        }
        finally
        {
            // GONGKAI_BENCH_KEEP=1 keeps the generated files, to time `gongkai report import` and `report collect` on them by hand.
            if (Environment.GetEnvironmentVariable("GONGKAI_BENCH_KEEP") == "1")
            {
                Console.WriteLine("files kept in " + dir);
            }
            else
            {
                Directory.Delete(dir, recursive: true);
            }

            File.Delete(Path.Combine(Path.GetTempPath(), "gongkai-bench-collect.jsonl"));
            DropDatabases(postgres, rounds);
        }
    }

    private static (double Wall, double Cpu) Timed(Action work)
    {
        Settle();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var gc = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        work();
        // What the runtime still compiled (tiering up) and collected while the work ran: a round is warm when little is compiled.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  [JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jit} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0} ms; {GC.CollectionCount(0) - gc} gen-0 collections ({GC.CollectionCount(1) - gc1} gen-1, {GC.CollectionCount(2) - gc2} gen-2), paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:0} MB allocated]"));
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>
    /// Waits (at most 10 s) until the runtime has stopped compiling: preparing a fresh database (migrations build EF Core's
    /// model differ and migration operations) leaves the background tiering thread compiling for a second or more, and
    /// that would otherwise be charged to whichever run is timed next.
    /// </summary>
    private static void Settle()
    {
        var watch = Stopwatch.StartNew();
        var quiet = 0;
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quiet < 3 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(100);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now == count ? quiet + 1 : 0;
            count = now;
        }
    }

    private static string Figure(string name, (double Wall, double Cpu) time, int files, (double Wall, double Cpu) import, Dictionary<string, double> best)
    {
        best[name] = Math.Min(best.GetValueOrDefault(name, double.MaxValue), time.Wall);
        return string.Create(CultureInfo.InvariantCulture,
            $" {name} {time.Wall:0.0} s = {files / time.Wall:0} files/s (CPU {time.Cpu * 1000 / files:0.0} ms/file{(ReferenceEquals(name, "batch importer") ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {time.Wall / import.Wall:0.00}x the importer's time"))});");
    }

    private static string SqliteSetting(int n)
    {
        var sqlite = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"gongkai-bench-collect-{n}.db"));
        SqliteConnection.ClearAllPools();
        DeleteSqlite(sqlite);
        return sqlite;
    }

    private static void DeleteSqlite(string sqlite)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(sqlite + suffix);
        }
    }

    private static string PostgresSetting(string postgres, int n)
    {
        NpgsqlConnection.ClearAllPools();
        var name = string.Create(CultureInfo.InvariantCulture, $"gongkai_bench_collect_{n}");
        using var admin = new NpgsqlConnection(postgres);
        admin.Open();
        new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQuery();
        new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
    }

    /// <summary>Drops what <see cref="SqliteSetting"/> and <see cref="PostgresSetting"/> made.</summary>
    private static void DropDatabases(string? postgres, int rounds)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        for (var n = 0; n <= rounds; n++)
        {
            DeleteSqlite(Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"gongkai-bench-collect-{n}.db")));
            if (postgres is not null)
            {
                using var admin = new NpgsqlConnection(postgres);
                admin.Open();
                new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"DROP DATABASE IF EXISTS gongkai_bench_collect_{n} WITH (FORCE)"), admin).ExecuteNonQuery();
            }
        }
    }

    /// <summary>An empty database at the latest schema with the supervising office in it, and <paramref name="beneath"/> agencies beneath it.</summary>
    private static string Prepared(string setting, int beneath = 0)
    {
        using var db = Database.Open(setting);
        Database.Migrate(db);
        db.Agencies.Add(new AgencyRow { Code = "ROOT", Name = "示例县人民政府", Kind = 1, Level = 4 });
        for (var k = 0; k < beneath; k++)
        {
            db.Agencies.Add(new AgencyRow { Code = string.Create(CultureInfo.InvariantCulture, $"ROOT-{k:D5}"), Name = string.Create(CultureInfo.InvariantCulture, $"示例县其他机关{k}"), ParentCode = "ROOT", Kind = 2, Level = 4 });
        }

        db.SaveChanges();
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            // Creating and migrating the database wrote a burst of WAL; its checkpoint is taken now, not during the timed collect.
            try
            {
                db.Database.ExecuteSqlRaw("CHECKPOINT");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                Console.WriteLine("  (no CHECKPOINT: the bench's PostgreSQL role may not run it)");
            }
        }

        return setting;
    }

    /// <summary>As `report collect` does: files read from disk as the collector asks for them, batch after batch, each in one transaction.</summary>
    private static void CollectInto(string setting, string[] paths)
    {
        using var collectDb = Database.Open(setting);
        var filed = 0;
        var error = new CollectReports(collectDb, TimeProvider.System).CollectAsync("ROOT", paths.Select(p => new CollectReports.SourceFile(Path.GetFileName(p), File.ReadAllBytes(p))), null, "bench", null, (outcomes, _) =>
        {
            filed += outcomes.Count(f => f.Status is CollectStatus.Filed or CollectStatus.NewAgency);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        if (filed != paths.Length)
        {
            throw new InvalidOperationException($"Collected {filed} of {paths.Length} files.");
        }
    }
}
