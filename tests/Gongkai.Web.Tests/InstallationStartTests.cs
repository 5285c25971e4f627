using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>/healthz for the proxy, and a start refused when a lost access-code secret would void issued codes.</summary>
public sealed class InstallationStartTests
{
    [Fact]
    public async Task Healthz_DatabaseReachable_200_Gone_503()
    {
        var directory = Directory.CreateTempSubdirectory("gongkai-health-").FullName;
        var databaseDirectory = Directory.CreateDirectory(Path.Combine(directory, "db")).FullName;
        try
        {
            using var factory = new InstanceFactory($"Data Source={Path.Combine(databaseDirectory, "gongkai.db")}");
            using var client = factory.CreateClient();

            var up = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
            Assert.Equal("ok", await up.Content.ReadAsStringAsync());

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(databaseDirectory, recursive: true);
            var down = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);

            // The calendar's version check is due before this request and cannot reach the database: still 503, not 500.
            factory.Services.GetRequiredService<Gongkai.UseCases.Calendar.CalendarInForce>().Invalidate();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SecretFileLost_WithCodesIssued_StartRefused_RestoredFile_StartsAndCodesWork()
    {
        string directory;
        string tracking;
        string code;
        using (var before = new GongkaiFactory { KeepData = true })
        {
            directory = before.DataDirectory;
            using var client = before.CreateClient();
            var created = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
            using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            tracking = receipt.RootElement.GetProperty("trackingNumber").GetString()!;
            code = receipt.RootElement.GetProperty("accessCode").GetString()!;
        }

        try
        {
            var file = Path.Combine(directory, "access-code.secret");
            var secret = await File.ReadAllTextAsync(file);
            File.Delete(file);

            using (var lost = GongkaiFactory.RestartOn(directory))
            {
                var refused = Record.Exception(() => lost.CreateClient());
                Assert.NotNull(refused);
                Assert.Contains("拒绝启动：数据目录中没有访问码密钥文件", refused.ToString(), StringComparison.Ordinal);
                Assert.Contains("请从备份恢复", refused.ToString(), StringComparison.Ordinal);
            }

            Assert.False(File.Exists(file));
            await File.WriteAllTextAsync(file, secret);
            using var restored = GongkaiFactory.RestartOn(directory);
            using var again = restored.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/applications/{tracking}/status?code={code}")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
