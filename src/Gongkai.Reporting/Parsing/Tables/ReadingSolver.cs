using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Picks one reading per row of table 三 so that the table's own rules hold best: C-03 per row, C-01 and
/// C-02 per column, then the layout priors. A reading under which every rule holds is searched for the
/// whole table at once (<see cref="ConsistentReadings"/>); where none exists (a report that does not add
/// up), the readings are scored: exhaustively up to 50,000 combinations of the ambiguous rows, coordinate
/// descent beyond. Says, per row, whether the sums left it one reading.
/// </summary>
internal static class ReadingSolver
{
    private const double RuleWeight = 3;
    private const long MaxExhaustive = 50_000;

    /// <summary>+1 when the row's 总计 equals its six columns, −1 when not, 0 when it cannot say.</summary>
    public static int RowBalances(RowReading r)
    {
        if (r.Cells[6] is not { } total)
        {
            return 0;
        }

        long sum = 0;
        for (var c = 0; c < 6; c++)
        {
            sum += r.Cells[c] ?? 0;
        }

        return sum == total ? 1 : -1;
    }

    /// <returns>
    /// The reading chosen per row; per row, whether the sums left it only that reading; and whether every rule
    /// holds under the choice (when none does, no ambiguous row is settled: the sums that should decide are broken).
    /// </returns>
    /// <param name="joint">
    /// Every row's candidates hold its reading (its numbers are separate cells), so what the sums rule out for one
    /// row settles another: the whole table is searched first. Otherwise (running text, where a number may be
    /// several cells) the combinations are scored first, as small tables are cheaper so, and a row is settled only
    /// when the table has one best reading.
    /// </param>
    public static (int[] Choice, bool[] Settled, bool Consistent) Solve(string[] rows, List<RowReading>[] candidates, bool joint = true)
    {
        // A reading whose 总计 equals its columns beats one that breaks C-03 or leaves it unprovable.
        for (var i = 0; i < rows.Length; i++)
        {
            if (candidates[i].Any(r => RowBalances(r) == 1))
            {
                candidates[i] = candidates[i].Where(r => RowBalances(r) == 1).ToList();
            }
        }

        var choice = candidates.Select(list => IndexOfMax(list, r => r.Prior + (RuleWeight * RowBalances(r)))).ToArray();
        var ambiguous = Enumerable.Range(0, rows.Length)
            .Where(i => candidates[i].Select(r => r.SumSignature).Distinct().Count() > 1)
            .ToArray();
        if (ambiguous.Length == 0)
        {
            return (choice, Enumerable.Repeat(true, rows.Length).ToArray(), true);
        }

        long product = 1;
        foreach (var i in ambiguous)
        {
            product = Math.Min(product * candidates[i].Count, MaxExhaustive + 1);
        }

        if ((joint || product > MaxExhaustive) && ConsistentReadings.Find(rows, candidates) is { } consistent)
        {
            return (consistent.Choice, consistent.Settled, true);
        }

        var scorer = new AssignmentScorer(rows, candidates);
        var ties = 0;

        var best = (int[])choice.Clone();
        var bestScore = scorer.Score(best);
        if (product <= MaxExhaustive)
        {
            var pick = (int[])choice.Clone();
            foreach (var i in ambiguous)
            {
                pick[i] = 0;
            }

            while (true)
            {
                var score = scorer.Score(pick);
                if (score > bestScore + 1e-9)
                {
                    bestScore = score;
                    best = (int[])pick.Clone();
                    ties = 0;
                }
                else if (Math.Abs(score - bestScore) < 1e-9 && !SameSums(candidates, pick, best))
                {
                    ties++;
                }

                var k = 0;
                while (k < ambiguous.Length && ++pick[ambiguous[k]] == candidates[ambiguous[k]].Count)
                {
                    pick[ambiguous[k]] = 0;
                    k++;
                }

                if (k == ambiguous.Length)
                {
                    break;
                }
            }
        }
        else
        {
            for (var pass = 0; pass < 10; pass++)
            {
                var improved = false;
                foreach (var i in ambiguous)
                {
                    for (var option = 0; option < candidates[i].Count; option++)
                    {
                        var trial = (int[])best.Clone();
                        trial[i] = option;
                        var score = scorer.Score(trial);
                        if (score > bestScore + 1e-9)
                        {
                            bestScore = score;
                            best = trial;
                            improved = true;
                        }
                    }
                }

                if (!improved)
                {
                    break;
                }
            }

            ties = 1;
        }

        // A reading that breaks a rule settles nothing (the sums that should decide are broken); one that keeps
        // them all settles every row only when no other reading scores as well.
        var holds = scorer.AllHold(best);
        var settled = Enumerable.Repeat(true, rows.Length).ToArray();
        foreach (var i in ambiguous)
        {
            settled[i] = holds && ties == 0;
        }

        return (best, settled, holds);
    }

    private static bool SameSums(List<RowReading>[] candidates, int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (candidates[i][a[i]].SumSignature != candidates[i][b[i]].SumSignature)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Scores a choice of one reading per row: each reading's prior and C-03, plus C-01 and C-02 for every
    /// column (+1 per rule that holds, −1 per rule broken, 0 where every operand is blank).
    /// </summary>
    private sealed class AssignmentScorer
    {
        private readonly List<RowReading>[] _candidates;
        private readonly double[][] _rowScores;
        private readonly int[] _outcomeRows;
        private readonly int _new;
        private readonly int _over;
        private readonly int _total;
        private readonly int _forward;

        public AssignmentScorer(string[] rows, List<RowReading>[] candidates)
        {
            _candidates = candidates;
            _rowScores = candidates.Select(list => list.Select(r => r.Prior + (RuleWeight * RowBalances(r))).ToArray()).ToArray();
            _outcomeRows = Enumerable.Range(0, rows.Length)
                .Where(i => rows[i].StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal) && rows[i] != ApplicationKeys.OutcomeTotal)
                .ToArray();
            _new = Array.IndexOf(rows, ApplicationKeys.NewReceived);
            _over = Array.IndexOf(rows, ApplicationKeys.CarriedOver);
            _total = Array.IndexOf(rows, ApplicationKeys.OutcomeTotal);
            _forward = Array.IndexOf(rows, ApplicationKeys.CarriedForward);
        }

        public double Score(int[] pick)
        {
            double score = 0;
            for (var i = 0; i < pick.Length; i++)
            {
                score += _rowScores[i][pick[i]];
            }

            for (var c = 0; c < 7; c++)
            {
                int? n = Cell(_new, pick, c), o = Cell(_over, pick, c), t = Cell(_total, pick, c), f = Cell(_forward, pick, c);
                if (n is not null || o is not null || t is not null || f is not null)
                {
                    score += RuleWeight * ((n ?? 0) + (o ?? 0) == (t ?? 0) + (f ?? 0) ? 1 : -1);
                }

                long sum = 0;
                var any = false;
                foreach (var i in _outcomeRows)
                {
                    var v = _candidates[i][pick[i]].Cells[c];
                    sum += v ?? 0;
                    any |= v is not null;
                }

                if (any || t is not null)
                {
                    score += RuleWeight * (sum == (t ?? 0) ? 1 : -1);
                }
            }

            return score;
        }

        /// <summary>Whether no rule is broken under <paramref name="pick"/> (C-03 in each row, C-01 and C-02 in each column).</summary>
        public bool AllHold(int[] pick)
        {
            for (var i = 0; i < pick.Length; i++)
            {
                if (RowBalances(_candidates[i][pick[i]]) < 0)
                {
                    return false;
                }
            }

            for (var c = 0; c < 7; c++)
            {
                int? n = Cell(_new, pick, c), o = Cell(_over, pick, c), t = Cell(_total, pick, c), f = Cell(_forward, pick, c);
                long sum = 0;
                foreach (var i in _outcomeRows)
                {
                    sum += _candidates[i][pick[i]].Cells[c] ?? 0;
                }

                if ((n ?? 0) + (o ?? 0) != (t ?? 0) + (f ?? 0) || sum != (t ?? 0))
                {
                    return false;
                }
            }

            return true;
        }

        private int? Cell(int row, int[] pick, int column) => row < 0 ? null : _candidates[row][pick[row]].Cells[column];
    }

    private static int IndexOfMax(List<RowReading> list, Func<RowReading, double> score)
    {
        var best = 0;
        for (var i = 1; i < list.Count; i++)
        {
            if (score(list[i]) > score(list[best]) + 1e-9)
            {
                best = i;
            }
        }

        return best;
    }
}
