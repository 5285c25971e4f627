namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// The one rule for text that enters Gongkai (forms, JSON, report sections): no C0/C1 control characters other than
/// tab and line breaks, no lone surrogates, no Unicode non-characters (U+FDD0–U+FDEF, U+xxFFFE/U+xxFFFF) and no bidi
/// overrides or isolates (U+202A–U+202E, U+2066–U+2069: they make a name or a request read differently from what is
/// stored, "Trojan source"). Such characters made every .docx of a case answer 500, and NUL broke PostgreSQL.
/// </summary>
public static class InputText
{
    /// <summary>The first character <paramref name="text"/> may not contain, described in Chinese; null when it is acceptable.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var scalar = char.ConvertToUtf32(c, text[i + 1]);
                    if ((scalar & 0xFFFE) == 0xFFFE)
                    {
                        return Describe(scalar, "非字符");
                    }

                    i++;
                    continue;
                }

                return Describe(c, "不成对的代理项");
            }

            if (char.IsLowSurrogate(c))
            {
                return Describe(c, "不成对的代理项");
            }

            var problem = c switch
            {
                '\t' or '\n' or '\r' => null,
                < '\u0020' or (>= '\u007F' and <= '\u009F') => "控制字符",
                (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => "双向文字控制符",
                (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF' => "非字符",
                _ => null,
            };
            if (problem is not null)
            {
                return Describe(c, problem);
            }
        }

        return null;
    }

    /// <summary>The message for a field: names the field and the character, says what to do.</summary>
    public static string Message(string field, string problem) => $"“{field}”含有不允许的字符（{problem}），请删除后重新提交。";

    private static string Describe(int scalar, string kind) => $"{kind} U+{scalar:X4}";
}
