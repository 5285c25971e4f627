using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 三 as pdftotext without -layout leaves a PDF's table: the row labels gathered apart from the counts, and the
/// counts in the table's row order, each row's seven in turn — except where a few rows stood close enough for pdftotext to
/// take each column of them as one block, and their counts come column by column ("3 2 | 1 0 | 1 0 | …" for 上年结转 3 1 1 …
/// and 予以公开 2 0 0 …). Which rows ran together is not printed; the sums decide it. The counts are cut into the template's
/// rows, one to three rows at a time, every row adding up to its 总计 (C-03), and the whole table to C-01 and C-02. Only a
/// table with every cell printed (seven counts a row, none blank): a blank leaves no mark in this text, and with one the
/// rows cannot be cut.
/// </summary>
internal static class InterleavedRows
{
    /// <summary>The most rows pdftotext is taken to run together.</summary>
    private const int MaxRunTogether = 3;

    /// <summary>Distinct readings kept per point of the search; a table with more is not settled, and is not read so.</summary>
    private const int MaxReadings = 1024;

    private const int Width = 7;

    /// <summary>
    /// Table 三 read from its counts alone when the text is in reading order — the row labels set apart from their counts:
    /// at least three labels with no count after them, or with more than a row's — and the sums leave one reading. False
    /// (nothing written) otherwise: the table is then read label by label as usual.
    /// </summary>
    public static bool TryRead(IReadOnlyList<TableToken> tokens, IReadOnlyDictionary<string, RowObservation> observations, AnnualReport report, List<Diagnostic> diagnostics)
    {
        var apart = observations.Values.Count(o => o.Values.Count(v => v.Kind == TokenKind.Number) is 0 or > Width);
        if (apart < 3)
        {
            return false;
        }

        var numbers = new List<int>();
        foreach (var token in tokens)
        {
            // A blank token here is an empty line of the text, not a cell: with every cell printed, the counts alone are
            // as many as the table has cells (which Decode checks), and an empty cell would leave one missing.
            if (token.Kind == TokenKind.Number)
            {
                // A count is written without leading zeros; anything else ("000", "1.5", "-2") is not this text's shape.
                if (!PrintedNumber.TryReadCount(token.Text, out var n))
                {
                    return false;
                }

                numbers.Add(n);
            }
        }

        var schema = report.Schema;
        var rows = schema.ApplicationDataRows.Select(r => r.Key!).ToArray();
        var at = rows.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i, StringComparer.Ordinal);
        var outcomes = schema.OutcomeRowKeys.Select(k => at[k]).ToArray();
        var (received, over, total, forward) = (at[ApplicationKeys.NewReceived], at[ApplicationKeys.CarriedOver], at[ApplicationKeys.OutcomeTotal], at[ApplicationKeys.CarriedForward]);
        bool Holds(int[][] r) => Enumerable.Range(0, Width).All(c =>
            r[received][c] + r[over][c] == r[total][c] + r[forward][c] && outcomes.Sum(i => r[i][c]) == r[total][c]);

        if (Decode(numbers, rows.Length, Holds) is not var (cells, runTogether))
        {
            return false;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            for (var c = 0; c < Width; c++)
            {
                report.SetApplications(rows[i], ApplicantColumns.All[c], cells[i][c]);
            }
        }

        diagnostics.Add(DiagnosticCatalog.RowsFromReadingOrder.Create(
            DiagnosticLocation.Cell("三", null), numbers.Count, runTogether ? "，其中几组相邻行的数字按列交错印刷" : string.Empty, "三"));
        return true;
    }

    /// <summary>
    /// The one reading of <paramref name="numbers"/> as <paramref name="rowCount"/> rows that satisfies every rule;
    /// null when none or several do, and whether any row ran together with another.
    /// </summary>
    /// <param name="holds">The table's own rules across rows (C-01, C-02), given the rows of a full reading.</param>
    public static (int[][] Rows, bool RunTogether)? Decode(IReadOnlyList<int> numbers, int rowCount, Func<int[][], bool> holds)
    {
        if (numbers.Count != rowCount * Width)
        {
            return null;
        }

        var memo = new Dictionary<int, List<(int[][] Rows, bool RunTogether)>>();
        var readings = Suffixes(numbers, 0, rowCount, memo);
        if (memo.Values.Any(m => m.Count >= MaxReadings))
        {
            // Readings were left out: the one that holds may not be the only one.
            return null;
        }

        var found = readings.Where(r => holds(r.Rows)).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>The distinct readings of the rows from <paramref name="row"/> on (their counts start at row × 7).</summary>
    private static List<(int[][] Rows, bool RunTogether)> Suffixes(IReadOnlyList<int> numbers, int row, int rowCount, Dictionary<int, List<(int[][], bool)>> memo)
    {
        if (row == rowCount)
        {
            return [([], false)];
        }

        if (memo.TryGetValue(row, out var known))
        {
            return known;
        }

        var result = new List<(int[][] Rows, bool RunTogether)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 1; k <= MaxRunTogether && row + k <= rowCount && result.Count < MaxReadings; k++)
        {
            var block = new int[k][];
            var balanced = true;
            for (var i = 0; i < k && balanced; i++)
            {
                block[i] = new int[Width];
                for (var c = 0; c < Width; c++)
                {
                    // Column by column through the k rows: the c-th count of row i is the (c·k + i)-th of the block.
                    block[i][c] = numbers[(row * Width) + (c * k) + i];
                }

                balanced = block[i].Take(Width - 1).Sum() == block[i][Width - 1];
            }

            if (!balanced)
            {
                continue;
            }

            // Rows read together that are not all alike: the print did interleave them.
            var interleaved = k > 1 && block.Any(r => !r.SequenceEqual(block[0]));
            foreach (var (rest, runTogether) in Suffixes(numbers, row + k, rowCount, memo))
            {
                var rows = block.Concat(rest).ToArray();
                if (seen.Add(Key(rows)))
                {
                    result.Add((rows, runTogether || interleaved));
                }

                if (result.Count >= MaxReadings)
                {
                    break;
                }
            }
        }

        memo[row] = result;
        return result;
    }

    private static string Key(int[][] rows) => string.Join(';', rows.Select(r => string.Join(',', r)));
}
