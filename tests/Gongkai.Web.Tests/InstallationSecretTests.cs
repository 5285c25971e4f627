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

        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task TwoServersStartingAtOnce_AgreeOnOneSecret()
    {
        var secrets = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => InstallationSecret.LoadOrCreate(SecretFile))));

        Assert.Single(secrets.Distinct());
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void DamagedSecretFile_RefusedWithAClearMessage_NotReplaced()
    {
        File.WriteAllText(SecretFile, "short");

        var error = Assert.Throws<InvalidOperationException>(() => InstallationSecret.LoadOrCreate(SecretFile));

        Assert.Contains("密钥无效", error.Message, StringComparison.Ordinal);
        Assert.Equal("short", File.ReadAllText(SecretFile));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
