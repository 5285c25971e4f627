using System.Diagnostics;
using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Annual tables for one agency with 1,000,000 applications over 5 years, aggregated in the database
/// (SQLite; PostgreSQL when GONGKAI_BENCH_POSTGRES or GONGKAI_TEST_POSTGRES is set), and due-date
/// computations per second.
/// </summary>
internal static class CaseworkBench
{
    private const int Applications = 1_000_000;

    public static int Run()
    {
        Deadlines();
        var sqlite = Path.Combine(Path.GetTempPath(), "gongkai-bench.db");
        Tables("SQLite", sqlite, () => FillSqlite(sqlite));
        var postgres = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("annual tables PostgreSQL: skipped (set GONGKAI_BENCH_POSTGRES to a connection string)");
        }
        else
        {
            var bench = new NpgsqlConnectionStringBuilder(postgres) { Database = "gongkai_bench" }.ConnectionString;
            Tables("PostgreSQL", bench, () => FillPostgres(postgres, bench));
        }

        return 0;
    }

    private static void Deadlines()
    {
        var calendar = WorkingDayCalendar.Embedded;
        var starts = Enumerable.Range(0, 4096).Select(i => new DateOnly(2019, 1, 1).AddDays(i * 7919 % (8 * 365))).ToArray();
        var n = 2_000_000;
        long sink = 0;
        for (var i = 0; i < 100_000; i++)
        {
            sink += WorkingDays.Add(calendar, starts[i & 4095], 20).DayNumber;
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            sink += WorkingDays.Add(calendar, starts[i & 4095], 20).DayNumber;
        }

        var single = n / watch.Elapsed.TotalSeconds;
        watch.Restart();
        Parallel.For(0, Environment.ProcessorCount, core =>
        {
            long local = 0;
            for (var i = 0; i < n; i++)
            {
                local += WorkingDays.Add(calendar, starts[(i + core) & 4095], 20).DayNumber;
            }

            Interlocked.Add(ref sink, local);
        });
        var all = n * Environment.ProcessorCount / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"due dates (20 working days, official calendar): {single:N0}/s on one core, {all:N0}/s on {Environment.ProcessorCount} cores (checksum {sink % 1000})"));
    }

    private static void Tables(string name, string setting, Action fill)
    {
        var watch = Stopwatch.StartNew();
        fill();
        Console.WriteLine($"{name}: {Applications:N0} applications for agency BENCH over 2021–2025 ready in {watch.Elapsed.TotalSeconds:0.0} s");
        using var db = Database.Open(setting);
        var store = new CaseStore(db);
        store.AnnualTablesAsync("BENCH", 2023).GetAwaiter().GetResult();
        foreach (var year in new[] { 2021, 2023, 2025 })
        {
            var times = new List<double>();
            var total = 0;
            for (var run = 0; run < 3; run++)
            {
                watch.Restart();
                var report = store.AnnualTablesAsync("BENCH", year).GetAwaiter().GetResult();
                times.Add(watch.Elapsed.TotalSeconds);
                total = (report.GetApplications("apps.new_received", Domain.Reports.ApplicantColumn.Total) ?? 0) + (report.GetApplications("apps.carried_over", Domain.Reports.ApplicantColumn.Total) ?? 0);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"annual tables {name} {year}: {times.Min():0.000} s best, {times.Order().ElementAt(1):0.000} s median of 3 ({total:N0} applications on hand)"));
        }
    }

    private static IEnumerable<(Guid Id, int Category, DateOnly Received, int? Outcome, DateOnly? Decided)> Rows()
    {
        var random = new Random(7);
        for (var i = 0; i < Applications; i++)
        {
            var received = new DateOnly(2021, 1, 1).AddDays(random.Next(5 * 365));
            var open = random.Next(50) == 0;
            yield return (Guid.NewGuid(), random.Next(6), received, open ? null : random.Next(21), open ? null : received.AddDays(random.Next(1, 45)));
        }
    }

    private static void FillSqlite(string path)
    {
        if (File.Exists(path))
        {
            using var check = new SqliteConnection($"Data Source={path}");
            check.Open();
            using var count = new SqliteCommand("SELECT COUNT(*) FROM applications WHERE agency_code = 'BENCH'", check);
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) == Applications)
            {
                return;
            }
        }

        File.Delete(path);
        using (var db = Database.Open(path))
        {
            Database.Migrate(db);
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand(
            "INSERT INTO applications (id, agency_code, tracking_number, applicant_category, applicant_name, applicant_id_proof, applicant_contact, request, delivery, channel, first_received_on, received_on, state, extension_days, correction_requested, outcome, decided_on, reply_text, version) " +
            "VALUES ($id, 'BENCH', $t, $c, '', '', '', '', '', 0, $r, $r, $s, 0, 0, $o, $d, '', 1)", connection, transaction);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var t = insert.Parameters.Add("$t", SqliteType.Text);
        var c = insert.Parameters.Add("$c", SqliteType.Integer);
        var r = insert.Parameters.Add("$r", SqliteType.Text);
        var s = insert.Parameters.Add("$s", SqliteType.Integer);
        var o = insert.Parameters.Add("$o", SqliteType.Integer);
        var d = insert.Parameters.Add("$d", SqliteType.Text);
        var n = 0;
        foreach (var row in Rows())
        {
            id.Value = row.Id.ToString().ToUpperInvariant();
            t.Value = "B" + n++.ToString(CultureInfo.InvariantCulture);
            c.Value = row.Category;
            r.Value = row.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            s.Value = row.Outcome is null ? 0 : 4;
            o.Value = (object?)row.Outcome ?? DBNull.Value;
            d.Value = row.Decided is { } decided ? decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = new SqliteCommand("ANALYZE", connection);
        analyze.ExecuteNonQuery();
    }

    private static void FillPostgres(string admin, string bench)
    {
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'gongkai_bench'", connection);
            if (exists.ExecuteScalar() is not null)
            {
                using var b = new NpgsqlConnection(bench);
                b.Open();
                using var count = new NpgsqlCommand("SELECT COUNT(*) FROM applications WHERE agency_code = 'BENCH'", b);
                if ((long)count.ExecuteScalar()! == Applications)
                {
                    return;
                }
            }

            using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS gongkai_bench WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand("CREATE DATABASE gongkai_bench", connection);
            create.ExecuteNonQuery();
        }

        using (var db = Database.Open(bench))
        {
            Database.Migrate(db);
        }

        using var conn = new NpgsqlConnection(bench);
        conn.Open();
        using (var writer = conn.BeginBinaryImport(
            "COPY applications (id, agency_code, tracking_number, applicant_category, applicant_name, applicant_id_proof, applicant_contact, request, delivery, channel, first_received_on, received_on, state, extension_days, correction_requested, outcome, decided_on, reply_text, version) FROM STDIN (FORMAT BINARY)"))
        {
            var n = 0;
            foreach (var row in Rows())
            {
                writer.StartRow();
                writer.Write(row.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
                writer.Write("BENCH");
                writer.Write("B" + n++.ToString(CultureInfo.InvariantCulture));
                writer.Write(row.Category);
                foreach (var _ in Enumerable.Range(0, 5))
                {
                    writer.Write(string.Empty);
                }

                writer.Write(0);
                writer.Write(row.Received, NpgsqlTypes.NpgsqlDbType.Date);
                writer.Write(row.Received, NpgsqlTypes.NpgsqlDbType.Date);
                writer.Write(row.Outcome is null ? 0 : 4);
                writer.Write(0);
                writer.Write(false);
                if (row.Outcome is { } outcome)
                {
                    writer.Write(outcome);
                }
                else
                {
                    writer.WriteNull();
                }

                if (row.Decided is { } decided)
                {
                    writer.Write(decided, NpgsqlTypes.NpgsqlDbType.Date);
                }
                else
                {
                    writer.WriteNull();
                }

                writer.Write(string.Empty);
                writer.Write(1);
            }

            writer.Complete();
        }

        using var analyze = new NpgsqlCommand("ANALYZE applications", conn);
        analyze.ExecuteNonQuery();
    }
}
