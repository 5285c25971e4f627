using System.Globalization;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Splits runs of digits that lost their separators ("230 000023", "110024001510102") into the cells of
/// a row, keeping only the splits that satisfy the row's own sums: each group is some parts, optionally
/// followed by its total (table 三: six columns and 总计; table 四: three groups of four results and a
/// 总计). A cell never spans two printed runs, has no leading zero and at most nine digits.
/// The search is a depth-first walk with a memo of dead ends, bounded by a work budget: a 500-digit
/// run is refused at once (it cannot hold the cells), and no input makes the walk exceed the budget.
/// </summary>
public static class DigitRuns
{
    public const long DefaultBudget = 200_000;

    /// <summary>A group of cells: <paramref name="Parts"/> values, then their total when <paramref name="HasTotal"/>.</summary>
    public readonly record struct Group(int Parts, bool HasTotal)
    {
        public int Width => Parts + (HasTotal ? 1 : 0);
    }

    /// <summary>The splits found (at most the requested number), whether the budget ran out, the work done.</summary>
    public sealed record Result(IReadOnlyList<int[]> Splits, bool Exhausted, long Work)
    {
        public bool Unique => Splits.Count == 1 && !Exhausted;
    }

    public static Result Split(IReadOnlyList<string> runs, IReadOnlyList<Group> groups, int maxSplits = 64, long budget = DefaultBudget)
    {
        var digits = string.Concat(runs);
        var width = groups.Sum(g => g.Width);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || digits.Length < width || digits.Length > 9 * width)
        {
            return new Result([], false, 1);
        }

        // The end of the printed run that each digit belongs to: no cell may cross it.
        var runEnd = new int[digits.Length];
        var offset = 0;
        foreach (var run in runs)
        {
            for (var i = 0; i < run.Length; i++)
            {
                runEnd[offset + i] = offset + run.Length;
            }

            offset += run.Length;
        }

        var isTotal = new bool[width];
        var groupStart = new bool[width];
        var cell = 0;
        foreach (var g in groups)
        {
            groupStart[cell] = true;
            cell += g.Width;
            if (g.HasTotal)
            {
                isTotal[cell - 1] = true;
            }
        }

        var search = new Search(digits, runEnd, isTotal, groupStart, maxSplits, budget);
        search.Walk(0, 0, 0);
        return new Result(search.Found, search.Work > budget, search.Work);
    }

    private sealed class Search(string digits, int[] runEnd, bool[] isTotal, bool[] groupStart, int maxSplits, long budget)
    {
        private readonly int[] _cells = new int[isTotal.Length];
        private readonly HashSet<(int, int, long)> _dead = [];

        public List<int[]> Found { get; } = [];

        public long Work { get; private set; }

        /// <summary>Returns whether any complete split was found below this state.</summary>
        public bool Walk(int position, int index, long sum)
        {
            if (++Work > budget || Found.Count >= maxSplits)
            {
                return false;
            }

            if (index == _cells.Length)
            {
                if (position != digits.Length)
                {
                    return false;
                }

                Found.Add((int[])_cells.Clone());
                return true;
            }

            if (groupStart[index])
            {
                sum = 0;
            }

            var remainingCells = _cells.Length - index;
            var remainingDigits = digits.Length - position;
            if (remainingDigits < remainingCells || remainingDigits > 9 * remainingCells || _dead.Contains((position, index, sum)))
            {
                return false;
            }

            var any = false;
            if (isTotal[index])
            {
                // The total is not chosen: it must read as the sum of its group.
                var text = sum.ToString(CultureInfo.InvariantCulture);
                if (text.Length <= 9 && position + text.Length <= runEnd[position] && string.CompareOrdinal(digits, position, text, 0, text.Length) == 0)
                {
                    _cells[index] = (int)sum;
                    any = Walk(position + text.Length, index + 1, 0);
                }
            }
            else
            {
                var longest = Math.Min(9, runEnd[position] - position);
                if (digits[position] == '0')
                {
                    longest = 1;
                }

                var value = 0;
                for (var length = 1; length <= longest; length++)
                {
                    value = (value * 10) + (digits[position + length - 1] - '0');
                    _cells[index] = value;
                    any |= Walk(position + length, index + 1, sum + value);
                    if (Work > budget || Found.Count >= maxSplits)
                    {
                        return any;
                    }
                }
            }

            // A run boundary must fall between cells: a state that ends a cell inside a run is fine, but
            // one that cannot reach the next boundary is dead; remembered so it is not walked again.
            if (!any)
            {
                _dead.Add((position, index, sum));
            }

            return any;
        }
    }
}
