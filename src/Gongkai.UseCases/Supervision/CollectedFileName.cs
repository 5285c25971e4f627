using Gongkai.UseCases.Attachments;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The name a collected file is kept and shown under: cleaned as the applicants' attachments and the registry's files
/// are (<see cref="FileNames.SafeName"/>: the last part of the path, without control characters — a NUL made
/// PostgreSQL refuse the whole batch with a 500, an ESC reached the pages — format characters — U+202E turned
/// <c>exe.txt</c> around on screen — or markup), short enough for the column (260), the extension kept.
/// </summary>
public static class CollectedFileName
{
    public const int MaxLength = 260;

    public static string Clean(string? name) => FileNames.SafeName(name ?? string.Empty, MaxLength, unnamed: "未命名文件");
}
