using System.Security.Cryptography;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Attachment files under the data directory (<c>registry-files/ab/abcdef…</c>), named by their SHA-256: the same file
/// attached twice is stored once, and a stored file can be checked against its name.
/// </summary>
public sealed class AttachmentStore(string root)
{
    public string Root { get; } = root;

    public string Save(byte[] content)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, content);
            File.Move(temp, path, overwrite: true);
        }

        return sha;
    }

    /// <summary>The stored file, or null when it is missing.</summary>
    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string sha) => Path.Combine(Root, sha[..2], sha);
}
