using System.IO.Compression;

namespace Gongkai.Reporting.Parsing;

/// <summary>How far a zip container (.docx, .xlsx) may unpack before it is refused as a zip bomb.</summary>
public sealed record ZipLimits(long MaxPartBytes, long MaxTotalBytes, int MaxParts);

/// <summary>
/// Refuses a zip bomb before any reader unpacks it (issue 11: a 4 MB .docx whose document.xml inflates to 1.6 GB took
/// the server to 3 GB). The declared sizes are checked first (cheap), then every part is inflated through a counting
/// limit into nothing — the headers can lie, the inflated bytes cannot — so at most the limit is inflated, and none of
/// it kept, before the file is refused. One guard for every zip a host opens: web uploads and command-line imports.
/// </summary>
public static class ZipGuard
{
    /// <summary>Throws <see cref="InvalidDataException"/> with a Chinese reason when <paramref name="stream"/> exceeds a limit.</summary>
    public static void Check(Stream stream, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > limits.MaxParts)
        {
            throw new InvalidDataException($"文件包含 {zip.Entries.Count} 个部件，超过上限 {limits.MaxParts}（可能是恶意构造的压缩包）");
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (entry.Length > limits.MaxPartBytes || declared > limits.MaxTotalBytes)
            {
                throw TooLarge(limits);
            }
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            long inPart = 0;
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                inPart += read;
                total += read;
                if (inPart > limits.MaxPartBytes || total > limits.MaxTotalBytes)
                {
                    throw TooLarge(limits);
                }
            }
        }
    }

    private static InvalidDataException TooLarge(ZipLimits limits) => new(
        $"解压后超过 {limits.MaxTotalBytes / (1024 * 1024)} MB（单个部件上限 {limits.MaxPartBytes / (1024 * 1024)} MB），可能是恶意构造的压缩包，未读取");
}
