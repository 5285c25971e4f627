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
internal static partial class SupervisionBench
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
}
