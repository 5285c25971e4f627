using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The content of a table 二 cell: blank, a number kept with the digits as written
/// (<c>15954.526468</c>), or text that is not a number (<c>3项(41笔)</c>). A blank cell is not zero.
/// </summary>
public readonly record struct CellValue
{
    private CellValue(CellValueKind kind, decimal number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public CellValueKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="CellValueKind.Number"/>.</summary>
    public decimal Number { get; }

    /// <summary>The digits as written for a number, or the text for a text cell.</summary>
    public string? Text { get; }

    public static CellValue Blank { get; } = new(CellValueKind.Blank, 0, null);

    public bool IsBlank => Kind == CellValueKind.Blank;

    public bool IsNumber => Kind == CellValueKind.Number;

    public static CellValue FromNumber(decimal value) =>
        new(CellValueKind.Number, value, value.ToString(CultureInfo.InvariantCulture));

    public static CellValue FromText(string text) => new(CellValueKind.Text, 0, text);

    /// <summary>
    /// A number from its written digits (ASCII, optional sign and decimal point). Returns false for
    /// anything else, which the caller keeps as text.
    /// </summary>
    public static bool TryParseNumber(string written, out CellValue value)
    {
        var s = written.Trim();
        if (s.Length > 0 && IsPlainNumber(s) &&
            decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            value = new CellValue(CellValueKind.Number, d, AsJsonNumber(s));
            return true;
        }

        value = Blank;
        return false;
    }

    /// <summary>Parses written content: empty is blank, digits are a number, anything else is text.</summary>
    public static CellValue Parse(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return Blank;
        }

        return TryParseNumber(written, out var number) ? number : FromText(written.Trim());
    }

    public override string ToString() => Kind switch
    {
        CellValueKind.Blank => string.Empty,
        CellValueKind.Number => Text!,
        CellValueKind.Text => Text!,
    };

    /// <summary>
    /// The digits as written, made a valid JSON number: no plus sign, no leading zeros ("02025" is 2025, "+17" is 17,
    /// "-05" is -5, "00.50" is 0.50); decimals keep their trailing zeros. A run of digits cut from running text can start
    /// with a zero, and the canonical JSON writes a number's digits as they are.
    /// </summary>
    private static string AsJsonNumber(string s)
    {
        var negative = s[0] == '-';
        var digits = s[0] is '-' or '+' ? s[1..] : s;
        var integerEnd = digits.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? dot : digits.Length;
        var zeros = 0;
        while (zeros < integerEnd - 1 && digits[zeros] == '0')
        {
            zeros++;
        }

        digits = digits[zeros..];
        return negative ? "-" + digits : digits;
    }

    private static bool IsPlainNumber(string s)
    {
        var start = s[0] is '-' or '+' ? 1 : 0;
        if (start == s.Length)
        {
            return false;
        }

        var dots = 0;
        for (var i = start; i < s.Length; i++)
        {
            var ch = s[i];
            if (ch == '.')
            {
                dots++;
                if (dots > 1 || i == start || i == s.Length - 1)
                {
                    return false;
                }
            }
            else if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
