using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Durability: the real server (a process on a free loopback port) is killed with SIGKILL in the middle of a burst of
/// applications; every application it acknowledged (201) is in the database afterwards, on SQLite and PostgreSQL.
/// </summary>
public sealed class KillNineTests
{
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task BurstThenKill9_EveryAcknowledgedApplicationSurvives(string provider)
    {
        using var postgres = provider == "postgres" ? PostgresDatabase.Create() : null;
        var directory = Directory.CreateTempSubdirectory("gongkai-kill9-").FullName;
        var database = postgres?.ConnectionString ?? Path.Combine(directory, "gongkai.db");
        try
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Gongkai__DataDirectory"] = directory;
            start.Environment["Gongkai__Database"] = database;
            start.Environment["Gongkai__ApplyPerMinute"] = "100000";
            start.Environment["Gongkai__DemoPassword"] = GongkaiFactory.DemoPassword;
            // A plain start is Production, which seeds nothing: the burst needs the demo agency to apply to.
            start.Environment["Gongkai__SeedDemo"] = "true";
            using var server = Process.Start(start)!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilUp(client, server);

            var acknowledged = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop.Token));
                            acknowledged.Add(receipt.RootElement.GetProperty("trackingNumber").GetString()!);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or IOException)
                    {
                        // The server is gone: what it did not answer was not acknowledged.
                    }
                }
            })).ToArray();
            // Bounded: a server that acknowledges nothing (a refused form, a broken start) fails the test, never hangs it.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count < 100 && !server.HasExited && clock.Elapsed < TimeSpan.FromSeconds(180))
            {
                await Task.Delay(20);
            }

            server.Kill(); // SIGKILL: no shutdown, no flush beyond what each commit already did.
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);

            Assert.True(acknowledged.Count >= 100, $"only {acknowledged.Count} acknowledged before the kill");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using var db = Database.Open(database);
            var numbers = acknowledged.ToArray();
            var stored = await db.Applications.AsNoTracking().Where(a => numbers.Contains(a.TrackingNumber)).CountAsync();
            Assert.Equal(numbers.Length, stored);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task WaitUntilUp(HttpClient client, Process server)
    {
        for (var i = 0; i < 240 && !server.HasExited; i++)
        {
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException("the server did not start");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
