using System.Globalization;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Imports the yearly figures of table 二 第二十条第（五）（六）（八）项 from the systems that hold them (CSV or XLSX):
/// header <c>年度</c> plus any of <c>行政许可</c>, <c>行政处罚</c>, <c>行政强制</c> (decisions made in the year, whole
/// numbers) and <c>收费金额（元）</c> (administrative fees collected, yuan; the report shows 万元). One row per year; a
/// blank cell leaves the figure already stored; a later import of the same year replaces the figures it carries.
/// </summary>
public sealed class DecisionCountsImport(GongkaiDbContext db, TimeProvider time, AuditLog audit)
{
    public const string Year = "年度";
    public const string Licensing = "行政许可";
    public const string Penalty = "行政处罚";
    public const string Coercion = "行政强制";
    public const string Fees = "收费金额（元）";

    public sealed record Imported(int Line, int Year, string Summary);

    public sealed record Report(IReadOnlyList<Imported> ImportedRows, IReadOnlyList<CatalogueImport.Refused> RefusedRows, string? Problem);

    public async Task<Report> RunAsync(Stream content, string fileName, string agency, string actor, CancellationToken cancellationToken = default)
    {
        if (!await db.Agencies.AsNoTracking().AnyAsync(a => a.Code == agency, cancellationToken))
        {
            return new Report([], [], $"找不到机关“{agency}”");
        }

        var (file, problem) = TabularFile.Read(content, fileName);
        if (file is null)
        {
            return new Report([], [], problem);
        }

        // Full-width or half-width brackets, and a plain 收费金额, all mean yuan.
        var header = file.Header.Select(h => h.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal)).ToList();
        var feesColumn = header.IndexOf(Fees) is var fc and >= 0 ? fc : header.IndexOf("收费金额");
        int[] columns = [header.IndexOf(Licensing), header.IndexOf(Penalty), header.IndexOf(Coercion), feesColumn];
        if (header.IndexOf(Year) < 0 || columns.All(c => c < 0))
        {
            return new Report([], [], $"表头须含“{Year}”和“{Licensing}”“{Penalty}”“{Coercion}”“{Fees}”中的至少一列");
        }

        var imported = new List<Imported>();
        var refused = new List<CatalogueImport.Refused>();
        var seen = new Dictionary<int, int>();
        foreach (var row in file.Rows)
        {
            var problems = new List<string>();
            var yearText = row.Get(header.IndexOf(Year)).TrimEnd('年');
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2008 or > 2100)
            {
                problems.Add($"年度“{row.Get(header.IndexOf(Year))}”不是 2008 年以后的年份");
            }
            else if (seen.TryGetValue(year, out var first))
            {
                problems.Add($"{year} 年与第 {first} 行重复");
            }

            int? Count(int column, string label)
            {
                var text = row.Get(column).Replace(",", string.Empty, StringComparison.Ordinal);
                if (column < 0 || text.Length == 0)
                {
                    return null;
                }

                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                problems.Add($"{label}“{row.Get(column)}”不是非负整数");
                return null;
            }

            var (licensing, penalty, coercion) = (Count(columns[0], Licensing), Count(columns[1], Penalty), Count(columns[2], Coercion));
            decimal? fees = null;
            var feesText = row.Get(columns[3]).Replace(",", string.Empty, StringComparison.Ordinal);
            if (columns[3] >= 0 && feesText.Length > 0)
            {
                if (decimal.TryParse(feesText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) && decimal.Round(f, 2) == f)
                {
                    fees = f;
                }
                else
                {
                    problems.Add($"收费金额“{row.Get(columns[3])}”不是以元为单位、最多两位小数的非负金额");
                }
            }

            if (problems.Count == 0 && licensing is null && penalty is null && coercion is null && fees is null)
            {
                problems.Add("这一行没有数字");
            }

            if (problems.Count > 0)
            {
                refused.Add(new CatalogueImport.Refused(row.Line, string.Join("；", problems)));
                continue;
            }

            seen[year] = row.Line;
            var stored = await db.Set<DecisionCountsRow>().SingleOrDefaultAsync(c => c.AgencyCode == agency && c.Year == year, cancellationToken);
            if (stored is null)
            {
                stored = new DecisionCountsRow { AgencyCode = agency, Year = year };
                db.Set<DecisionCountsRow>().Add(stored);
            }

            stored.Licensing = licensing ?? stored.Licensing;
            stored.Penalty = penalty ?? stored.Penalty;
            stored.Coercion = coercion ?? stored.Coercion;
            stored.FeesYuan = fees ?? stored.FeesYuan;
            stored.Source = Path.GetFileName(fileName);
            stored.ImportedAtUtcTicks = time.GetUtcNow().UtcTicks;
            imported.Add(new Imported(row.Line, year, string.Create(CultureInfo.InvariantCulture,
                $"{year} 年：行政许可 {stored.Licensing?.ToString(CultureInfo.InvariantCulture) ?? "—"}，行政处罚 {stored.Penalty?.ToString(CultureInfo.InvariantCulture) ?? "—"}，行政强制 {stored.Coercion?.ToString(CultureInfo.InvariantCulture) ?? "—"}，收费 {stored.FeesYuan?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—"} 元")));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await audit.RecordAsync(actor, agency, "registry.counts", fileName, $"导入处理决定数和收费金额：{imported.Count} 行导入，{refused.Count} 行拒绝", cancellationToken);
        return new Report(imported, refused, null);
    }

    public static IEnumerable<string> Lines(Report report) =>
        report.ImportedRows.Select(i => string.Create(CultureInfo.InvariantCulture, $"第 {i.Line} 行：已导入 {i.Summary}"))
            .Concat(report.RefusedRows.Select(r => string.Create(CultureInfo.InvariantCulture, $"第 {r.Line} 行：拒绝，{r.Reason}")))
            .Append(string.Create(CultureInfo.InvariantCulture, $"共导入 {report.ImportedRows.Count} 行，拒绝 {report.RefusedRows.Count} 行。"));
}
