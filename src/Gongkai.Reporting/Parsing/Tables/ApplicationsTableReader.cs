using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Reads table 三 from its token stream. Row labels are recognised wherever they stand; the values of a
/// row are the tokens between its label and the next label. Rows whose cells cannot be read as printed
/// (cells missing, digits run together) get candidate readings, and the combination that satisfies the
/// table's own sum rules best is chosen: C-03 per row, C-01 and C-02 per column.
/// </summary>
internal static class ApplicationsTableReader
{
    private const double RuleWeight = 3;
    private const long MaxExhaustive = 50_000;

    public static void Read(IReadOnlyList<TableToken> tokens, AnnualReport report, List<Diagnostic> diagnostics)
    {
        var schema = report.Schema;
        var observations = new Dictionary<string, RowObservation>();
        RowObservation? current = null;
        string? previousKey = null;
        var hasTotalColumn = false;
        var labelledRows = tokens.Where(t => t.Kind == TokenKind.Text).Select(t => t.RowIndex).ToHashSet();
        var seenText = new HashSet<int>();
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Text)
            {
                // Blanks before the first label of a printed row indent that row; they are not cells of the row above.
                if (!(token.Kind == TokenKind.Blank && labelledRows.Contains(token.RowIndex) && !seenText.Contains(token.RowIndex)))
                {
                    current?.Values.Add(token);
                }

                continue;
            }

            seenText.Add(token.RowIndex);

            var label = ApplicationLabels.Recognise(token.Text, report.Edition, previousKey)
                ?? NextNumberedRow(token.Text, previousKey, schema);
            switch (label?.Kind)
            {
                case ApplicationLabelKind.Row when schema.IsApplicationRowKey(label.RowKey!):
                    current = new RowObservation(label.RowKey!, token);
                    if (!observations.TryGetValue(current.Key, out var earlier) || earlier.Values.All(v => v.Kind == TokenKind.Blank))
                    {
                        observations[current.Key] = current;
                    }

                    previousKey = current.Key;
                    break;
                case ApplicationLabelKind.TotalHeader:
                    hasTotalColumn = true;
                    current = null;
                    break;
                case ApplicationLabelKind.Group or ApplicationLabelKind.Header:
                    current = null;
                    break;
                default:
                    // Fragments of merged group labels ("无法" / "提供") carry no values.
                    if (current is null || current.Values.Count > 0)
                    {
                        current = null;
                    }

                    if (token.Text.Length > 15 && label is null)
                    {
                        diagnostics.Add(DiagnosticCatalog.UnplacedText.Create(DiagnosticLocation.At(token.Line, token.Column), "三", Shorten(token.Text)));
                    }

                    break;
            }
        }

        if (observations.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.TableNotFound.Create(DiagnosticLocation.Cell("三", null), "三", "收到和处理政府信息公开申请情况"));
            return;
        }

        if (!hasTotalColumn)
        {
            hasTotalColumn = observations.Values.Count(o => o.Values.Count(v => v.Kind != TokenKind.Blank) >= 7) > observations.Count / 2;
            if (!hasTotalColumn)
            {
                diagnostics.Add(DiagnosticCatalog.NoTotalColumn.Create(DiagnosticLocation.Cell("三", null, "total")));
            }
        }

        var width = hasTotalColumn ? 7 : 6;
        var rows = schema.ApplicationDataRows.Select(r => r.Key!).ToArray();
        var candidates = new List<RowReading>[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if (!observations.TryGetValue(rows[i], out var observation))
            {
                diagnostics.Add(DiagnosticCatalog.RowNotFound.Create(DiagnosticLocation.Cell("三", rows[i]), "三", schema.ApplicationDataRows[i].Label));
                candidates[i] = [new RowReading(new int?[7], new bool[7], 0, RowReadingKind.Literal)];
                continue;
            }

            var values = observation.Values.Select(v => IsCount(v) ? v : Unusable(v, schema.ApplicationDataRows[i].Label, diagnostics)).ToList();
            candidates[i] = RowCandidates.For(values, width, splitDigits: hasTotalColumn)
                .Select(r => Widen(r, hasTotalColumn))
                .Where(r => r.Kind != RowReadingKind.DigitSplit || RowBalances(r) == 1)
                .ToList();
        }

        var (choice, unique) = Solve(rows, candidates);
        for (var i = 0; i < rows.Length; i++)
        {
            var reading = candidates[i][choice[i]];
            for (var c = 0; c < 7; c++)
            {
                report.SetApplications(rows[i], ApplicantColumns.All[c], reading.Cells[c]);
            }

            if (observations.TryGetValue(rows[i], out var observation))
            {
                Explain(observation, reading, candidates[i], width, unique, schema.ApplicationDataRows[i].Label, diagnostics);
            }
        }

        InferMissing(report, rows, rows.Select((_, i) => candidates[i][choice[i]]).ToArray(), hasTotalColumn, diagnostics);
    }

    /// <summary>
    /// A label cut short by wrapping ("1.申请人无正当理由") is the next sub-row with that list number
    /// after the row before it, in the template's order.
    /// </summary>
    private static ApplicationLabel? NextNumberedRow(string text, string? previousKey, ReportSchema schema)
    {
        if (previousKey is null || ApplicationLabels.ListNumber(text) is not { } number)
        {
            return null;
        }

        var rows = schema.ApplicationDataRows;
        var after = rows.Select((r, i) => (r, i)).First(x => x.r.Key == previousKey).i;
        var prefix = number.ToString(CultureInfo.InvariantCulture) + ".";
        return rows.Skip(after + 1).Take(2).FirstOrDefault(r => r.Label.StartsWith(prefix, StringComparison.Ordinal)) is { } next
            ? new ApplicationLabel(next.Key, ApplicationLabelKind.Row)
            : null;
    }

    private static bool IsCount(TableToken token) =>
        token.Kind != TokenKind.Number || int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>A number that is not a whole count ("7.5") is reported and read as blank.</summary>
    private static TableToken Unusable(TableToken token, string label, List<Diagnostic> diagnostics)
    {
        diagnostics.Add(DiagnosticCatalog.BadValue.Create(DiagnosticLocation.At(token.Line, token.Column), label, token.Text));
        return token with { Kind = TokenKind.Blank };
    }

    private static RowReading Widen(RowReading reading, bool hasTotalColumn)
    {
        if (hasTotalColumn)
        {
            return reading;
        }

        var cells = new int?[7];
        var missing = new bool[7];
        Array.Copy(reading.Cells, cells, 6);
        Array.Copy(reading.Missing, missing, 6);
        return reading with { Cells = cells, Missing = missing };
    }

    /// <summary>+1 when the row's 总计 equals its six columns, −1 when not, 0 when it cannot say.</summary>
    private static int RowBalances(RowReading r)
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

    private static (int[] Choice, bool Unique) Solve(string[] rows, List<RowReading>[] candidates)
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
            return (choice, true);
        }

        var scorer = new AssignmentScorer(rows, candidates);
        long product = 1;
        foreach (var i in ambiguous)
        {
            product = Math.Min(product * candidates[i].Count, MaxExhaustive + 1);
        }

        var best = (int[])choice.Clone();
        var bestScore = scorer.Score(best);
        var ties = 0;
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

        return (best, ties == 0);
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

        private int? Cell(int row, int[] pick, int column) => row < 0 ? null : _candidates[row][pick[row]].Cells[column];
    }

    private static void Explain(RowObservation observation, RowReading reading, List<RowReading> candidates, int width, bool unique, string label, List<Diagnostic> diagnostics)
    {
        var location = DiagnosticLocation.At(observation.Label.Line, observation.Label.Column);
        var trimmed = RowCandidates.Trim(observation.Values, width);
        var count = trimmed.Count;
        var shown = Describe(reading.Cells, width);
        var confidence = unique ? "唯一满足勾稽关系的读法" : "多种读法均满足勾稽关系，按版面位置选择，请核对原文";
        switch (reading.Kind)
        {
            case RowReadingKind.DigitSplit:
                var raw = string.Join(' ', observation.Values.Where(v => v.Kind == TokenKind.Number).Select(v => v.Text));
                diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(location, label, raw, shown, confidence));
                break;
            case RowReadingKind.Placement when candidates.Count > 1 || count < width:
                var why = candidates.Select(c => c.SumSignature).Distinct().Count() > 1 ? confidence : "左对齐，缺少的单元格在末尾";
                diagnostics.Add(DiagnosticCatalog.RowAlignmentAssumed.Create(location, label, Math.Min(count, width), width, why, shown));
                break;
            case RowReadingKind.Literal when count > width:
                var extra = trimmed.Skip(width).Where(v => v.Kind != TokenKind.Blank).Select(v => v.Text).ToArray();
                if (extra.Length > 0)
                {
                    diagnostics.Add(DiagnosticCatalog.ExtraCells.Create(location, label, count, width, string.Join(' ', extra)));
                }

                break;
        }
    }

    /// <summary>
    /// Cells missing from the source (not printed blank) are inferred where the sums leave one value:
    /// C-02 down a column, C-03 along a row.
    /// </summary>
    private static void InferMissing(AnnualReport report, string[] rows, RowReading[] chosen, bool hasTotalColumn, List<Diagnostic> diagnostics)
    {
        var outcomeRows = Enumerable.Range(0, rows.Length)
            .Where(i => rows[i].StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal) && rows[i] != ApplicationKeys.OutcomeTotal)
            .ToArray();
        var columns = hasTotalColumn ? 7 : 6;
        for (var c = 0; c < columns; c++)
        {
            var column = ApplicantColumns.All[c];
            if (report.GetApplications(ApplicationKeys.OutcomeTotal, column) is not { } total)
            {
                continue;
            }

            // A row printed entirely blank stays blank: only a row that shows numbers can have lost a cell.
            var missing = outcomeRows
                .Where(i => chosen[i].Missing[c] && report.GetApplications(rows[i], column) is null && chosen[i].Cells.Any(v => v is not null))
                .ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            long known = outcomeRows.Sum(i => (long)(report.GetApplications(rows[i], column) ?? 0));
            var rest = total - known;
            if (rest == 0 || (missing.Length == 1 && rest > 0))
            {
                foreach (var i in missing)
                {
                    var value = (int)(missing.Length == 1 ? rest : 0);
                    report.SetApplications(rows[i], column, value);
                    var label = report.Schema.ApplicationDataRows[i].Label;
                    diagnostics.Add(DiagnosticCatalog.CellInferred.Create(
                        DiagnosticLocation.Cell("三", rows[i], column.Key()), label, column.Label(), value));
                }
            }
        }
    }

    private static string Describe(int?[] cells, int width) =>
        string.Join("，", Enumerable.Range(0, width).Select(c => $"{ApplicantColumns.All[c].Label()} {cells[c]?.ToString(CultureInfo.InvariantCulture) ?? "空白"}"));

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

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
