using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Gongkai.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Fills an installation's database to the size of a province: 1,000 agencies under one supervising office and
/// 1,000 cases each (1,000,000 in all, 2 % open), written as rows — COPY on PostgreSQL; on SQLite one prepared insert
/// in one transaction, in primary-key order, with the secondary indexes built once at the end — not through the
/// domain path (hours at that size). The installation must have been started once (migrated, demo agency DEMO with
/// its officers). The 1,000 seeded agencies sit beside DEMO, which keeps exactly the cases of the demo database: its
/// officers' queue and the status lookup then do the same work as on the demo database, and what differs between the
/// two measurements of bench/platform.sh is only the million other cases in the tables and indexes.
/// </summary>
internal static class PlatformSeeder
{
    private const int Agencies = 1_000;
    private const int CasesPerAgency = 1_000;

    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: Gongkai.Bench seed-platform DATABASE   (a SQLite path or a PostgreSQL connection string)");
            return 2;
        }

        var (provider, connectionString) = Database.Resolve(args[0]);
        var watch = Stopwatch.StartNew();
        using (var db = Database.Open(args[0]))
        {
            Database.Migrate(db);
        }

        var codes = Enumerable.Range(1, Agencies).Select(i => "A" + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        if (provider == DatabaseProvider.Postgres)
        {
            SeedPostgres(connectionString, codes);
        }
        else
        {
            SeedSqlite(connectionString, codes);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {codes.Length:N0} agencies and {codes.Length * CasesPerAgency:N0} cases ({provider}) in {watch.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    private static IEnumerable<(Guid Id, string Agency, string Tracking, int Category, DateOnly Received, int State, int? Outcome, DateOnly? Decided)> Cases(string[] codes)
    {
        var random = new Random(11);
        var today = new DateOnly(2026, 11, 30);
        var n = 0;
        foreach (var agency in codes)
        {
            for (var i = 0; i < CasesPerAgency; i++)
            {
                var open = random.Next(50) == 0;
                var received = open ? today.AddDays(-random.Next(40)) : new DateOnly(2022, 1, 1).AddDays(random.Next(4 * 365));
                yield return (Guid.NewGuid(), agency, "P" + (n++).ToString("D8", CultureInfo.InvariantCulture), random.Next(6), received,
                    open ? 0 : 4, open ? null : random.Next(21), open ? null : received.AddDays(random.Next(1, 45)));
            }
        }
    }

    private const string CaseColumns = "id, agency_code, tracking_number, applicant_category, applicant_name, applicant_id_proof, applicant_contact, request, delivery, channel, first_received_on, received_on, state, extension_days, correction_requested, outcome, decided_on, reply_text, version";

    private static void SeedSqlite(string connectionString, string[] codes)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A bulk load into a file no server has open: no fsync per commit, a large page cache.
        Execute(connection, "PRAGMA journal_mode=WAL");
        Execute(connection, "PRAGMA synchronous=OFF");
        Execute(connection, "PRAGMA cache_size=-262144");
        using var transaction = connection.BeginTransaction();
        using (var agency = new SqliteCommand("INSERT OR IGNORE INTO agencies (code, name, parent_code, level, kind) VALUES ($code, $name, 'DEMO', 3, 2)", connection, transaction))
        {
            var code = agency.Parameters.Add("$code", SqliteType.Text);
            var name = agency.Parameters.Add("$name", SqliteType.Text);
            foreach (var c in codes.Skip(1))
            {
                (code.Value, name.Value) = (c, "基准测试机关" + c);
                agency.ExecuteNonQuery();
            }
        }

        // The secondary indexes are dropped and built once at the end (a sorted build instead of a million random
        // inserts into each), and rows go in by primary key, so its index is appended to rather than split at random.
        var indexes = new List<(string Name, string Sql)>();
        using (var list = new SqliteCommand("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications' AND sql IS NOT NULL", connection, transaction))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var index in indexes)
        {
            Execute(connection, $"DROP INDEX \"{index.Name}\"", transaction);
        }

        var rows = Cases(codes).Select(row => (Id: row.Id.ToString().ToUpperInvariant(), Row: row)).ToList();
        rows.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        using (var insert = new SqliteCommand(
            $"INSERT INTO applications ({CaseColumns}) VALUES ($id, $a, $t, $c, '申请人', '', '', '某某文件', '电子邮件', 3, $r, $r, $s, 0, 0, $o, $d, '', 1)", connection, transaction))
        {
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var a = insert.Parameters.Add("$a", SqliteType.Text);
            var t = insert.Parameters.Add("$t", SqliteType.Text);
            var cat = insert.Parameters.Add("$c", SqliteType.Integer);
            var r = insert.Parameters.Add("$r", SqliteType.Text);
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            var o = insert.Parameters.Add("$o", SqliteType.Integer);
            var d = insert.Parameters.Add("$d", SqliteType.Text);
            insert.Prepare();
            foreach (var (key, row) in rows)
            {
                id.Value = key;
                a.Value = row.Agency;
                t.Value = row.Tracking;
                cat.Value = row.Category;
                r.Value = row.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                s.Value = row.State;
                o.Value = (object?)row.Outcome ?? DBNull.Value;
                d.Value = row.Decided is { } decided ? decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
                insert.ExecuteNonQuery();
            }
        }

        foreach (var index in indexes)
        {
            Execute(connection, index.Sql, transaction);
        }

        transaction.Commit();
        Execute(connection, "ANALYZE");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static void SeedPostgres(string connectionString, string[] codes)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var agencies = connection.BeginBinaryImport("COPY agencies (code, name, parent_code, level, kind) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in codes.Skip(1))
            {
                agencies.WriteRow(c, "基准测试机关" + c, "DEMO", 3, 2);
            }

            agencies.Complete();
        }

        using (var writer = connection.BeginBinaryImport($"COPY applications ({CaseColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in Cases(codes))
            {
                writer.StartRow();
                writer.Write(row.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
                writer.Write(row.Agency);
                writer.Write(row.Tracking);
                writer.Write(row.Category);
                foreach (var text in new[] { "申请人", string.Empty, string.Empty, "某某文件", "电子邮件" })
                {
                    writer.Write(text);
                }

                writer.Write(3);
                writer.Write(row.Received, NpgsqlTypes.NpgsqlDbType.Date);
                writer.Write(row.Received, NpgsqlTypes.NpgsqlDbType.Date);
                writer.Write(row.State);
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

        Execute(connection, "ANALYZE");
    }

    private static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
