namespace Gongkai.Domain.Fees;

/// <summary>
/// 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): two bases, both progressive on the
/// excess (超额累进), one basis per application (F-04).
/// </summary>
public static class FeeCalculator
{
    /// <summary>
    /// 按件计收 (F-05): pieces counted per applicant, cumulative within a calendar month. Pieces 1–10 free;
    /// 11–30 at 100 元; from 31 in blocks of 10, each block 100 元 more per piece ([I] reading of the top tier).
    /// </summary>
    /// <param name="piecesEarlierThisMonth">The applicant's pieces already counted this calendar month.</param>
    /// <param name="pieces">The pieces of this application.</param>
    public static decimal PerPiece(int piecesEarlierThisMonth, int pieces)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(piecesEarlierThisMonth);
        ArgumentOutOfRangeException.ThrowIfNegative(pieces);
        decimal total = 0;
        for (var i = piecesEarlierThisMonth + 1; i <= piecesEarlierThisMonth + pieces; i++)
        {
            total += RateOfPiece(i);
        }

        return total;
    }

    /// <summary>The rate of the i-th piece of the month (1-based).</summary>
    public static decimal RateOfPiece(int i) => i switch
    {
        <= 10 => 0,
        <= 30 => 100,
        _ => 100 + (100 * ((i - 30 + 9) / 10)),
    };

    /// <summary>按量计收 (F-06): pages of one application; ≤30 free, 31–100 at 10 元, 101–200 at 20 元, ≥201 at 40 元.</summary>
    public static decimal PerVolume(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        decimal total = 0;
        total += 10m * Math.Clamp(pages - 30, 0, 70);
        total += 20m * Math.Clamp(pages - 100, 0, 100);
        total += 40m * Math.Max(pages - 200, 0);
        return total;
    }
}
