using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// Which table 二 cells of one layout mean the same as a cell of another. Within one layout every
/// cell maps to itself. Between the 2019 and 2021 layouts a cell maps only when the schema gives it
/// the same block (第二十条第（X）项), the same row and the same column key with the same kind of value:
/// that is 本年处理决定数量 of 行政许可, 行政处罚 and 行政强制. The rest differ in meaning (2019's
/// 本年新制作数量 and 对外公开总数量 are not 2021's 本年制发件数 and 现行有效件数; 2021 reports fee
/// amounts where 2019 reported fee items) and are never added together.
/// </summary>
public static class ProactiveEquivalence
{
    /// <summary>The cell of <paramref name="target"/> that <paramref name="sourceKey"/> of <paramref name="source"/> means, or null.</summary>
    public static string? Map(ReportSchema source, string sourceKey, ReportSchema target)
    {
        if (source.Edition == target.Edition)
        {
            return source.IsProactiveKey(sourceKey) ? sourceKey : null;
        }

        foreach (var block in source.ProactiveBlocks)
        {
            foreach (var (row, column, key) in block.Cells())
            {
                if (key == sourceKey)
                {
                    return Find(target, block.Caption, Stem(row), column);
                }
            }
        }

        return null;
    }

    /// <summary>Every pair of cells that mean the same in the two layouts (for the docs and the tests).</summary>
    public static IReadOnlyList<(string From, string To)> Pairs(ReportSchema source, ReportSchema target) =>
        source.ProactiveKeys
            .Select(k => (From: k, To: Map(source, k, target)))
            .Where(p => p.To is not null)
            .Select(p => (p.From, p.To!))
            .ToArray();

    private static string? Find(ReportSchema target, string caption, string stem, ProactiveColumn column)
    {
        foreach (var block in target.ProactiveBlocks.Where(b => b.Caption == caption))
        {
            foreach (var (row, candidate, key) in block.Cells())
            {
                if (Stem(row) == stem && candidate.KeySuffix == column.KeySuffix && candidate.Kind == column.Kind)
                {
                    return key;
                }
            }
        }

        return null;
    }

    // The key stem without its layout prefix (proactive. / proactive2019.): art20_5.licensing.
    private static string Stem(ProactiveRow row) => row.KeyStem[(row.KeyStem.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
