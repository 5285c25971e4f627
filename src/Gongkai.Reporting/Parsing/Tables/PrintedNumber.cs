using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>How the text of a table cell reads as a number, in the ways real reports print one.</summary>
public static partial class PrintedNumber
{
    /// <summary>
    /// A count as one cell prints it: digits, no sign, no leading zero ("000" is cells run together, "1.5" no count).
    /// </summary>
    public static bool TryReadCount(string text, out int count)
    {
        count = 0;
        return !(text.Length > 1 && text[0] == '0') && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>
    /// A number as printed, after folding: ASCII digits, an optional sign, decimals, thousands separators; a change
    /// written out (增98, 减3) or with its minus typed twice; an amount with its unit, a count with its measure word.
    /// </summary>
    public static bool TryRead(string piece, out string number)
    {
        number = piece;
        // Every form below opens with a digit, a sign or 增/减: a label is turned away before any pattern runs.
        if (piece.Length == 0 || !(char.IsDigit(piece[0]) || piece[0] is '+' or '-' or '增' or '减'))
        {
            return false;
        }

        if (piece.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 || PlainNumberRegex().IsMatch(piece))
        {
            return true;
        }

        if (ThousandsRegex().IsMatch(piece))
        {
            number = piece.Replace(",", string.Empty, StringComparison.Ordinal);
            return true;
        }

        // 本年增/减 written out: 增98, 增加5, 减3, 减少2 (real 2019-layout tables).
        var change = ChangeInWordsRegex().Match(piece);
        if (change.Success)
        {
            number = (change.Groups["sign"].Value.StartsWith('减') && change.Groups["n"].Value != "0" ? "-" : string.Empty) + change.Groups["n"].Value;
            return true;
        }

        // A minus typed twice (本年增/减 --253, a real 2019-layout table): one minus.
        if (piece.StartsWith("--", StringComparison.Ordinal) && PlainNumberRegex().IsMatch(piece[1..]) && piece[2] != '-')
        {
            number = piece[1..];
            return true;
        }

        // An amount cell printed with its unit (251000元): the digits as written, the unit dropped.
        var unit = UnitAmountRegex().Match(piece);
        if (unit.Success)
        {
            number = unit.Groups["n"].Value;
            return true;
        }

        // A count printed with its measure word as one cell ("政府集中采购 2笔 984361元", "26件"): the digits.
        var count = CountWithMeasureWordRegex().Match(piece);
        if (count.Success)
        {
            number = count.Groups["n"].Value;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex PlainNumberRegex();

    [GeneratedRegex(@"^(?<n>[+-]?\d+(\.\d+)?)万?元$")]
    private static partial Regex UnitAmountRegex();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsRegex();

    [GeneratedRegex(@"^(?<sign>增加|增|减少|减)(?<n>\d+)$")]
    private static partial Regex ChangeInWordsRegex();

    [GeneratedRegex(@"^(?<n>\d+)(个|件|项|笔|条|次|家|批次|批|宗|单)$")]
    private static partial Regex CountWithMeasureWordRegex();
}
