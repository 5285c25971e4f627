using System.Globalization;

namespace Gongkai.UseCases.Attachments;

/// <summary>
/// The name an uploaded file is stored and shown under, for the applicants' attachments and the registry's alike. The
/// browser's file name is not a form field, so the input guard (<c>InputText</c>) never sees it: it is cleaned here.
/// </summary>
internal static class FileNames
{
    /// <summary>An extension longer than this is taken as part of the name (it is not one the file types know).</summary>
    private const int MaxExtension = 16;

    /// <summary>
    /// The uploader's words without a path, control characters (NUL, ESC, line breaks…), format characters (bidi
    /// overrides and isolates such as U+202E, which make <c>gpj.exe</c> read as <c>exe.jpg</c>; zero-width characters),
    /// lone surrogates, non-characters or markup; at most <paramref name="maxLength"/> characters (the column's), the
    /// extension kept when the name is cut. Ends in <paramref name="extension"/> when given (the detected type's), else
    /// in the name's own. PostgreSQL refuses NUL and lone surrogates outright (22021), so they cannot reach a row.
    /// A name with nothing left before the extension is <paramref name="unnamed"/>.
    /// </summary>
    public static string SafeName(string fileName, int maxLength, string? extension = null, string unnamed = "附件")
    {
        var name = Clean(Path.GetFileName(fileName.Replace('\\', '/')));
        var own = Path.GetExtension(name);
        if (own.Length > MaxExtension)
        {
            own = string.Empty;
        }

        var stem = name[..^own.Length].Trim();
        extension ??= own;
        if (stem.Length == 0)
        {
            stem = unnamed;
        }

        var room = maxLength - extension.Length;
        if (stem.Length > room)
        {
            // Never half a surrogate pair.
            stem = stem[..(char.IsHighSurrogate(stem[room - 1]) ? room - 1 : room)];
        }

        return stem + extension;
    }

    private static string Clean(string name)
    {
        var kept = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, name[i + 1]);
                if ((scalar & 0xFFFE) != 0xFFFE && CharUnicodeInfo.GetUnicodeCategory(scalar) != UnicodeCategory.Format)
                {
                    kept.Append(c).Append(name[i + 1]);
                }

                i++;
                continue;
            }

            var dropped = CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF'
                || c is '<' or '>' or '"' or '/' or ':' or '|' or '?' or '*';
            if (!dropped)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim();
    }
}
