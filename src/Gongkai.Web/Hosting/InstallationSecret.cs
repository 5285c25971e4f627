using System.Security.Cryptography;

namespace Gongkai.Web.Hosting;

/// <summary>
/// A random secret made once per installation and kept in a file readable by its owner only. Two servers starting
/// at once on a shared directory agree: the file is written under a temporary name and moved into place without
/// overwriting, so the first one wins and the second reads it.
/// </summary>
public static class InstallationSecret
{
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return Read(path);
    }

    private static string Read(string path)
    {
        var secret = File.ReadAllText(path).Trim();
        return secret.Length >= 16
            ? secret
            : throw new InvalidOperationException($"{path} 中的密钥无效（过短或为空）。删除该文件会使已发出的查询码全部失效；请从备份恢复，或在配置中设置 Gongkai:AccessCodeSecret。");
    }
}
