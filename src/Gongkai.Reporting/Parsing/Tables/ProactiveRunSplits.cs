using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// A table 二 row whose cells ran together on a page saved as one line ("262961" for three columns, "2648-18538",
/// "政府集中采购161089059"), cut into its columns. Table 二 has no sum rule, so a split is unique only when the digits
/// leave one way; otherwise rules of thumb taken from real reports pick one (said in GK4007) and the row is flagged.
/// </summary>
internal static partial class ProactiveRunSplits
{
    /// <summary>
    /// Digits run together in a table 二 row, cut into its columns. Table 二 has no sum rule (ogi-rules §4.2), so
    /// only the number of columns (no count has a leading zero) and a signed 增/减 cell's sign decide; the
    /// <c>Basis</c> says which, for GK4007, and <c>Choice</c>, when a rule of thumb picked among several splits, how.
    /// </summary>
    /// <param name="stated">Counts of this row the report's own prose states, by column (<see cref="ProseFigures"/>): a split
    /// that agrees with them is taken first.</param>
    public static (List<TableToken> Cells, bool Unique, string Basis, string? Choice)? Split(List<TableToken> cells, ProactiveBlock block, IReadOnlyDictionary<int, HashSet<long>>? stated = null)
    {
        var width = block.Columns.Count;
        var delta = ColumnOf(block, c => c.Kind == ValueKind.SignedCount);
        if (delta >= 0 && cells.Count == 1 && SignedRunRegex().Match(cells[0].Text) is { Success: true } signed)
        {
            return SplitSigned(cells[0], signed.Groups["a"].Value, signed.Groups["b"].Value, signed.Groups["sign"].Value == "-", block, delta, stated) is { } s
                ? (s.Cells, s.Unique, "栏目数及“" + block.Columns[delta].Label + "”一栏的正负号", s.Unique ? null : s.Choice)
                : null;
        }

        // An amount's decimals end the run ("政府集中采购176586650.10元"): the whole digits are split, the decimals stay with
        // the amount, the last column.
        var decimals = string.Empty;
        if (cells.Count > 0 && block.Columns[^1].Kind == ValueKind.Money && cells[^1].Text.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 &&
            cells[^1].Text[..dot].All(char.IsAsciiDigit) && cells[^1].Text[(dot + 1)..].All(char.IsAsciiDigit))
        {
            decimals = cells[^1].Text[dot..];
            cells = [.. cells.Take(cells.Count - 1), cells[^1] with { Text = cells[^1].Text[..dot] }];
        }

        if (cells.Count == 0 || cells.Any(t => t.Kind != TokenKind.Number || !t.Text.All(char.IsAsciiDigit)) || cells.Sum(t => t.Text.Length) < width)
        {
            return null;
        }

        var result = DigitRuns.Split(cells.Select(t => t.Text).ToArray(), [new(width, false)], maxSplits: 256);
        if (result.Splits.Count == 0)
        {
            return null;
        }

        var first = cells[0];
        string Written(int[] split, int i) => split[i].ToString(System.Globalization.CultureInfo.InvariantCulture) + (i == split.Length - 1 ? decimals : string.Empty);
        if (!result.Unique && ByUnitPrice(result.Splits, block) is { } priced)
        {
            return (priced.Select((_, i) => first with { Kind = TokenKind.Number, Text = Written(priced, i) }).ToList(), false,
                "栏目数（不计前导零）及每个采购项目的平均金额", "表二没有勾稽关系，多种拆分均可，取每项平均金额最接近 10 万元（在 1 千元至 1 千万元之间）的一种，请核对原文");
        }

        var (best, choice) = Likeliest(result.Splits, block, delta, zerosCount: cells.Count == 1, stated);
        return (best.Select((_, i) => first with { Kind = TokenKind.Number, Text = Written(best, i) }).ToList(), result.Unique, "栏目数（不计前导零）", result.Unique ? null : choice);
    }

    /// <summary>
    /// Of several splits of a run, the likeliest by what real tables 二 print (the run's own digits cannot decide it): the
    /// most cells that are 0 — most cells of these tables are — among the splits whose cell lengths are at most two digits
    /// less even than the most even split's ("1205172308" is not 12, 0, 5172308); then the most even cell lengths, the
    /// shortest longest cell, and the shortest 本年增/减 (a change is usually smaller than the counts). In the nine real
    /// rows where another copy of the report settles the split (the page's HTML, the report's prose), the 0 decided it
    /// every time: "8801" is 88, 0, 1, "88-720" is 88, −72, 0, "3960181" is 396, 0, 181, where the most even split read
    /// 8, 80, 1 / 88, −7, 20 / 39, 60, 181. Two zeros are not counted: a stock — 现行有效件数, 对外公开总数量 — of 0 beside
    /// counts that are not (the documents made this year are among those in force: "77132470" is not 771, 3247, 0), and
    /// any in a run printed in more than one piece ("20 155": the space already parts the cells; the report's prose says
    /// 20 were made). Returns the split and how it was chosen, for GK4007.
    /// </summary>
    private static (int[] Split, string Choice) Likeliest(
        IReadOnlyList<int[]> splits, ProactiveBlock block, int delta, bool zerosCount, IReadOnlyDictionary<int, HashSet<long>>? stated, Func<int[], int[]>? signed = null)
    {
        // What the report's own prose states of this row ("制发行政规范性文件9件，…废止文件7件，现行有效…253件") decides first.
        const string Told = "与报告正文所述的件数相符";
        var byProse = false;
        if (stated is { Count: > 0 })
        {
            int Agreeing(int[] s) => (signed?.Invoke(s) ?? s).Where((v, i) => stated.TryGetValue(i, out var said) && said.Contains(v)).Count();
            var most = splits.Max(Agreeing);
            if (most > 0 && splits.Count(s => Agreeing(s) == most) < splits.Count)
            {
                splits = splits.Where(s => Agreeing(s) == most).ToList();
                byProse = true;
                if (splits.Count == 1)
                {
                    return (splits[0], "表二没有勾稽关系，多种拆分均可，取" + Told + "的一种，请核对原文");
                }
            }
        }

        var stock = ColumnOf(block, c => c.KeySuffix is "in_force" or "public_total");
        var even = splits.Min(Spread);
        int Zeros(int[] s) => !zerosCount || Spread(s) > even + 2 ? 0
            : s.Where((v, i) => v == 0 && !(i == stock && s.Any(other => other != 0))).Count();
        var best = splits
            .OrderByDescending(Zeros)
            .ThenBy(Spread)
            .ThenBy(s => s.Max(v => Digits(v)))
            .ThenBy(s => delta >= 0 ? Digits(s[delta]) : 0)
            .First();
        var byZeros = splits.Any(s => Zeros(s) < Zeros(best));
        return (best, "表二没有勾稽关系，多种拆分均可，" + (byProse ? Told + "，" : string.Empty) + (byZeros ? "取为 0 的栏最多（此表最常见的数值）、再取位数最均衡的一种" : "取位数最均衡的一种") + "，请核对原文");
    }

    /// <summary>
    /// The counts of a row of 第二十条第（一）项 that the report's prose states, by column: documents made (制发、印发、
    /// 制定、出台、发布 … 规范性文件 N 件), repealed (废止 / 失效 … N 件) and in force (现行有效 … N 件), each in a
    /// sentence about 规范性文件. Only the 规范性文件 row: 规章 are rarely made by the agencies that report them.
    /// </summary>
    public static Dictionary<int, HashSet<long>> ProseFigures(string? prose, ProactiveBlock block, ProactiveRow row)
    {
        var found = new Dictionary<int, HashSet<long>>();
        if (string.IsNullOrEmpty(prose) || !row.Label.Contains("规范性文件", StringComparison.Ordinal))
        {
            return found;
        }

        void Add(string suffix, string digits)
        {
            var column = ColumnOf(block, c => c.KeySuffix == suffix);
            if (column >= 0 && digits.Length <= 9)
            {
                (found.TryGetValue(column, out var set) ? set : found[column] = []).Add(Text.Digits.Parse(digits));
            }
        }

        foreach (var sentence in prose.Split(['。', '；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.Contains("规范性文件", StringComparison.Ordinal)))
        {
            foreach (Match m in MadeRegex().Matches(sentence))
            {
                Add("issued", m.Groups["n"].Value);
                Add("made", m.Groups["n"].Value);
            }

            // Not a count said of 规章 ("本年废止规章2件、规范性文件7件": 2 is no count of this row).
            foreach (Match m in RepealedRegex().Matches(sentence).Where(x => !x.Value.Contains("规章", StringComparison.Ordinal)))
            {
                Add("repealed", m.Groups["n"].Value);
            }

            foreach (Match m in InForceRegex().Matches(sentence).Where(x => !x.Value.Contains("规章", StringComparison.Ordinal)))
            {
                Add("in_force", m.Groups["n"].Value);
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?:制发|印发|制定|出台|发布|制作)了?(?:行政)?规范性文件(?:共|合计|总计)?(?<n>\d+)(?:件|份|个|部)")]
    private static partial Regex MadeRegex();

    [GeneratedRegex(@"(?:废止|失效)[^，,。；;\d]{0,15}?(?<n>\d+)(?:件|份|个|部)")]
    private static partial Regex RepealedRegex();

    [GeneratedRegex(@"现行有效[^，,。；;\d]{0,15}?(?<n>\d+)(?:件|份|个|部)")]
    private static partial Regex InForceRegex();

    private static int ColumnOf(ProactiveBlock block, Func<ProactiveColumn, bool> match) => block.Columns.ToList().FindIndex(c => match(c));

    private static int Spread(int[] split) => split.Max(v => Digits(v)) - split.Min(v => Digits(v));

    /// <summary>
    /// 采购项目数量 and 采购总金额 run together ("政府集中采购161089059"): of the splits, the one whose amount per project
    /// is most like a procurement project's — between 1 thousand and 10 million (yuan, as the reports seen print it),
    /// nearest 100,000 on a log scale. In the published page of that example the cells are 16 and 1089059 (68,066 a
    /// project); the most even split, 1610 and 89059, would make 55 a project. Still flagged: the print does not decide it.
    /// Null when the block is not a count and an amount, or no split is in the range.
    /// </summary>
    private static int[]? ByUnitPrice(IReadOnlyList<int[]> splits, ProactiveBlock block)
    {
        if (block.Columns.Count != 2 || block.Columns[0].Kind != ValueKind.Count || block.Columns[1].Kind != ValueKind.Money)
        {
            return null;
        }

        return splits
            .Where(s => s[0] > 0 && s[1] >= 1_000L * s[0] && s[1] <= 10_000_000L * s[0])
            .OrderBy(s => Math.Abs(Math.Log10((double)s[1] / s[0]) - 5))
            .FirstOrDefault();
    }

    /// <summary>
    /// A signed 本年增/减 run into its neighbours ("2648-18538", "20+1737"): the sign starts the 增/减 cell,
    /// so only splits whose second run begins at that column are kept; among them the likeliest
    /// (<see cref="Likeliest"/>); flagged when not unique.
    /// </summary>
    private static (List<TableToken> Cells, bool Unique, string Choice)? SplitSigned(
        TableToken token, string left, string right, bool negative, ProactiveBlock block, int delta, IReadOnlyDictionary<int, HashSet<long>>? stated)
    {
        var result = DigitRuns.Split([left, right], [new(block.Columns.Count, false)], maxSplits: 256);
        var fitting = result.Splits.Where(s => CellsIn(s, left.Length) == delta).ToList();
        if (fitting.Count == 0)
        {
            return null;
        }

        int[] Signed(int[] s) => s.Select((v, i) => i == delta && negative ? -v : v).ToArray();
        var (best, choice) = Likeliest(fitting, block, delta, zerosCount: true, stated, Signed);
        return (Signed(best).Select(v => token with { Kind = TokenKind.Number, Text = v.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
            fitting.Count == 1 && !result.Exhausted, choice);
    }

    /// <summary>How many leading cells of a split the first <paramref name="length"/> digits make.</summary>
    private static int CellsIn(int[] split, int length)
    {
        var used = 0;
        for (var i = 0; i < split.Length; i++)
        {
            if (used == length)
            {
                return i;
            }

            used += Digits(split[i]);
        }

        return used == length ? split.Length : -1;
    }

    [GeneratedRegex(@"^(?<a>\d+)(?<sign>[-+])(?<b>\d+)$")]
    private static partial Regex SignedRunRegex();

    private static int Digits(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
}
