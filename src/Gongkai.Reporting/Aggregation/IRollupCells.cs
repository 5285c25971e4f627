using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// Where a roll-up built from sums (<see cref="ReportRollup.FromSums"/>) finds who contributed to a cell: the
/// stored cells of the reports summed, asked one cell at a time so a figure stays traceable without loading every report.
/// </summary>
public interface IRollupCells
{
    /// <summary>The reports of <paramref name="edition"/> that give a number in <paramref name="cell"/> (a key of that layout).</summary>
    IReadOnlyList<Contribution> Numbers(ReportEdition edition, CellAddress cell);

    /// <summary>The reports of <paramref name="edition"/> that wrote text in table 二 cell <paramref name="cell"/>.</summary>
    IReadOnlyList<(string Agency, string Text)> Texts(ReportEdition edition, CellAddress cell);
}
