using System.Security.Cryptography;

namespace Gongkai.Web.Hosting;

/// <summary>
/// A random secret made once per installation and kept in a file readable by its owner only. Two servers starting
/// at once on a shared directory agree: the file is created exclusively (O_EXCL — File.Move without overwrite is a
/// check-then-rename on Unix and can replace a file that appeared in between), so exactly one of them writes it and
/// the others read it, waiting briefly while the writer is still writing.
/// </summary>
public static class InstallationSecret
{
    private static readonly TimeSpan WriterGrace = TimeSpan.FromSeconds(5);

    public static string LoadOrCreate(string path)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(secret);
            writer.Flush();
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path);
        }
    }

    private static string Read(string path)
    {
        while (true)
        {
            var secret = File.ReadAllText(path).Trim();
            if (secret.Length >= 16)
            {
                return secret;
            }

            // Another server may have just created the file and not written it yet; an old short file is damage.
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > WriterGrace)
            {
                throw new InvalidOperationException($"{path} 中的密钥无效（过短或为空）。删除该文件会使已发出的查询码全部失效；请从备份恢复，或在配置中设置 Gongkai:AccessCodeSecret。");
            }

            Thread.Sleep(50);
        }
    }
}
