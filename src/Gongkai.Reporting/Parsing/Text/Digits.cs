namespace Gongkai.Reporting.Parsing.Text;

/// <summary>
/// The value of a run of digits a regex's <c>\d</c> matched. <c>\d</c> is any Unicode decimal digit (Devanagari ५,
/// Arabic-Indic ١, full-width ２), which <c>int.Parse</c> refuses with an exception; a crafted file made the importer throw
/// so. Each digit counts at its value; a run too long for an int gives <see cref="int.MaxValue"/>.
/// </summary>
public static class Digits
{
    public static int Parse(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        long value = 0;
        foreach (var c in digits)
        {
            var d = char.GetNumericValue(c);
            if (d is < 0 or > 9 || !char.IsDigit(c))
            {
                continue;
            }

            value = Math.Min(value * 10 + (long)d, int.MaxValue);
        }

        return (int)value;
    }
}
