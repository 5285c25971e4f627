using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 二 as pdftotext without -layout leaves a PDF's table: the row labels apart, and each column's header followed by
/// its counts ("本年制发件数 0 0 本年废止件数 0 0 现行有效件数 0 0"), or a few headers followed by the counts of their
/// columns row by row ("本年制发件数 本年废止件数 0 0 26 29"). A block is read so only when its rows show no counts of their
/// own and every column of it is found exactly once, with as many counts as the block has rows.
/// </summary>
internal sealed class ProactiveColumnRuns
{
    private readonly List<(ProactiveBlock Block, int Column)> headers = [];
    private readonly List<TableToken> numbers = [];
    private readonly List<(List<(ProactiveBlock Block, int Column)> Headers, List<TableToken> Numbers)> runs = [];

    /// <summary>A column header (of the block the caption before it opened, or of the only block that has it).</summary>
    public void Header(ReportSchema schema, ProactiveBlock? captioned, string key)
    {
        if (numbers.Count > 0)
        {
            Close();
        }

        var owners = schema.ProactiveBlocks.Where(b => ColumnOf(b, key) >= 0).ToList();
        var owner = owners.Count == 1 ? owners[0] : captioned is not null && owners.Contains(captioned) ? captioned : null;
        if (owner is null)
        {
            Close();
            return;
        }

        headers.Add((owner, ColumnOf(owner, key)));
    }

    /// <summary>A count outside any row (no row label before it since the last header).</summary>
    public void Number(TableToken token)
    {
        if (headers.Count > 0)
        {
            numbers.Add(token);
        }
    }

    /// <summary>Anything else ends the run of headers and counts.</summary>
    public void Close()
    {
        if (headers.Count > 0 && numbers.Count > 0)
        {
            runs.Add(([.. headers], [.. numbers]));
        }

        headers.Clear();
        numbers.Clear();
    }

    /// <summary>The cells of each block read from its runs, by block caption: [row][column]; only blocks read whole.</summary>
    public Dictionary<string, TableToken[][]> Blocks()
    {
        Close();
        var result = new Dictionary<string, TableToken[][]>(StringComparer.Ordinal);
        foreach (var group in runs.Where(r => r.Headers.Select(h => h.Block.Caption).Distinct().Count() == 1).GroupBy(r => r.Headers[0].Block.Caption))
        {
            var block = group.First().Headers[0].Block;
            var rows = block.Rows.Count;
            var cells = new TableToken?[rows][];
            for (var r = 0; r < rows; r++)
            {
                cells[r] = new TableToken?[block.Columns.Count];
            }

            var whole = true;
            foreach (var (runHeaders, runNumbers) in group)
            {
                whole &= runNumbers.Count == runHeaders.Count * rows;
                for (var r = 0; r < rows && whole; r++)
                {
                    for (var h = 0; h < runHeaders.Count && whole; h++)
                    {
                        whole &= cells[r][runHeaders[h].Column] is null;
                        cells[r][runHeaders[h].Column] = runNumbers[(r * runHeaders.Count) + h];
                    }
                }
            }

            if (whole && cells.All(row => row.All(c => c is not null)))
            {
                result[block.Caption] = cells.Select(row => row.Select(c => c!).ToArray()).ToArray();
            }
        }

        return result;
    }

    private static int ColumnOf(ProactiveBlock block, string key)
    {
        for (var i = 0; i < block.Columns.Count; i++)
        {
            if (ProactiveTableReader.TemplateKey(block.Columns[i].Label) == key)
            {
                return i;
            }
        }

        return -1;
    }
}
