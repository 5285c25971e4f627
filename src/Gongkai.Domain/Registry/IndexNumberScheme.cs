using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Registry;

/// <summary>
/// 索引号 scheme: a pattern with <c>{agency}</c>, <c>{year}</c> and <c>{serial:N}</c> (N digits). The default follows
/// the national 目录系统实施指引 (前段码/后段码 = agency code / year - 5-digit serial). [P] Schemes change, so the
/// pattern is stored with every number it made; imported numbers are kept as written.
/// </summary>
public sealed class IndexNumberScheme
{
    public const string DefaultPattern = "{agency}/{year}-{serial:5}";

    public IndexNumberScheme(string? pattern = null)
    {
        Pattern = string.IsNullOrWhiteSpace(pattern) ? DefaultPattern : pattern.Trim();
        if (!Pattern.Contains("{serial", StringComparison.Ordinal))
        {
            throw new ArgumentException("索引号规则须含 {serial} 或 {serial:N}", nameof(pattern));
        }
    }

    public string Pattern { get; }

    public string Format(string agency, int year, int serial)
    {
        var sb = new StringBuilder(Pattern);
        sb.Replace("{agency}", agency).Replace("{year}", year.ToString("0000", CultureInfo.InvariantCulture));
        var text = sb.ToString();
        var start = text.IndexOf("{serial", StringComparison.Ordinal);
        var end = text.IndexOf('}', start);
        var spec = text[(start + 7)..end];
        var digits = spec.StartsWith(':') && int.TryParse(spec[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return string.Concat(text.AsSpan(0, start), serial.ToString(new string('0', digits), CultureInfo.InvariantCulture), text.AsSpan(end + 1));
    }

    /// <summary>What comes before the serial for an agency and year, so the store can find the highest serial used.</summary>
    public string Prefix(string agency, int year) =>
        Pattern[..Pattern.IndexOf("{serial", StringComparison.Ordinal)]
            .Replace("{agency}", agency, StringComparison.Ordinal)
            .Replace("{year}", year.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// Checks an index number as written on an existing site: not empty, at most 50 characters, no white space.
    /// [P] Real numbers deviate from the national shape (a hyphen kept, a dash for the slash), so only this is refused.
    /// </summary>
    public static string? Problem(string number) =>
        number.Length == 0 ? "索引号为空"
        : number.Length > 50 ? "索引号超过 50 个字符"
        : number.Any(char.IsWhiteSpace) ? "索引号含空白字符"
        : null;
}
