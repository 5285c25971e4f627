using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// How a summary stores the cells of tables 二, 三 and 四 of a report: numbers as whole millionths packed with their
/// cell ids in one value (<see cref="PackedCells"/>), text written in a table 二 cell apart, by cell id. Cell ids are
/// numbered in report_cell_keys, once for every cell either layout has, and never changed or removed.
/// </summary>
public static class SummaryCells
{
    /// <summary>Numbers are stored as whole millionths, so table 二's fee amounts add up exactly.</summary>
    public const long Scale = 1_000_000;

    private static readonly ReportEdition[] Layouts = [ReportEdition.Edition2019, ReportEdition.Edition2021];

    /// <summary>The filled cells of tables 二, 三 and 四 of a report, as stored: whole millionths, or text.</summary>
    public static IEnumerable<(CellAddress Cell, long? Millionths, string? Text)> Cells(AnnualReport report) =>
        Slots(report).Where(s => s.Millionths is not null || s.Text is not null).Select(s => (s.Cell, s.Millionths, s.Text));

    /// <summary>
    /// The ids of every cell of both layouts, numbering (and committing, in a transaction of its own) those not seen
    /// before: a collector reads them once and keeps them for the whole run.
    /// </summary>
    internal static async Task<CellIds> KnownAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Ids numbered in a transaction that is later rolled back would be kept by the caller and given to other cells.
            throw new InvalidOperationException("SummaryCells.KnownAsync commits on its own: call it outside a transaction.");
        }

        try
        {
            return await IdsAsync(db, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer numbered the same cells at the same moment: read theirs.
            db.ChangeTracker.Clear();
            return await IdsAsync(db, cancellationToken);
        }
    }

    /// <summary>The ids of every cell of both layouts, numbering those not seen before in the current transaction, if any.</summary>
    internal static async Task<CellIds> IdsAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        var ids = await db.Set<ReportCellKeyRow>().AsNoTracking().ToDictionaryAsync(k => k.Cell, k => k.Id, StringComparer.Ordinal, cancellationToken);
        var every = Layouts.ToDictionary(e => e, e => Slots(new AnnualReport(e)).Select(s => s.Cell.ToString()).ToArray());
        var added = every.Values.SelectMany(c => c).Where(c => !ids.ContainsKey(c)).Distinct(StringComparer.Ordinal).Select(c => new ReportCellKeyRow { Cell = c }).ToList();
        if (added.Count > 0)
        {
            db.Set<ReportCellKeyRow>().AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var k in added)
            {
                ids[k.Cell] = k.Id;
            }

            db.ChangeTracker.Clear();
        }

        return new CellIds(every.ToDictionary(e => e.Key, e => e.Value.Select(c => ids[c]).ToArray()));
    }

    /// <summary>A report's cells as a summary stores them. Pure, so a collect makes it on the reading cores.</summary>
    internal static StoredNumbers Pack(AnnualReport report, CellIds ids)
    {
        var inOrder = ids.InOrder[report.Edition];
        var numbers = new List<(int, long)>(inOrder.Length);
        var texts = new List<(int, string)>();
        foreach (var (position, _, millionths, text) in Slots(report))
        {
            if (millionths is { } m)
            {
                numbers.Add((inOrder[position], m));
            }
            else if (text is not null)
            {
                texts.Add((inOrder[position], text));
            }
        }

        return new StoredNumbers(PackedCells.Pack(numbers), texts);
    }

    /// <summary>
    /// Every cell of the report's layout, in the one order both the ids (<see cref="CellIds"/>) and the packing use, with
    /// its value as stored: whole millionths, text, or neither when blank.
    /// </summary>
    private static IEnumerable<(int Position, CellAddress Cell, long? Millionths, string? Text)> Slots(AnnualReport report)
    {
        var k = 0;
        foreach (var key in report.Schema.ProactiveKeys)
        {
            var value = report.GetProactive(key);
            yield return value.IsNumber && TryMillionths(value.Number, out var millionths)
                ? (k++, CellAddress.Proactive(key), millionths, null)
                : (k++, CellAddress.Proactive(key), null, value.IsBlank ? null : AsText(value));
        }

        foreach (var (row, column, value) in report.ApplicationCells())
        {
            yield return (k++, CellAddress.Applications(row, column), value * Scale, null);
        }

        foreach (var column in report.Schema.ReviewColumns)
        {
            yield return (k++, CellAddress.Review(column.Key), report.GetReview(column.Key) * Scale, null);
        }
    }

    /// <summary>
    /// The number as whole millionths, when they fit in 64 bits (|n| ≤ 9×10¹²); a larger one (a misprint such as
    /// 10000000000000 in table 二 is read as a number) is kept as text, which the roll-up reports (GK5005) and does not
    /// add, instead of failing the collect or the overview.
    /// </summary>
    private static bool TryMillionths(decimal number, out long millionths)
    {
        const decimal Largest = 9_000_000_000_000m;
        millionths = number is <= Largest and >= -Largest ? (long)decimal.Round(number * Scale, 0, MidpointRounding.ToEven) : 0;
        return number is <= Largest and >= -Largest;
    }

    /// <summary>A table 二 cell kept as text: what the report wrote, or a number too large to add up, marked so.</summary>
    private static string AsText(CellValue value) =>
        value.IsNumber ? value.Number.ToString(CultureInfo.InvariantCulture) + "（数值过大，未计入汇总）" : value.Text!;
}

/// <summary>By layout, the id of each of its cells, in the order <see cref="SummaryCells"/> visits them.</summary>
internal sealed record CellIds(IReadOnlyDictionary<ReportEdition, int[]> InOrder);

/// <summary>A report's cells as a summary stores them: the numbers packed (<see cref="PackedCells"/>), the texts by cell id.</summary>
internal sealed record StoredNumbers(byte[] Numbers, IReadOnlyList<(int Cell, string Text)> Texts);
