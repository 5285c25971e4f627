using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Registry;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Registry;

/// <summary>Drill-down of table 二: the catalogue items a 第二十条第（一）项 cell counts, or the imported figures behind 第（五）（六）（八）项.</summary>
public sealed class RegistryCellModel(GongkaiDbContext db, RegistryOptions options) : PageModel
{
    public int Year { get; private set; }

    public string Caption { get; private set; } = string.Empty;

    public IReadOnlyList<RegistryDocumentRow> Documents { get; private set; } = [];

    public DecisionCountsRow? Counts { get; private set; }

    public string Rule { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int year, string? key, CancellationToken cancellationToken)
    {
        Year = year;
        var schema = ReportSchema.For(ReportEdition.Edition2021);
        var cell = schema.ProactiveBlocks.SelectMany(b => b.Cells().Select(c => (b, c))).FirstOrDefault(x => x.c.Key == key);
        if (key is null || cell.c.Key is null)
        {
            return NotFound();
        }

        Caption = $"表二 · {cell.b.Caption} · {cell.c.Row.Label} · {cell.c.Column.Label}";
        var table = new RegistryTableTwo(db, options.Counting);
        if (table.Query(User.Agency(), year, key) is { } query)
        {
            Documents = await query.OrderBy(d => d.PublishedOn).ThenBy(d => d.Id).ToListAsync(cancellationToken);
            var c = options.Counting;
            Rule = key[(key.LastIndexOf('.') + 1)..] switch
            {
                "issued" => $"本年制发：{(c.IssuedBy == Gongkai.Domain.Registry.TableTwoCounting.IssuedDate.Published ? "发布日期" : "成文日期")}在 {year} 年内的已发布文件。",
                "repealed" => $"本年废止：废止日期{(c.ExpiredCountsAsRepealed ? "或失效日期" : string.Empty)}在 {year} 年内的文件。",
                _ => $"现行有效：{year} 年 12 月 31 日前已发布，且到当日未废止、未失效{(c.AmendedCountsAsInForce ? string.Empty : "、未修改")}的文件。",
            };
        }
        else
        {
            Counts = await table.CountsAsync(User.Agency(), year, cancellationToken);
            Rule = "由导入的年度处理决定数和收费金额生成（收费金额以元导入，表中以万元列示）。";
        }

        return Page();
    }
}
