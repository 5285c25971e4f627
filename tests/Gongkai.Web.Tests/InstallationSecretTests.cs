using Gongkai.Web.Hosting;

namespace Gongkai.Web.Tests;

public sealed class InstallationSecretTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongkai-secret-").FullName;

    private string SecretFile => Path.Combine(_directory, "access-code.secret");

    [Fact]
    public void FirstStart_MakesARandomSecret_OwnerOnly_LaterStartsReadTheSame()
    {
        var first = InstallationSecret.LoadOrCreate(SecretFile);
        var again = InstallationSecret.LoadOrCreate(SecretFile);

        Assert.Equal(first, again);
        Assert.Equal(32, Convert.FromBase64String(first).Length);
        Assert.NotEqual(first, InstallationSecret.LoadOrCreate(Path.Combine(_directory, "other.secret")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SecretFile));
        }

    }

    [Fact]
    public async Task TwoServersStartingAtOnce_AgreeOnOneSecret()
    {
        for (var round = 0; round < 20; round++)
        {
            var file = Path.Combine(_directory, $"round-{round}.secret");

            var secrets = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => InstallationSecret.LoadOrCreate(file))));

            Assert.Single(secrets.Distinct());
            Assert.Equal(secrets[0], await File.ReadAllTextAsync(file));
        }
    }

    [Fact]
    public void DamagedSecretFile_RefusedWithAClearMessage_NotReplaced()
    {
        File.WriteAllText(SecretFile, "short");
        File.SetLastWriteTimeUtc(SecretFile, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var error = Assert.Throws<InvalidOperationException>(() => InstallationSecret.LoadOrCreate(SecretFile));

        Assert.Contains("密钥无效", error.Message, StringComparison.Ordinal);
        Assert.Equal("short", File.ReadAllText(SecretFile));
    }

    [Fact]
    public async Task AnotherServerStillWriting_WaitedFor_ItsSecretUsed()
    {
        await File.WriteAllTextAsync(SecretFile, string.Empty);

        var reading = Task.Run(() => InstallationSecret.LoadOrCreate(SecretFile));
        await Task.Delay(300);
        await File.WriteAllTextAsync(SecretFile, "c2VjcmV0LXdyaXR0ZW4tYnktdGhlLW90aGVyLXNlcnZlcg==");

        Assert.Equal("c2VjcmV0LXdyaXR0ZW4tYnktdGhlLW90aGVyLXNlcnZlcg==", await reading);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
