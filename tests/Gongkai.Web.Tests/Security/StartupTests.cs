using System.Diagnostics;
using System.Net;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Issue 11 item 13: a bad database stops the real server with a Chinese message naming the file and what to do (no
/// stack trace); a file damaged in the middle is found at start; failing writes do not make a correct sign-in fail.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task DamagedInTheMiddle_RefusesToStart_ChineseMessageWithPath()
    {
        var directory = await Installation();
        try
        {
            var db = Path.Combine(directory, "gongkai.db");
            using (var file = new FileStream(db, FileMode.Open, FileAccess.ReadWrite))
            {
                // Overwrite pages in the middle (not the header): SQLite opens the file happily, quick_check does not pass.
                var pages = file.Length / 4096;
                Assert.True(pages > 8);
                for (var page = pages / 3; page < pages / 3 + 4; page++)
                {
                    file.Position = page * 4096;
                    file.Write(Enumerable.Repeat((byte)0xA5, 4096).ToArray());
                }
            }

            var (exit, output) = await RunServer(directory);

            Assert.Equal(1, exit);
            Assert.Contains("已损坏", output, StringComparison.Ordinal);
            Assert.Contains(db, output, StringComparison.Ordinal);
            Assert.Contains("备份", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task NotADatabase_RefusesToStart_ChineseMessageWithPath()
    {
        var directory = Directory.CreateTempSubdirectory("gongkai-bad-").FullName;
        try
        {
            var db = Path.Combine(directory, "gongkai.db");
            await File.WriteAllTextAsync(db, new string('x', 10_000));

            var (exit, output) = await RunServer(directory);

            Assert.Equal(1, exit);
            Assert.Contains(db, output, StringComparison.Ordinal);
            Assert.Contains("备份", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task WritesFail_CorrectSignInStillSucceeds()
    {
        using var factory = new GongkaiFactory();
        using (var scope = factory.Services.CreateScope())
        {
            // Every write sign-in makes (audit entry, attempt counter, stamp) fails inside the database, as on a full
            // disk. SQLite cannot be made to answer SQLITE_FULL on demand; a trigger's RAISE fails the same statements
            // with an error of the same type (SqliteException), which is what the code handles.
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER full_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER full_users BEFORE UPDATE ON staff_users BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END");
        }

        using var clerk = await StaffSession.SignIn(factory, "clerk");

        Assert.Equal(HttpStatusCode.OK, (await clerk.Client.GetAsync("/staff")).StatusCode);
    }

    /// <summary>A real installation made by the web host (demo data), left in place.</summary>
    private static async Task<string> Installation()
    {
        using var factory = new GongkaiFactory { KeepData = true };
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        return factory.DataDirectory;
    }

    /// <summary>Starts the built server (dotnet Gongkai.Web.dll) on the installation; its exit code and console output.</summary>
    private static async Task<(int Exit, string Output)> RunServer(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.Environment["Gongkai__DataDirectory"] = directory;
        start.Environment["Gongkai__SeedDemo"] = "false";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The server started on a bad database instead of refusing.");
        }

        return (process.ExitCode, await output + await errors);
    }
}
