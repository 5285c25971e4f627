using Gongkai.Domain.Reports;
using Gongkai.Domain.Reviews;
using Gongkai.Persistence;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>Drill-down: the cases a cell of table 三 (row + column) or table 四 (cell key) counts.</summary>
public sealed class ReportCellModel(GongkaiDbContext db) : PageModel
{
    public sealed record Item(Guid? ApplicationId, string Label, string Detail);

    public int Year { get; private set; }

    public string Caption { get; private set; } = string.Empty;

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, string? row, string? col, string? review, CancellationToken cancellationToken)
    {
        Year = year;
        var agency = User.Agency();
        var schema = ReportSchema.For(ReportEditions.ExpectedFor(year) ?? ReportEdition.Edition2021);
        if (row is not null && col is not null && schema.IsApplicationRowKey(row) && ApplicantColumns.TryParseKey(col, out var column))
        {
            var label = schema.ApplicationDataRows.First(r => r.Key == row).Label;
            Caption = $"表三 · {label} · {column.Label()}";
            Items = (await new CaseStore(db).CasesInCellAsync(agency, year, row, column, cancellationToken)).Select(c => new Item(c.Id, c.TrackingNumber, string.Empty)).ToList();
            return Page();
        }

        if (review is not null && schema.ReviewColumns.FirstOrDefault(c => c.Key == review) is { } reviewColumn)
        {
            Caption = $"表四 · {reviewColumn.Group.Kind().Label()} · {reviewColumn.Label}";
            var numbers = await db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency).Select(a => new { a.Id, a.TrackingNumber }).ToDictionaryAsync(a => a.Id, a => a.TrackingNumber, cancellationToken);
            Items = (await new CaseStore(db).ReviewsAsync(agency, cancellationToken))
                .Where(r => r.CountsInYear(year) && (r.ColumnKey(year) == review || ReviewCase.TotalKey(r.Kind) == review))
                .OrderBy(r => r.FiledOn)
                .Select(r => new Item(r.ApplicationId, r.ApplicationId is { } id ? numbers.GetValueOrDefault(id, "（未关联申请）") : "（未关联申请）",
                    $"收到 {r.FiledOn:yyyy-MM-dd}，{r.ResultAtEndOf(year).Label()}"))
                .ToList();
            return Page();
        }

        return NotFound();
    }
}
