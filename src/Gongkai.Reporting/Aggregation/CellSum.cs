using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// One cell of one layout added up over the reports of that layout (a database's GROUP BY): the sum of the
/// numbers, how many reports gave a number and how many wrote text there (table 二 only).
/// </summary>
/// <param name="Edition">The layout of the reports summed; <paramref name="Cell"/> is a key of that layout.</param>
public sealed record CellSum(ReportEdition Edition, CellAddress Cell, decimal Sum, int Numbers, int Texts);
