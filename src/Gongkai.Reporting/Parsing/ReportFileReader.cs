using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Json;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The one entry point that reads a report file of any supported shape. Bad input (missing file,
/// too large, malformed content) becomes diagnostics; nothing here throws for a bad file.
/// </summary>
public static class ReportFileReader
{
    /// <summary>Files larger than this are refused unread (published reports are far smaller).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static ReadResult ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                var reason = Directory.Exists(path) ? "这是一个目录，不是文件" : "文件不存在";
                return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, $"{path}（{reason}）"));
            }

            if (info.Length > MaxFileBytes)
            {
                return ReadResult.Failed(DiagnosticCatalog.InputTooLarge.Create(DiagnosticLocation.Report, FormatSize(info.Length), FormatSize(MaxFileBytes)));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, $"{path}（{ex.Message}）"));
        }

        return Read(bytes);
    }

    /// <summary>Reads report content from bytes, detecting the shape.</summary>
    public static ReadResult Read(ReadOnlySpan<byte> bytes)
    {
        var text = TextDecoding.Decode(bytes, out var decodeProblem);
        if (text is null)
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, decodeProblem));
        }

        var start = text.AsSpan().TrimStart();
        if (start.Length > 0 && start[0] == '{')
        {
            return CanonicalJsonReader.Read(text);
        }

        return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(
            DiagnosticLocation.Report, "无法识别的内容：目前只接受规范 JSON 格式的年度报告"));
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
