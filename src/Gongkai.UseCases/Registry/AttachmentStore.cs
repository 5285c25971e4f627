using System.Security.Cryptography;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Attachment files under the data directory (<c>registry-files/ab/abcdef…</c>), named by their SHA-256: the same file
/// attached twice is stored once, and a stored file can be checked against its name.
/// </summary>
public sealed class AttachmentStore(string root)
{
    public string Root { get; } = root;

    /// <summary>Lower-case hex SHA-256 of <paramref name="content"/>: its name in the store.</summary>
    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Puts <paramref name="content"/> in place under <paramref name="sha"/> (its <see cref="HashOf"/>) unless it is there already.</summary>
    public void Save(byte[] content, string sha)
    {
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, content);
            File.Move(temp, path, overwrite: true);
        }
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
