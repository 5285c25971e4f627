using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// The readings of table 三 under which every sum rule holds at once — C-03 in each row, C-01 and C-02 in
/// each of the seven columns — found jointly for the whole table rather than
/// row by row. A table whose blank cells were dropped (a spreadsheet that leaves zeros empty: "22" is
/// 自然人 2 and 总计 2) has too many placements to enumerate, but few that fit the columns.
/// <para>
/// The （七）总计, 本年新收 and 结转下年度 rows are chosen first (上年结转 follows from C-01), then the outcome
/// rows are placed one after the other into what their columns still hold (counts are never negative), with
/// a memo of the column remainders already proven to lead somewhere or nowhere, so the work grows with the
/// distinct remainders, not with the number of readings. A forward pass over the remainders that lead to a
/// full reading gives, per row, every placement some full reading uses: a row with one is settled by the
/// sums, a row with several is not (and is reported so). Among the full readings the one taken has the best
/// layout priors, then puts its values where the settled rows have theirs (the issue's "the one the other
/// rows support": a column most rows use, usually 自然人).
/// </para>
/// Bounded in work (<see cref="MaxStates"/>): beyond it the caller falls back to scoring.
/// </summary>
internal static class ConsistentReadings
{
    private const int MaxStates = 20_000;

    /// <summary>The best full reading and, per row, whether the sums leave it only one placement; null when no reading satisfies every rule or the bound was reached.</summary>
    public static (int[] Choice, bool[] Settled)? Find(string[] rows, List<RowReading>[] candidates)
    {
        int newRow = Array.IndexOf(rows, ApplicationKeys.NewReceived), over = Array.IndexOf(rows, ApplicationKeys.CarriedOver),
            total = Array.IndexOf(rows, ApplicationKeys.OutcomeTotal), forward = Array.IndexOf(rows, ApplicationKeys.CarriedForward);
        if (newRow < 0 || over < 0 || total < 0 || forward < 0)
        {
            return null;
        }

        // C-03 holds in every row of a full reading (a blank 总计 counts as 0), where the table has the column.
        var withTotal = candidates.Any(list => list.Any(r => r.Cells[6] is not null));
        var distinct = candidates.Select(list => Distinct(list).Where(k => !withTotal || ReadingSolver.RowBalances(list[k] with { Cells = WithTotal(list[k].Cells) }) == 1).ToArray()).ToArray();
        var outcomes = Enumerable.Range(0, rows.Length)
            .Where(i => rows[i].StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal) && i != total)
            .OrderBy(i => distinct[i].Length)
            .ToArray();
        var search = new Search(candidates, distinct, outcomes);
        var overBySums = distinct[over].ToDictionary(k => candidates[over][k].SumSignature, k => k, StringComparer.Ordinal);

        // Every choice of the four C-01 rows that leaves the outcome rows a full reading, with the best layout
        // priors it allows and how many full readings have them.
        var tuples = new List<(int T, int F, int N, int O, Tally Readings)>();
        double Prior(int row, int k) => candidates[row][k].Prior;
        var cells = new long[7];
        foreach (var t in distinct[total])
        {
            foreach (var f in distinct[forward])
            {
                foreach (var n in distinct[newRow])
                {
                    // C-01 per column: 上年结转 = （七）总计 + 结转下年度 − 本年新收; one 上年结转 reading at most fits.
                    var fits = true;
                    for (var c = 0; c < 7 && fits; c++)
                    {
                        cells[c] = (long)(candidates[total][t].Cells[c] ?? 0) + (candidates[forward][f].Cells[c] ?? 0) - (candidates[newRow][n].Cells[c] ?? 0);
                        fits = cells[c] >= 0;
                    }

                    if (fits && overBySums.TryGetValue(string.Join(',', cells), out var o) && search.Count(0, Room.Of(candidates[total][t])) is { Ways: > 0 } rest)
                    {
                        tuples.Add((t, f, n, o, rest.After(Prior(total, t) + Prior(forward, f) + Prior(newRow, n) + Prior(over, o))));
                    }

                    if (search.Exhausted)
                    {
                        return null;
                    }
                }
            }
        }

        if (tuples.Count == 0)
        {
            return null;
        }

        // The layout comes first: only the full readings with the best priors (cells where the print puts them) count.
        var bestPrior = tuples.Max(x => x.Readings.Prior);
        tuples = tuples.Where(x => x.Readings.Prior >= bestPrior - 1e-9).ToList();

        // How many of them use each placement of each row: the placements the other rows support most.
        // (One candidate per set of sums takes part, so counting by candidate is counting by placement.)
        var uses = candidates.Select(list => new double[list.Count]).ToArray();
        void Use(int row, int k, double readings) => uses[row][k] += readings;
        var starts = new Dictionary<Room, Tally>();
        foreach (var (t, f, n, o, readings) in tuples)
        {
            Use(total, t, readings.Ways);
            Use(forward, f, readings.Ways);
            Use(newRow, n, readings.Ways);
            Use(over, o, readings.Ways);
            var start = Room.Of(candidates[total][t]);
            starts[start] = starts.GetValueOrDefault(start, Tally.None).Or(new Tally(Prior(total, t) + Prior(forward, f) + Prior(newRow, n) + Prior(over, o), 1));
        }

        if (!search.CountUses(starts, bestPrior, Use))
        {
            return null;
        }

        var all = tuples.Sum(x => x.Readings.Ways);
        var settled = uses.Select(u => u.Count(n => n > 0) <= 1).ToArray();
        var weights = Weights(candidates, uses);

        // Layout first; then the placement most full readings use; then the columns the settled rows use.
        double Score(int row, int k) =>
            (1000 * candidates[row][k].Prior) + Math.Log((uses[row][k] > 0 ? uses[row][k] : 0.5) / all) +
            (0.01 * Support(candidates[row][k], weights));
        search.Score = Score;

        var bestScore = double.NegativeInfinity;
        (int T, int F, int N, int O, Tally) best = default;
        foreach (var tuple in tuples)
        {
            var score = Score(total, tuple.T) + Score(forward, tuple.F) + Score(newRow, tuple.N) + Score(over, tuple.O) +
                search.Best(0, Room.Of(candidates[total][tuple.T]));
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                best = tuple;
            }
        }

        var choice = new int[rows.Length];
        choice[total] = best.T;
        choice[forward] = best.F;
        choice[newRow] = best.N;
        choice[over] = best.O;
        search.Reconstruct(Room.Of(candidates[total][best.T]), choice);
        return (choice, settled);
    }

    private static int?[] WithTotal(int?[] cells) => cells[6] is null ? [.. cells[..6], 0] : cells;

    /// <summary>One reading per distinct set of sums (blank and 0 are alike to the rules), the likeliest by layout.</summary>
    private static int[] Distinct(List<RowReading> readings) =>
        readings.Select((r, k) => (r, k)).GroupBy(x => x.r.SumSignature, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(x => x.r.Prior).First().k).ToArray();

    /// <summary>How many settled rows (one placement in every full reading) use each applicant column (the 总计 column aside).</summary>
    private static double[] Weights(List<RowReading>[] candidates, double[][] uses)
    {
        var rows = new int[6];
        for (var i = 0; i < candidates.Length; i++)
        {
            if (uses[i].Count(n => n > 0) == 1)
            {
                var reading = candidates[i][Array.FindIndex(uses[i], n => n > 0)];
                for (var c = 0; c < 6; c++)
                {
                    rows[c] += (reading.Cells[c] ?? 0) != 0 ? 1 : 0;
                }
            }
        }

        return rows.Select(n => Math.Log(2 + n)).ToArray();
    }

    private static double Support(RowReading reading, double[] weights)
    {
        double score = 0;
        for (var c = 0; c < 6; c++)
        {
            if ((reading.Cells[c] ?? 0) != 0)
            {
                score += weights[c];
            }
        }

        return score;
    }

    /// <summary>What the outcome rows still to be placed must add up to, per column (seven fields: no array to allocate).</summary>
    private readonly record struct Room(long C0, long C1, long C2, long C3, long C4, long C5, long C6)
    {
        public static Room Of(RowReading total)
        {
            var c = total.Cells;
            return new(c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, c[3] ?? 0, c[4] ?? 0, c[5] ?? 0, c[6] ?? 0);
        }

        public bool IsEmpty => (C0 | C1 | C2 | C3 | C4 | C5 | C6) == 0;

        /// <summary>The room left once <paramref name="reading"/> is placed, or null when it does not fit (counts are never negative).</summary>
        public Room? Minus(RowReading reading)
        {
            var c = reading.Cells;
            Room left = new(C0 - (c[0] ?? 0), C1 - (c[1] ?? 0), C2 - (c[2] ?? 0), C3 - (c[3] ?? 0), C4 - (c[4] ?? 0), C5 - (c[5] ?? 0), C6 - (c[6] ?? 0));
            return (left.C0 | left.C1 | left.C2 | left.C3 | left.C4 | left.C5 | left.C6) < 0 ? null : left;
        }
    }

    /// <summary>The best sum of layout priors over some full readings, and how many full readings have it.</summary>
    private readonly record struct Tally(double Prior, double Ways)
    {
        public static Tally None => new(double.NegativeInfinity, 0);

        /// <summary>The better of two sets of readings; both when their priors are equal.</summary>
        public Tally Or(Tally other) =>
            other.Ways == 0 ? this : Ways == 0 ? other :
            Math.Abs(Prior - other.Prior) < 1e-9 ? new Tally(Prior, Ways + other.Ways) : Prior > other.Prior ? this : other;

        /// <summary>These readings after a row read with <paramref name="prior"/>.</summary>
        public Tally After(double prior) => this with { Prior = Prior + prior };
    }

    private sealed class Search(List<RowReading>[] candidates, int[][] distinct, int[] outcomes)
    {
        private readonly Dictionary<Room, Tally>[] _count = outcomes.Select(_ => new Dictionary<Room, Tally>()).ToArray();
        private readonly Dictionary<Room, double>[] _best = outcomes.Select(_ => new Dictionary<Room, double>()).ToArray();
        private int _states;

        public bool Exhausted => _states > MaxStates;

        public Func<int, int, double> Score { get; set; } = (_, _) => 0;

        /// <summary>The full readings of the outcome rows from <paramref name="depth"/> on that fill <paramref name="room"/> exactly (Ways 0: none).</summary>
        public Tally Count(int depth, Room room)
        {
            if (depth == outcomes.Length)
            {
                return room.IsEmpty ? new Tally(0, 1) : Tally.None;
            }

            if (_count[depth].TryGetValue(room, out var known))
            {
                return known;
            }

            if (++_states > MaxStates)
            {
                return Tally.None;
            }

            var tally = Tally.None;
            var row = outcomes[depth];
            foreach (var k in distinct[row])
            {
                if (room.Minus(candidates[row][k]) is { } left && Count(depth + 1, left) is { Ways: > 0 } rest)
                {
                    tally = tally.Or(rest.After(candidates[row][k].Prior));
                }
            }

            _count[depth][room] = tally;
            return tally;
        }

        /// <summary>
        /// Passes to <paramref name="use"/> every placement of an outcome row that some full reading from the
        /// <paramref name="starts"/> with the best priors (<paramref name="bestPrior"/>) uses, with how many of them use it.
        /// </summary>
        public bool CountUses(Dictionary<Room, Tally> starts, double bestPrior, Action<int, int, double> use)
        {
            var layer = starts;
            for (var depth = 0; depth < outcomes.Length; depth++)
            {
                var row = outcomes[depth];
                var next = new Dictionary<Room, Tally>();
                foreach (var (room, before) in layer)
                {
                    foreach (var k in distinct[row])
                    {
                        if (room.Minus(candidates[row][k]) is { } left && Count(depth + 1, left) is { Ways: > 0 } rest)
                        {
                            var prior = before.Prior + candidates[row][k].Prior;
                            if (prior + rest.Prior >= bestPrior - 1e-9)
                            {
                                use(row, k, before.Ways * rest.Ways);
                                next[left] = next.GetValueOrDefault(left, Tally.None).Or(new Tally(prior, before.Ways));
                            }
                        }
                    }
                }

                _states += next.Count;
                if (Exhausted)
                {
                    return false;
                }

                layer = next;
            }

            return true;
        }

        /// <summary>The best total score of a full reading of the outcome rows from <paramref name="depth"/> on (a room that has one).</summary>
        public double Best(int depth, Room room)
        {
            if (depth == outcomes.Length)
            {
                return 0;
            }

            if (_best[depth].TryGetValue(room, out var known))
            {
                return known;
            }

            var best = double.NegativeInfinity;
            var row = outcomes[depth];
            foreach (var k in distinct[row])
            {
                if (room.Minus(candidates[row][k]) is { } left && Count(depth + 1, left).Ways > 0)
                {
                    best = Math.Max(best, Score(row, k) + Best(depth + 1, left));
                }
            }

            _best[depth][room] = best;
            return best;
        }

        /// <summary>Fills <paramref name="choice"/> for the outcome rows along the best full reading from <paramref name="room"/>.</summary>
        public void Reconstruct(Room room, int[] choice)
        {
            for (var depth = 0; depth < outcomes.Length; depth++)
            {
                var row = outcomes[depth];
                var bestScore = double.NegativeInfinity;
                Room? bestLeft = null;
                foreach (var k in distinct[row])
                {
                    if (room.Minus(candidates[row][k]) is { } left && Count(depth + 1, left).Ways > 0)
                    {
                        var score = Score(row, k) + Best(depth + 1, left);
                        if (score > bestScore + 1e-9)
                        {
                            bestScore = score;
                            bestLeft = left;
                            choice[row] = k;
                        }
                    }
                }

                room = bestLeft!.Value;
            }
        }
    }
}
