using System.Globalization;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// The candidate readings of one row of <paramref name="width"/> cells from its value tokens: as printed
/// (when the count fits), every order-keeping placement of its numbers when cells are missing or blank,
/// and every split of run-together digits into the right number of cells.
/// </summary>
internal static class RowCandidates
{
    /// <summary>
    /// The row's cells without the surplus blanks at either end: a trailing cell terminator or an
    /// indented label leaves blanks that are layout, not cells.
    /// </summary>
    public static List<TableToken> Trim(IReadOnlyList<TableToken> tokens, int width)
    {
        var values = tokens.ToList();
        while (values.Count > width && values[^1].Kind == TokenKind.Blank)
        {
            values.RemoveAt(values.Count - 1);
        }

        while (values.Count > width && values[0].Kind == TokenKind.Blank)
        {
            values.RemoveAt(0);
        }

        return values;
    }

    /// <param name="runTogether">A page saved as one line, where spaces between cells come and go: only there is a row of
    /// exactly as many digits as cells read one digit a cell when it does not add up.</param>
    public static List<RowReading> For(IReadOnlyList<TableToken> tokens, int width, bool splitDigits, bool runTogether = false)
    {
        var values = Trim(tokens, width);
        var readings = new List<RowReading>();

        // Runs of exactly as many digits as the row has cells ("3000000", "100 0 0 00" for seven) that do not add up: one
        // digit a cell is still the only reading of the print (the check says the row does not add up); a seven-digit count
        // with the other six cells left out is not one. Runs that add up are split below, by the sums, to the same cells.
        var runs = values.Where(v => v.Kind == TokenKind.Number).Select(v => v.Text).ToArray();
        if (splitDigits && runTogether && width == 7 && values.Count < width && values.All(v => v.Kind == TokenKind.Number) && runs.All(r => r.All(char.IsAsciiDigit)) &&
            runs.Sum(r => r.Length) == width && runs.Any(r => r.Length > 1) && !Splits(runs, width).Any() && !SomePlacementAddsUp(runs, width))
        {
            return [new RowReading(string.Concat(runs).Select(c => (int?)(c - '0')).ToArray(), new bool[width], -0.5, RowReadingKind.DigitPerCell)];
        }

        // "0000000" or a run longer than any count is certainly cells run together: only its splits are readings.
        if (splitDigits && values.Any(v => v.Kind == TokenKind.Number && IsRun(v.Text)))
        {
            var splits = Splits(values.Where(v => v.Kind == TokenKind.Number).Select(v => v.Text).ToArray(), width).ToList();
            if (splits.Count > 0)
            {
                return splits;
            }
        }

        var numbers = values.Where(v => v.Kind == TokenKind.Number).Select(v => Parse(v.Text)).ToArray();
        var missingAny = values.Count < width;
        if (values.Count >= width)
        {
            var cells = values.Take(width).Select(v => v.Kind == TokenKind.Number ? Parse(v.Text) : null).ToArray();
            readings.Add(new RowReading(cells, new bool[width], values.Count == width ? 2 : 1, RowReadingKind.Literal));
        }
        else
        {
            // Left-aligned as printed, the missing cells at the end: the most common cause is a dropped last column.
            var cells = new int?[width];
            var missing = new bool[width];
            for (var i = 0; i < width; i++)
            {
                cells[i] = i < values.Count && values[i].Kind == TokenKind.Number ? Parse(values[i].Text) : null;
                missing[i] = i >= values.Count;
            }

            readings.Add(new RowReading(cells, missing, 1, RowReadingKind.Placement));
        }

        if (numbers.Length < width && numbers.Length > 0)
        {
            foreach (var positions in Combinations(width, numbers.Length))
            {
                var cells = new int?[width];
                var missing = new bool[width];
                for (var i = 0; i < width; i++)
                {
                    missing[i] = missingAny;
                }

                for (var i = 0; i < positions.Length; i++)
                {
                    cells[positions[i]] = numbers[i];
                    missing[positions[i]] = false;
                }

                readings.Add(new RowReading(cells, missing, 0, RowReadingKind.Placement));
            }
        }

        if (splitDigits && numbers.Length < width)
        {
            var digitRuns = values.Where(v => v.Kind == TokenKind.Number).Select(v => v.Text).ToArray();
            var splits = Splits(digitRuns, width).ToList();
            readings.AddRange(splits);
            // "（七）总计 191000019" in a report whose row does not add up (19, 1, 0, 0, 0, 0, 19): no table 三 cell holds
            // a count of eight digits, so the run is still cells; with no split adding up along the row, every split is a
            // reading and the columns' sums choose.
            if (splits.Count == 0 && width == 7 && digitRuns.Any(r => r.Length >= LongestCount + 1 && r.All(char.IsAsciiDigit)))
            {
                readings.AddRange(DigitRuns.Split(digitRuns, [new(width, false)]).Splits
                    .Select(cells => new RowReading(cells.Select(c => (int?)c).ToArray(), new bool[width], -1, RowReadingKind.DigitSplitNotAddingUp)));
            }
        }

        return readings
            .GroupBy(r => r.Signature)
            .Select(g => g.OrderByDescending(r => r.Prior).First())
            .ToList();
    }

    /// <summary>
    /// The ways to cut the digit runs into exactly <paramref name="width"/> numbers (no leading zeros); with
    /// a 总计 column only those whose 总计 equals the sum of the six others (C-03).
    /// </summary>
    private static IEnumerable<RowReading> Splits(string[] runs, int width)
    {
        if (runs.Length == 0 || runs.Any(r => !r.All(char.IsAsciiDigit)))
        {
            return [];
        }

        DigitRuns.Group[] groups = width == 7 ? [new(6, true)] : [new(width, false)];
        var result = DigitRuns.Split(runs, groups);
        return result.Splits.Select(cells => new RowReading(cells.Select(c => (int?)c).ToArray(), new bool[width], -0.5, RowReadingKind.DigitSplit));
    }

    /// <summary>
    /// Whether the numbers as printed, each whole, placed in order with the 总计 among them, add up (C-03): "100 1 101" is
    /// 自然人 100, 其他 1, 总计 101 with the zeros left out, not seven digits run together.
    /// </summary>
    private static bool SomePlacementAddsUp(string[] runs, int width)
    {
        // With the 总计 the last number printed, every placement of the others adds up alike: blanks count 0.
        var numbers = runs.Select(r => long.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return width == 7 && numbers.Length is > 0 and <= 7 && numbers[..^1].Sum() == numbers[^1];
    }

    /// <summary>The most digits a count of table 三 has (ten million applications to one agency in a year is none).</summary>
    private const int LongestCount = 7;

    /// <summary>Digits that cannot be one count: a leading zero, or more digits than any count has.</summary>
    public static bool IsRun(string number) =>
        number.Length > 1 && number.All(char.IsAsciiDigit) && (number[0] == '0' || number.Length > 9);

    /// <summary>k-subsets of 0..n-1 in lexicographic order.</summary>
    public static IEnumerable<int[]> Combinations(int n, int k)
    {
        if (k < 0 || k > n)
        {
            yield break;
        }

        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])index.Clone();
            var i = k - 1;
            while (i >= 0 && index[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            index[i]++;
            for (var j = i + 1; j < k; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }

    private static int? Parse(string number) =>
        int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
