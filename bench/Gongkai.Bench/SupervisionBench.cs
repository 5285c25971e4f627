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
        var sqlite = Path.Combine(Path.GetTempPath(), "gongkai-bench-supervise.db");
        File.Delete(sqlite);
        Overview("SQLite", sqlite, agencies, years);
        var postgres = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("overview PostgreSQL: skipped (set GONGKAI_BENCH_POSTGRES to a connection string)");
        }
        else
        {
            using (var admin = new NpgsqlConnection(postgres))
            {
                admin.Open();
                new NpgsqlCommand("DROP DATABASE IF EXISTS gongkai_bench_supervise WITH (FORCE)", admin).ExecuteNonQuery();
                new NpgsqlCommand("CREATE DATABASE gongkai_bench_supervise", admin).ExecuteNonQuery();
            }

            Overview("PostgreSQL", new NpgsqlConnectionStringBuilder(postgres) { Database = "gongkai_bench_supervise" }.ConnectionString, agencies, years);
        }

        Collect(Option(args, "--files", 1000));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Overview(string provider, string setting, int agencies, int years)
    {
        var last = 2025;
        var fill = Stopwatch.StartNew();
        using (var db = Database.Open(setting))
        {
            Database.Migrate(db);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Agencies.Add(new AgencyRow { Code = "ROOT", Name = "示例省人民政府", Kind = 1, Level = 2 });
            var json = new Dictionary<int, string>();
            for (var y = last - years + 1; y <= last; y++)
            {
                var r = RandomReports.Create(y, ReportEditions.ExpectedFor(y)!.Value);
                r.Year = y;
                using var doc = JsonDocument.Parse(CanonicalJsonWriter.Write(r));
                json[y] = doc.RootElement.GetRawText();
            }

            for (var a = 0; a < agencies; a++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"A{a:D5}");
                db.Agencies.Add(new AgencyRow { Code = code, Name = "机关" + code, ParentCode = "ROOT", Level = 3 + (a % 2), Kind = a % 10 == 0 ? 1 : 2 });
                for (var y = last - years + 1; y <= last; y++)
                {
                    db.CollectedReports.Add(new CollectedReportRow
                    {
                        SourceId = 1,
                        AgencyCode = code,
                        Year = y,
                        Number = 1,
                        Current = true,
                        Json = json[y],
                        DiagnosticsJson = "[]",
                        Errors = a % 7 == 0 ? 1 : 0,
                        Warnings = a % 3,
                        Score = 80 + (a % 20),
                        CreatedBy = "bench",
                    });
                }

                if (a % 500 == 499)
                {
                    db.SaveChanges();
                    db.ChangeTracker.Clear();
                }
            }

            db.SaveChanges();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overview {provider}: filled {agencies} agencies × {years} years in {fill.Elapsed.TotalSeconds:0.0} s"));
        var time = new FixedTime(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        double best = double.MaxValue, bestRollup = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            using var db = Database.Open(setting);
            var watch = Stopwatch.StartNew();
            var overview = new SupervisionOverview(db, time).Build("ROOT", last)!;
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            var sources = overview.Rollup!.Sources;
            watch.Restart();
            var rollup = ReportRollup.Of(sources);
            bestRollup = Math.Min(bestRollup, watch.Elapsed.TotalMilliseconds);
            if (overview.Agencies.Count != agencies || rollup.Report is null)
            {
                throw new InvalidOperationException("The overview lost agencies.");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overview {provider}: {agencies} agencies, one year, overview with roll-up {best:0} ms (best of 3); roll-up alone {bestRollup:0} ms"));
    }

    private static void Collect(int files)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-bench-collect-").FullName;
        var sqlite = Path.Combine(Path.GetTempPath(), "gongkai-bench-collect.db");
        File.Delete(sqlite);
        try
        {
            for (var i = 0; i < files; i++)
            {
                var r = RandomReports.Create(i, ReportEdition.Edition2021);
                r.Agency = string.Create(CultureInfo.InvariantCulture, $"示例县第{i % 100}局");
                r.Year = 2021 + (i / 100 % 5);
                File.WriteAllText(Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"{i:D4}.txt")), ReportRenderer.RenderToString(r, RenderFormat.Text), Encoding.UTF8);
            }

            var watch = Stopwatch.StartNew();
            BatchImporter.Run(dir, Path.Combine(dir, "out.jsonl"), null);
            var batch = watch.Elapsed.TotalSeconds;
            using var db = Database.Open(sqlite);
            Database.Migrate(db);
            db.Agencies.Add(new AgencyRow { Code = "ROOT", Name = "示例县人民政府", Kind = 1, Level = 4 });
            db.SaveChanges();
            var collect = new CollectReports(db, TimeProvider.System);
            watch.Restart();
            foreach (var path in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            {
                collect.Collect("ROOT", [new CollectReports.SourceFile(Path.GetFileName(path), File.ReadAllBytes(path))], null, "bench");
            }

            var collected = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"collect: {files} text files in {collected:0.0} s ({files / collected:0} files/s, SQLite, one at a time); batch importer on the same files {batch:0.0} s ({files / batch:0} files/s, all cores)"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
