namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 11: the data directory is 0700 and its files 0600, on creation and on every start.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileTests
{
    private const UnixFileMode Directory700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task FirstStart_DirectoryPrivate_DatabaseAndSecretOwnerOnly()
    {
        using var factory = new GongkaiFactory();
        using var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.Equal(Directory700, File.GetUnixFileMode(factory.DataDirectory));
        foreach (var file in Directory.EnumerateFiles(factory.DataDirectory, "gongkai.db*").Append(Path.Combine(factory.DataDirectory, "access-code.secret")))
        {
            Assert.True(File.GetUnixFileMode(file) == File600, $"{file}: {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task Restart_LooseModesFromBefore_Tightened()
    {
        string directory;
        using (var first = new GongkaiFactory { KeepData = true })
        {
            using var client = first.CreateClient();
            await client.GetAsync("/");
            directory = first.DataDirectory;
        }

        try
        {
            // As an installation made before this fix left them.
            File.SetUnixFileMode(directory, Directory700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var db = Path.Combine(directory, "gongkai.db");
            File.SetUnixFileMode(db, File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var secret = Path.Combine(directory, "access-code.secret");
            File.SetUnixFileMode(secret, File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            using (var again = GongkaiFactory.RestartOn(directory))
            {
                using var client = again.CreateClient();
                await client.GetAsync("/");
            }

            Assert.Equal(Directory700, File.GetUnixFileMode(directory));
            Assert.Equal(File600, File.GetUnixFileMode(db));
            Assert.Equal(File600, File.GetUnixFileMode(secret));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
