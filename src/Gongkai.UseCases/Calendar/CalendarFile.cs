using Gongkai.Domain.Calendar;
using Gongkai.Reporting.Parsing;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// The working-day calendar in force: a file named by the caller or by GONGKAI_CALENDAR (same format as
/// data/cn-holidays.csv), else the data compiled in. The CLI counts with it; the web application stores it as the
/// first version of its database calendar (CalendarStore), which administrators then update. Its bytes are decoded as
/// the importer decodes a report (UTF-8, UTF-16 or GB18030/GBK: a CSV saved from Excel on a Chinese system is GBK) and
/// read only up to a limit: a year's notice is some forty lines, the whole compiled-in history 8 KB.
/// </summary>
public static class CalendarFile
{
    public const string EnvironmentVariable = "GONGKAI_CALENDAR";

    /// <summary>The largest calendar file read (1 MB, over a hundred times the compiled-in data); a larger one is refused unread.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The calendar, or null with the problem (unreadable or malformed file).</summary>
    public static WorkingDayCalendar? Load(string? path, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }
        if (string.IsNullOrWhiteSpace(path))
        {
            return WorkingDayCalendar.Embedded;
        }

        string? text;
        string? readProblem;
        try
        {
            using var stream = File.OpenRead(path);
            text = Read(stream, MaxFileBytes, out readProblem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"无法读取日历文件 {path}：{ex.Message}";
            return null;
        }

        if (text is null)
        {
            problem = $"无法读取日历文件 {path}：{readProblem}";
            return null;
        }

        var calendar = WorkingDayCalendar.Parse(text, path, out var parseProblem);
        if (calendar is null)
        {
            problem = $"日历文件 {path} 有误：{parseProblem}";
        }

        return calendar;
    }

    /// <summary>
    /// The text of a calendar file of at most <paramref name="maxBytes"/> bytes, or null with the problem: too large
    /// (a file whose length shows it is refused unread, any other stream after one chunk past the limit), or not
    /// UTF-8, UTF-16 or GB18030/GBK text.
    /// </summary>
    public static string? Read(Stream stream, int maxBytes, out string? problem)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (!Over(stream, buffer, maxBytes) && (read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return Decode(buffer, Over(stream, buffer, maxBytes), maxBytes, out problem);
    }

    /// <summary>Asynchronous <see cref="Read"/> (an uploaded file).</summary>
    public static async Task<(string? Text, string? Problem)> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (!Over(stream, buffer, maxBytes) && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var text = Decode(buffer, Over(stream, buffer, maxBytes), maxBytes, out var problem);
        return (text, problem);
    }

    // Past the limit: read beyond it, or (a stream that knows its length) what is read plus what remains.
    private static bool Over(Stream stream, MemoryStream buffer, int maxBytes) =>
        buffer.Length > maxBytes || (stream.CanSeek && buffer.Length + stream.Length - stream.Position > maxBytes);

    private static string? Decode(MemoryStream buffer, bool over, int maxBytes, out string? problem)
    {
        problem = null;
        if (over)
        {
            problem = $"文件超过 {Size(maxBytes)}，不是节假日文件（每年只有几十行），未读取";
            return null;
        }

        var text = TextDecoding.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out _);
        if (text is null)
        {
            problem = "文本编码无法识别，或内容不是文本：节假日文件应是 UTF-8、UTF-16 或 GB18030/GBK 编码的 CSV 文本";
        }

        return text;
    }

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
