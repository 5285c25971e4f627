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

/// <summary>
/// The supervisor's overview and roll-up for N agencies (default 5,000) × Y years (default 7) of collected reports
/// (SQLite; PostgreSQL when GONGKAI_BENCH_POSTGRES or GONGKAI_TEST_POSTGRES is set), and collecting 1,000 files
/// against the batch importer on the same files.
/// </summary>
internal static class SupervisionBench
{
    public static int Run(string[] args)
    {
        var agencies = Option(args, "--agencies", 5000);
        var years = Option(args, "--years", 7);
        // --reuse times the databases a previous run filled (same --agencies and --years) without filling them again.
        var reuse = args.Contains("--reuse");
        // --collect-only times collecting --files files against the batch importer, without the overview.
        if (args.Contains("--collect-only"))
        {
            Collect(Option(args, "--files", 1000), Option(args, "--rounds", 2), OptionText(args, "--shape") ?? "text", Option(args, "--beneath", 0));
            return 0;
        }

        var sqlite = Path.Combine(Path.GetTempPath(), "gongkai-bench-supervise.db");
        if (!reuse)
        {
            File.Delete(sqlite);
        }

        Overview("SQLite", sqlite, agencies, years, reuse);
        var postgres = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("overview PostgreSQL: skipped (set GONGKAI_BENCH_POSTGRES to a connection string)");
        }
        else
        {
            if (!reuse)
            {
                using var admin = new NpgsqlConnection(postgres);
                admin.Open();
                new NpgsqlCommand("DROP DATABASE IF EXISTS gongkai_bench_supervise WITH (FORCE)", admin).ExecuteNonQuery();
                new NpgsqlCommand("CREATE DATABASE gongkai_bench_supervise", admin).ExecuteNonQuery();
            }

            Overview("PostgreSQL", new NpgsqlConnectionStringBuilder(postgres) { Database = "gongkai_bench_supervise" }.ConnectionString, agencies, years, reuse);
        }

        if (Option(args, "--files", 1000) is > 0 and var files)
        {
            Collect(files, Option(args, "--rounds", 2), OptionText(args, "--shape") ?? "text", Option(args, "--beneath", 0));
        }
        return 0;
    }

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Overview(string provider, string setting, int agencies, int years, bool reuse)
    {
        var last = 2025;
        var first = last - years + 1;
        var fill = Stopwatch.StartNew();
        if (!reuse)
        {
            Fill(provider, setting, agencies, first, last);
        }

        using (var db = Database.Open(setting))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            var cells = db.Set<ReportSummaryNumbersRow>().AsNoTracking().Select(n => n.Cells.Length).AsEnumerable().Sum(n => (long)(n / PackedCells.Width));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"overview {provider}: {(reuse ? "reused" : "filled")} {agencies} agencies × {years} years ({cells:N0} stored cells) in {fill.Elapsed.TotalSeconds:0.0} s"));
        }

        var time = new FixedTime(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        double best = double.MaxValue, bestJson = double.MaxValue, bestTrace = double.MaxValue, bestFiltered = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            using var db = Database.Open(setting);
            var watch = Stopwatch.StartNew();
            var overview = new SupervisionOverview(db, time).BuildAsync("ROOT", last).GetAwaiter().GetResult()!;
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var json = SupervisionJson.Write(overview);
            bestJson = Math.Min(bestJson, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var contributors = overview.Rollup!.ContributorsOf(CellAddress.Applications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
            bestTrace = Math.Min(bestTrace, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var counties = new SupervisionOverview(db, time).BuildAsync("ROOT", last, a => a.Level == Gongkai.Domain.Organisation.AgencyLevel.County).GetAwaiter().GetResult()!;
            bestFiltered = Math.Min(bestFiltered, watch.Elapsed.TotalMilliseconds);
            if (overview.Agencies.Count != agencies || overview.Rollup.Report is null || contributors.Count != agencies || json.Length == 0 || counties.Rollup is null)
            {
                throw new InvalidOperationException("The overview lost agencies.");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overview {provider}: {agencies} agencies, one year: overview with roll-up {best:0} ms; supervise JSON written {bestJson:0} ms; one figure's {agencies} contributors {bestTrace:0} ms; one level ({agencies / 2} agencies) {bestFiltered:0} ms (best of 3)"));
    }

    private static void Fill(string provider, string setting, int agencies, int first, int last)
    {
        using (var db = Database.Open(setting))
        {
            Database.Migrate(db);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Agencies.Add(new AgencyRow { Code = "ROOT", Name = "示例省人民政府", Kind = 1, Level = 2 });
            for (var a = 0; a < agencies; a++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"A{a:D5}");
                db.Agencies.Add(new AgencyRow { Code = code, Name = "机关" + code, ParentCode = "ROOT", Level = 3 + (a % 2), Kind = a % 10 == 0 ? 1 : 2 });
            }

            // One agency's reports go through the real write path (collected reading, then its summary and cells) ...
            for (var y = first; y <= last; y++)
            {
                var r = RandomReports.Create(y, ReportEditions.ExpectedFor(y)!.Value);
                r.Year = y;
                db.CollectedReports.Add(new CollectedReportRow
                {
                    SourceId = 1,
                    AgencyCode = "A00000",
                    Year = y,
                    Number = 1,
                    Current = true,
                    Json = CanonicalJsonWriter.Write(r),
                    DiagnosticsJson = "[]",
                    Errors = 1,
                    Warnings = 2,
                    Score = 85,
                    CreatedBy = "bench",
                });
            }

            db.SaveChanges();
            db.ChangeTracker.Clear();
            var template = new Gongkai.UseCases.Organisation.AgencyDirectory(db).Find("A00000")!;
            for (var y = first; y <= last; y++)
            {
                ReportSummaryStore.RefreshAsync(db, y, [template]).GetAwaiter().GetResult();
            }

            // ... and are copied in the database to every other agency, each figure varied by agency (INSERT … SELECT:
            // five million cells in seconds rather than thirty-five thousand reports summarised one by one).
            db.Database.ExecuteSqlRaw("""
                INSERT INTO collected_reports (source_id, agency_code, year, number, current, json, diagnostics_json, note, published_on, late, errors, warnings, uncertain, score, created_at_utc_ticks, created_by)
                SELECT t.source_id, a.code, t.year, t.number, t.current, t.json, t.diagnostics_json, t.note, t.published_on, t.late,
                       LENGTH(a.code) % 2, LENGTH(a.name) % 3, t.uncertain, t.score, t.created_at_utc_ticks, t.created_by
                FROM agencies a CROSS JOIN collected_reports t
                WHERE a.parent_code = 'ROOT' AND a.code <> 'A00000' AND t.agency_code = 'A00000'
                """);
            db.Database.ExecuteSqlRaw("""
                INSERT INTO report_summaries (agency_code, year, source, source_id, previous_id, edition, published_on, late, errors, warnings, uncertain, score)
                SELECT c.agency_code, c.year, t.source, c.id, t.previous_id, t.edition, c.published_on, c.late, c.errors, c.warnings, c.uncertain, c.score
                FROM collected_reports c JOIN report_summaries t ON t.year = c.year AND t.agency_code = 'A00000'
                WHERE c.agency_code <> 'A00000'
                """);
            // Each summary's packed numbers: the template's of its year, each figure varied by agency (summary id % 7).
            var templates = db.Set<ReportSummaryRow>().AsNoTracking().Where(t => t.AgencyCode == "A00000")
                .Join(db.Set<ReportSummaryNumbersRow>().AsNoTracking(), t => t.Id, n => n.SummaryId, (t, n) => new { t.Year, n.Cells })
                .ToDictionary(t => t.Year, t => PackedCells.Unpack(t.Cells));
            var copies = db.Set<ReportSummaryRow>().AsNoTracking().Where(t => t.AgencyCode != "A00000").Select(t => new { t.Id, t.Year }).ToList();
            using (var transaction = db.Database.BeginTransaction())
            {
                var connection = db.Database.GetDbConnection();
                using var insert = connection.CreateCommand();
                insert.Transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction);
                insert.CommandText = "INSERT INTO report_summary_numbers (summary_id, cells) VALUES (@id, @cells)";
                var id = insert.CreateParameter();
                id.ParameterName = "id";
                var cells = insert.CreateParameter();
                cells.ParameterName = "cells";
                insert.Parameters.Add(id);
                insert.Parameters.Add(cells);
                foreach (var copy in copies)
                {
                    var (cellIds, millionths) = templates[copy.Year];
                    id.Value = copy.Id;
                    cells.Value = PackedCells.Pack(cellIds.Select((c, i) => (c, millionths[i] + (copy.Id % 7 * 1_000_000))));
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            if (provider == "PostgreSQL")
            {
                db.Database.ExecuteSqlRaw("VACUUM ANALYZE");
            }
            else
            {
                db.Database.ExecuteSqlRaw("ANALYZE");
            }
        }
    }

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
