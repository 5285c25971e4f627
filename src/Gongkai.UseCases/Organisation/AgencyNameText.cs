using System.Globalization;
using System.Text;

namespace Gongkai.UseCases.Organisation;

/// <summary>
/// An agency's name as Gongkai keeps it: one line of text without control characters (a NUL made PostgreSQL refuse a
/// collect's whole batch with a 500; ESC and CR/LF reached pages and e-mail headers), format characters (zero-width
/// spaces and joiners let a report's name pass for another agency's and escape the check against the offices above;
/// U+202E turned a name around on the public pages), lone surrogates or Unicode non-characters.
/// </summary>
public static class AgencyNameText
{
    /// <summary>The name without those characters, runs of white space (line breaks and tabs included) as one space, trimmed.</summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(name.Length);
        var space = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, name[i + 1]);
                if ((scalar & 0xFFFE) != 0xFFFE)
                {
                    Flush();
                    sb.Append(c).Append(name[i + 1]);
                }

                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (Refused(c))
            {
                continue;
            }

            Flush();
            sb.Append(c);
        }

        return sb.ToString();

        void Flush()
        {
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
        }
    }

    /// <summary>The first character a name may not hold, as <c>U+XXXX</c>; null when none.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, name[i + 1]);
                if ((scalar & 0xFFFE) == 0xFFFE)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"U+{scalar:X4}");
                }

                i++;
                continue;
            }

            if (c is '\t' or '\r' or '\n' || Refused(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
        }

        return null;
    }

    private static bool Refused(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
        || c is (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF';
}
