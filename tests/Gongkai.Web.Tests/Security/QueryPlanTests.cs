using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Issue 10's benchmark (bench/platform.sh): the officers' queue and the status lookup keep their figures with 1,000
/// agencies and 1,000,000 cases in the database. That holds when every statement they run is an index search bounded
/// by the agency, the user or the case, never a scan of a table that grows with the installation. The statements are
/// taken from real requests and explained on the same database: on SQLite no table is scanned (the planner of an
/// unanalysed database, as a real one is, picks the same plans whatever the size); on PostgreSQL, with sequential
/// scans, hash and merge joins priced out (its planner weighs table sizes), every scan has an index condition.
/// </summary>
public sealed partial class QueryPlanTests
{
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task QueueAndStatusLookup_EveryStatementSearchesAnIndex(string provider)
    {
        using var counter = new SyncCommandCounter();
        var (factory, postgres) = counter.Host(provider);
        using var database = postgres;
        using var _ = factory;
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (tracking, code) = await Apply(anonymous);
        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{tracking}/status");
        lookup.Headers.Add("X-Access-Code", code);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(lookup)).StatusCode);
        using var applicant = StaffSession.For(anonymous);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Post("/status", "/status", new() { ["Number"] = tracking, ["Code"] = code })).StatusCode);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        foreach (var url in new[] { "/staff", "/staff?State=all" })
        {
            Assert.Equal(HttpStatusCode.OK, (await clerk.Client.GetAsync(url)).StatusCode);
        }

        var measured = new[] { "GET /staff", "GET /staff?State=all", $"GET /api/applications/{tracking}/status", "POST /status" };
        var statements = counter.All.Where(c => measured.Contains(c.Request)).ToList();
        Assert.All(measured, request => Assert.Contains(statements, s => s.Request == request));
        var scans = new List<string>();
        using DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "gongkai.db")}")
            : new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        if (postgres is not null)
        {
            // PostgreSQL plans by the tables' sizes: on a test database it would read a small table whole and hash it.
            // With sequential scans, hash and merge joins priced out it shows whether an index path exists at all.
            await Execute(connection, "SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off");
        }

        foreach (var statement in statements)
        {
            var problem = postgres is null ? await SqliteScan(connection, statement) : await PostgresScan(connection, statement);
            if (problem is not null)
            {
                scans.Add($"{statement.Request}: {problem}\n{statement.Sql}");
            }
        }

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    /// <summary>The public status page reads the case once (status, notices, fees and the key to its files from one read).</summary>
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task StatusPage_ReadsTheCaseOnce(string provider)
    {
        using var counter = new SyncCommandCounter();
        var (factory, postgres) = counter.Host(provider);
        using var database = postgres;
        using var _ = factory;
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (tracking, code) = await Apply(anonymous);
        using var applicant = StaffSession.For(anonymous);
        var response = await applicant.Post("/status", "/status", new() { ["Number"] = tracking, ["Code"] = code });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span id=\"state\">办理中</span>", page, StringComparison.Ordinal);

        var reads = counter.All.Where(c => c.Request == "POST /status" && ApplicationsRead().IsMatch(c.Sql)).ToList();
        Assert.True(reads.Count == 1, string.Join("\n\n", reads.Select(r => r.Sql)));

        // A wrong code: still one read, and nothing shown.
        var wrong = await (await applicant.Post("/status", "/status", new() { ["Number"] = tracking, ["Code"] = "WRONG-CODE" })).Content.ReadAsStringAsync();
        Assert.Contains("受理编号或查询码不正确", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"state\"", wrong, StringComparison.Ordinal);
    }

    private static async Task<(string Tracking, string Code)> Apply(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("accessCode").GetString()!);
    }

    /// <summary>A table read whole ("SCAN t", "SCAN t USING INDEX i"); scanning a materialised subquery or co-routine is not one.</summary>
    private static async Task<string?> SqliteScan(DbConnection connection, SyncCommandCounter.Executed statement)
    {
        var details = await Explain(connection, "EXPLAIN QUERY PLAN " + statement.Sql, statement, reader => reader.GetString(3));
        var derived = details.Select(d => DerivedTable().Match(d)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var scans = details.Select(d => TableScan().Match(d)).Where(m => m.Success && !derived.Contains(m.Groups[1].Value)).Select(m => m.Value).ToList();
        return scans.Count == 0 ? null : string.Join("; ", scans) + " (plan: " + string.Join(" | ", details) + ")";
    }

    /// <summary>A sequential scan, or an index scan without an index condition (the whole index read in order).</summary>
    private static async Task<string?> PostgresScan(DbConnection connection, SyncCommandCounter.Executed statement)
    {
        var json = (await Explain(connection, "EXPLAIN (FORMAT JSON) " + statement.Sql, statement, reader => reader.GetString(0))).Single();
        using var plan = JsonDocument.Parse(json);
        var problems = new List<string>();
        void Visit(JsonElement node)
        {
            var type = node.GetProperty("Node Type").GetString();
            var relation = node.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
            if (type == "Seq Scan" || (type is "Index Scan" or "Index Only Scan" && !node.TryGetProperty("Index Cond", out var _)))
            {
                problems.Add($"{type} on {relation}");
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Visit(child);
                }
            }
        }

        Visit(plan.RootElement[0].GetProperty("Plan"));
        return problems.Count == 0 ? null : string.Join("; ", problems) + " (plan: " + json + ")";
    }

    private static async Task<List<string>> Explain(DbConnection connection, string sql, SyncCommandCounter.Executed statement, Func<DbDataReader, string> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter is SqliteParameter p ? new SqliteParameter(p.ParameterName, p.Value) : ((ICloneable)parameter).Clone());
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"FROM ""?applications""? AS")]
    private static partial Regex ApplicationsRead();

    [GeneratedRegex(@"^(?:MATERIALIZE|CO-ROUTINE) (\S+)")]
    private static partial Regex DerivedTable();

    [GeneratedRegex(@"^SCAN (\S+)(?: USING (?:COVERING )?INDEX \S+)?$")]
    private static partial Regex TableScan();
}
