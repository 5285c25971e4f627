using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Gongkai.Web.Tests;

/// <summary>
/// Two web servers behind a proxy on one PostgreSQL database, sharing no folder: a sign-in on one is good on the
/// other (one key ring, in the database), an application made on one is looked up with its access code on the
/// other (one access-code secret, in the database). Skipped with the reason when PostgreSQL is not configured.
/// </summary>
public sealed class TwoServersTests
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    [PostgresFact]
    public async Task OfficerSignsInOnOne_ActsOnTheOther_ApplicationMadeOnOne_LookedUpOnTheOther()
    {
        using var database = new PostgresDatabase();
        using var first = new InstanceFactory(database.ConnectionString);
        using var second = new InstanceFactory(database.ConnectionString);
        var cookies = new CookieContainer();
        using var one = first.Client(cookies);
        using var other = second.Client(cookies);

        // The officer signs in on the first server …
        var signedIn = await Post(one, "/staff/login", "/staff/login", new() { ["UserName"] = "head", ["Password"] = GongkaiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // … registers a case on the second with the same cookie …
        var registered = await Post(other, "/staff/cases/new", "/staff/cases/new", new()
        {
            ["Form.Channel"] = "InPerson",
            ["ReceivedOn"] = StaffSession.Today,
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = "张三",
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "13800000000",
            ["Form.Request"] = "某某项目的环评批复",
            ["Form.DeliveryForm"] = "纸质文本",
            ["Form.DeliveryChannel"] = "邮寄",
        });
        var html = await registered.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var caseUrl = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"(/staff/cases/[0-9a-f-]{36})\">").Groups[1].Value;
        Assert.NotEmpty(caseUrl);

        // … and acts on it on the first again (a form token made by one server, posted to the other).
        var page = await other.GetStringAsync(caseUrl);
        var acted = await one.PostAsync(caseUrl + "?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["version"] = StaffSession.Version(page).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Action"] = "StartConsultation",
            ["On"] = StaffSession.Today,
            ["Text"] = "某局",
        }));
        Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);
        Assert.Contains("书面征求某局意见", await other.GetStringAsync(caseUrl), StringComparison.Ordinal);

        // A member of the public applies on the first server and looks the application up on the second.
        var created = await one.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var tracking = receipt.RootElement.GetProperty("trackingNumber").GetString();
        var code = receipt.RootElement.GetProperty("accessCode").GetString();
        var status = await other.GetAsync($"/api/applications/{tracking}/status?code={code}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        // Nothing of it came from a folder: neither server wrote a key ring or a secret file.
        foreach (var directory in new[] { first.DataDirectory, second.DataDirectory })
        {
            Assert.False(Directory.Exists(Path.Combine(directory, "keys")));
            Assert.False(File.Exists(Path.Combine(directory, "access-code.secret")));
        }

        Assert.True(database.Count("data_protection_keys") >= 1);
        Assert.Equal(1, database.Count("installation_secrets"));
    }

    [PostgresFact]
    public async Task SecretRowLost_WithCodesIssued_StartRefusedWithWhatToDo()
    {
        using var database = new PostgresDatabase();
        using (var first = new InstanceFactory(database.ConnectionString))
        {
            using var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm)).StatusCode);
        }

        database.Execute("DELETE FROM installation_secrets");
        using var again = new InstanceFactory(database.ConnectionString);

        var refused = Record.Exception(() => again.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains("拒绝启动：数据库中没有访问码密钥", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, database.Count("installation_secrets"));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A fact that needs PostgreSQL: skipped with the reason when GONGKAI_TEST_POSTGRES is not set.</summary>
    public sealed class PostgresFactAttribute : FactAttribute
    {
        public PostgresFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                Skip = $"PostgreSQL not configured: set {PostgresVariable} (bash .ci/run installs Debian's postgresql and sets it)";
            }
        }
    }

    /// <summary>A fresh PostgreSQL database for one test, dropped afterwards.</summary>
    private sealed class PostgresDatabase : IDisposable
    {
        private readonly string _admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        private readonly string _name = "gongkai_web_" + Guid.NewGuid().ToString("N")[..12];

        public PostgresDatabase()
        {
            Execute($"CREATE DATABASE {_name}", _admin);
            ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
        }

        public string ConnectionString { get; }

        public long Count(string table)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            return (long)command.ExecuteScalar()!;
        }

        public void Execute(string sql) => Execute(sql, ConnectionString);

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", _admin);
        }

        private static void Execute(string sql, string connectionString)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
