using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Registry;

/// <summary>Dates as exported catalogues write them: <c>2024-03-05</c>, <c>2024/3/5</c> or <c>2024年3月5日</c>.</summary>
public static partial class RegistryDates
{
    [GeneratedRegex(@"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?\s*$")]
    private static partial Regex Shape();

    /// <summary>Blank is null without a problem; anything else is a date or a problem in Chinese.</summary>
    public static (DateOnly? Date, string? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var m = Shape().Match(text);
        if (!m.Success)
        {
            return (null, $"日期“{text.Trim()}”格式不对，应为 YYYY-MM-DD 或 YYYY年M月D日");
        }

        var (y, mo, d) = (Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || y < 1949)
        {
            return (null, $"日期“{text.Trim()}”不存在");
        }

        return (new DateOnly(y, mo, d), null);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
