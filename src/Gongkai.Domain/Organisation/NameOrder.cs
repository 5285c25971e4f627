using System.Globalization;

namespace Gongkai.Domain.Organisation;

/// <summary>
/// The order people expect a list of Chinese names in: by pinyin (the zh-CN collation of ICU), as a printed directory
/// of agencies is sorted — code-point order puts 示例市教育局 before 示例市北区 for no reason a reader can see. Where the
/// runtime has no ICU (invariant globalisation) it falls back to code-point order rather than failing.
/// </summary>
public static class NameOrder
{
    public static StringComparer Pinyin { get; } = Create();

    private static StringComparer Create()
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo("zh-CN");
            // Invariant globalisation answers with a culture whose comparison is ordinal; say so by returning ordinal.
            return culture.CompareInfo.Compare("安", "北") < 0 && culture.CompareInfo.Compare("北", "安") > 0
                ? StringComparer.Create(culture, ignoreCase: false)
                : StringComparer.Ordinal;
        }
        catch (CultureNotFoundException)
        {
            return StringComparer.Ordinal;
        }
    }
}
