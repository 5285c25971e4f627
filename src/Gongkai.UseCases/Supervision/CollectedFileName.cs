using System.Globalization;
using System.Text;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The name a collected file is kept and shown under: the last part of the path the browser or the command line gave,
/// without control characters (a NUL made PostgreSQL refuse the whole batch with a 500; an ESC reached the pages) or
/// format characters (U+202E turned <c>exe.txt</c> around on screen), and short enough for the column (260).
/// </summary>
public static class CollectedFileName
{
    public const int MaxLength = 260;

    public static string Clean(string? name)
    {
        var last = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var builder = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            // A lone surrogate comes out as U+FFFD and is dropped; a character beyond the BMP (𠮷) is kept whole.
            if (!Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format && rune != Rune.ReplacementChar)
            {
                builder.Append(rune.ToString());
            }
        }

        var kept = builder.ToString().Trim();
        if (kept.Length == 0)
        {
            return "未命名文件";
        }

        if (kept.Length <= MaxLength)
        {
            return kept;
        }

        // Keep the extension (it tells the reader the shape) and cut the stem.
        var extension = Path.GetExtension(kept);
        extension = extension.Length is > 0 and <= 16 ? extension : string.Empty;
        var stem = kept[..(MaxLength - extension.Length)];
        return (char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem) + extension;
    }
}
