using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// Adds up tables 三 and 四 and the summable cells of table 二 over the reports of one year. Reports
/// of one layout roll up in that layout; mixed 2019 and 2021 reports roll up in the 2021 layout: the
/// rows of tables 三 and 四 map one to one, except 2019's single （六）其他处理, which goes to 2021's
/// （六）3.其他 (GK5001); table 二 only where the two layouts' cells mean the same (GK5004,
/// <see cref="ProactiveEquivalence"/>). A blank cell is not zero: it adds nothing and is not listed
/// among the contributors, so every figure shows exactly whose numbers it adds.
/// </summary>
public static partial class ReportRollup
{
    public static Rollup Of(IReadOnlyList<RollupSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("A roll-up needs at least one report.", nameof(sources));
        }

        var refused = YearProblems(sources);
        if (refused.Count > 0)
        {
            return new Rollup(null, Members(sources), new Dictionary<CellAddress, IReadOnlyList<Contribution>>(), refused);
        }

        var diagnostics = new List<Diagnostic>();
        var year = sources[0].Report.Year!.Value;
        foreach (var twice in sources.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticCatalog.RollupSameAgencyTwice.Create(DiagnosticLocation.Meta("agency"), twice.Key, year, twice.Count()));
        }

        var editions = sources.Select(s => s.Report.Edition).Distinct().ToArray();
        var edition = editions.Length == 1 ? editions[0] : ReportEdition.Edition2021;
        var target = ReportSchema.For(edition);
        var result = NewReport(edition, year, sources.Select(s => s.Name).ToArray());

        var contributions = new Dictionary<CellAddress, List<Contribution>>();
        HashSet<string>? comparableKeys = null;
        if (editions.Length > 1)
        {
            // A figure must cover every agency: a cell only one layout has stays blank rather than add up some of them.
            comparableKeys = ProactiveEquivalence.Pairs(ReportSchema.Edition2019, target).Select(p => p.To).ToHashSet(StringComparer.Ordinal);
            var comparable = comparableKeys.Count;
            diagnostics.Add(DiagnosticCatalog.RollupProactiveNotComparable.Create(
                DiagnosticLocation.Cell("二", null),
                sources.Count(s => s.Report.Edition == ReportEdition.Edition2019),
                sources.Count(s => s.Report.Edition == ReportEdition.Edition2021),
                comparable,
                target.ProactiveKeys.Count - comparable));
        }

        foreach (var source in sources)
        {
            AddProactive(source, target, comparableKeys, contributions, diagnostics);
            AddApplications(source, target, contributions, diagnostics);
            foreach (var column in target.ReviewColumns)
            {
                if (source.Report.GetReview(column.Key) is { } v)
                {
                    Add(contributions, CellAddress.Review(column.Key), source.Name, v);
                }
            }
        }

        foreach (var (cell, list) in contributions)
        {
            Set(result, cell, list.Sum(c => c.Value), diagnostics);
        }

        return new Rollup(result, Members(sources), contributions.ToDictionary(p => p.Key, p => (IReadOnlyList<Contribution>)p.Value), diagnostics);
    }

    private static RollupMember[] Members(IReadOnlyList<RollupSource> sources) =>
        sources.Select(s => new RollupMember(s.Name, s.Report.Edition, s.File)).ToArray();

    private static AnnualReport NewReport(ReportEdition edition, int year, IReadOnlyList<string> names)
    {
        var result = new AnnualReport(edition) { Agency = Rollup.AgencyName(names.Count), Year = year };
        result.Sections.Sec1 = string.Create(
            CultureInfo.InvariantCulture,
            $"本报告汇总了以下 {names.Count} 个机关 {year} 年度政府信息公开工作年度报告中的统计数据：{string.Join("、", names)}。");
        return result;
    }

    /// <summary>
    /// Writes a cell's sum into the roll-up. A count of table 三 or 四 is a whole number a report holds as a 32-bit integer:
    /// a sum beyond that (a misprint such as 2147483647 in one report, added to the others) is left blank and said so
    /// (GK5007) rather than failing the whole roll-up — and with it the supervisor's overview of the year.
    /// </summary>
    private static void Set(AnnualReport result, CellAddress cell, decimal sum, List<Diagnostic> diagnostics)
    {
        if (cell.Table != "二" && sum is > int.MaxValue or < int.MinValue)
        {
            diagnostics.Add(DiagnosticCatalog.RollupSumTooLarge.Create(
                DiagnosticLocation.Cell(cell.Table, cell.Key, cell.Column), sum.ToString("0", CultureInfo.InvariantCulture)));
            return;
        }

        switch (cell.Table)
        {
            case "二":
                // 12.345 + 0.005 is 12.35, not 12.350: the sum is written without the trailing zeros decimal keeps.
                result.SetProactive(cell.Key, CellValue.FromNumber(sum / 1.000000000000000000000000000000000m));
                break;
            case "三":
                ApplicantColumns.TryParseKey(cell.Column!, out var column);
                result.SetApplications(cell.Key, column, checked((int)sum));
                break;
            default:
                result.SetReview(cell.Key, checked((int)sum));
                break;
        }
    }

    private static List<Diagnostic> YearProblems(IReadOnlyList<RollupSource> sources)
    {
        var problems = new List<Diagnostic>();
        foreach (var source in sources.Where(s => s.Report.Year is null))
        {
            problems.Add(DiagnosticCatalog.RollupYearMissing.Create(DiagnosticLocation.Meta("year"), source.Name));
        }

        var first = sources.FirstOrDefault(s => s.Report.Year is not null);
        foreach (var other in sources.Where(s => s.Report.Year is { } y && y != first!.Report.Year))
        {
            problems.Add(DiagnosticCatalog.RollupYearsDiffer.Create(DiagnosticLocation.Meta("year"), other.Name, other.Report.Year, first!.Report.Year));
        }

        return problems;
    }

    private static void AddProactive(RollupSource source, ReportSchema target, HashSet<string>? comparableKeys, Dictionary<CellAddress, List<Contribution>> contributions, List<Diagnostic> diagnostics)
    {
        var schema = source.Report.Schema;
        foreach (var key in schema.ProactiveKeys)
        {
            var value = source.Report.GetProactive(key);
            if (value.IsBlank || ProactiveEquivalence.Map(schema, key, target) is not { } to || comparableKeys?.Contains(to) == false)
            {
                continue;
            }

            if (value.IsNumber)
            {
                Add(contributions, CellAddress.Proactive(to), source.Name, value.Number);
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.RollupTextNotSummed.Create(DiagnosticLocation.Cell("二", key), source.Name, CellNames.Proactive(schema, key), value.Text));
            }
        }
    }

    private static void AddApplications(RollupSource source, ReportSchema target, Dictionary<CellAddress, List<Contribution>> contributions, List<Diagnostic> diagnostics)
    {
        foreach (var (row, column, value) in source.Report.ApplicationCells())
        {
            var to = row;
            if (row == ApplicationKeys.OutcomeOther2019 && target.Edition == ReportEdition.Edition2021)
            {
                // 2019's （六）其他处理 has no parts; the 2021 layout split it in three and only 3.其他 can hold it.
                to = ApplicationKeys.OutcomeOtherOther;
                if (column == ApplicantColumn.Total)
                {
                    diagnostics.Add(DiagnosticCatalog.RollupOtherOutcomeMapped.Create(
                        DiagnosticLocation.Cell("三", row), source.Name, value is { } t ? t.ToString(CultureInfo.InvariantCulture) + " 件" : "空白"));
                }
            }

            if (value is { } v)
            {
                Add(contributions, CellAddress.Applications(to, column), source.Name, v);
            }
        }
    }

    private static void Add(Dictionary<CellAddress, List<Contribution>> contributions, CellAddress cell, string agency, decimal value)
    {
        if (!contributions.TryGetValue(cell, out var list))
        {
            contributions[cell] = list = [];
        }

        list.Add(new Contribution(agency, value));
    }
}
