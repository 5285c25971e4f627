using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// The readings of table 三 under which every sum rule holds at once — C-01 and C-02 in each of the seven
/// columns — found by depth-first search instead of by scoring: the （七）总计 row and the rows of C-01 are
/// chosen first, then each outcome row is placed only where the columns still have room for it (counts are
/// never negative). A table whose blank cells were dropped (a spreadsheet that leaves zeros empty) has
/// too many placements to enumerate, but few that fit the columns. Bounded in work; says when more than one
/// reading fits.
/// </summary>
internal static class ConsistentReadings
{
    private const int MaxNodes = 100_000;

    /// <summary>The first reading that satisfies every rule, and whether it is the only one (by the sums); null when none was found within the bound.</summary>
    public static (int[] Choice, bool Unique)? Find(string[] rows, List<RowReading>[] candidates)
    {
        int newRow = Array.IndexOf(rows, ApplicationKeys.NewReceived), over = Array.IndexOf(rows, ApplicationKeys.CarriedOver),
            total = Array.IndexOf(rows, ApplicationKeys.OutcomeTotal), forward = Array.IndexOf(rows, ApplicationKeys.CarriedForward);
        if (newRow < 0 || over < 0 || total < 0 || forward < 0)
        {
            return null;
        }

        var outcomes = Enumerable.Range(0, rows.Length)
            .Where(i => rows[i].StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal) && i != total)
            .OrderBy(i => candidates[i].Count)
            .ToArray();
        var search = new Search(candidates, outcomes);
        var overBySums = candidates[over].Select((r, k) => (r.SumSignature, k)).GroupBy(x => x.SumSignature).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);
        var cells = new long[7];
        foreach (var t in Distinct(candidates[total]))
        {
            foreach (var f in Distinct(candidates[forward]))
            {
                foreach (var n in Distinct(candidates[newRow]))
                {
                    // C-01 per column: 上年结转 = （七）总计 + 结转下年度 − 本年新收; one 上年结转 reading at most fits.
                    var fits = true;
                    for (var c = 0; c < 7 && fits; c++)
                    {
                        cells[c] = (long)(candidates[total][t].Cells[c] ?? 0) + (candidates[forward][f].Cells[c] ?? 0) - (candidates[newRow][n].Cells[c] ?? 0);
                        fits = cells[c] >= 0;
                    }

                    if (!fits || !overBySums.TryGetValue(string.Join(',', cells), out var o))
                    {
                        continue;
                    }

                    search.Run(t, total, [(newRow, n), (over, o), (total, t), (forward, f)]);
                    if (search.Solutions >= 2 || search.Exhausted)
                    {
                        goto done;
                    }
                }
            }
        }

    done:
        return search.First is null || search.Exhausted ? null : (search.First, search.Solutions == 1);
    }

    /// <summary>One reading per distinct set of sums (blank and 0 are alike to the rules).</summary>
    private static IEnumerable<int> Distinct(List<RowReading> readings) =>
        readings.Select((r, k) => (r.SumSignature, k)).DistinctBy(x => x.SumSignature, StringComparer.Ordinal).Select(x => x.k);

    private sealed class Search(List<RowReading>[] candidates, int[] outcomes)
    {
        private readonly long[] _room = new long[7];
        private readonly int[] _pick = new int[candidates.Length];

        // Readings that differ only in blank against 0 are one reading for the sums.
        private readonly int[][] _distinct = candidates.Select(list => Distinct(list).ToArray()).ToArray();
        private int _nodes;

        public int[]? First { get; private set; }

        public int Solutions { get; private set; }

        public bool Exhausted => _nodes > MaxNodes;

        public void Run(int totalChoice, int totalRow, (int Row, int Choice)[] fixedRows)
        {
            foreach (var (row, choice) in fixedRows)
            {
                _pick[row] = choice;
            }

            for (var c = 0; c < 7; c++)
            {
                _room[c] = candidates[totalRow][totalChoice].Cells[c] ?? 0;
            }

            Place(0);
        }

        private void Place(int depth)
        {
            if (Solutions >= 2 || ++_nodes > MaxNodes)
            {
                return;
            }

            if (depth == outcomes.Length)
            {
                if (_room.All(r => r == 0))
                {
                    Solutions++;
                    First ??= (int[])_pick.Clone();
                }

                return;
            }

            var row = outcomes[depth];
            foreach (var k in _distinct[row])
            {
                var cells = candidates[row][k].Cells;
                var fits = true;
                for (var c = 0; c < 7 && fits; c++)
                {
                    fits = (cells[c] ?? 0) <= _room[c];
                }

                if (!fits)
                {
                    continue;
                }

                for (var c = 0; c < 7; c++)
                {
                    _room[c] -= cells[c] ?? 0;
                }

                _pick[row] = k;
                Place(depth + 1);
                for (var c = 0; c < 7; c++)
                {
                    _room[c] += cells[c] ?? 0;
                }

                if (Solutions >= 2 || Exhausted)
                {
                    return;
                }
            }
        }
    }
}
