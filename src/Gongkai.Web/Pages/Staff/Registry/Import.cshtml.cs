using Gongkai.UseCases.Registry;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Registry;

/// <summary>
/// Uploads for the two imports the CLI also offers: the catalogue of an existing site, and the yearly decision counts
/// and fee total. The page shows each imported and refused row; it answers 200 when all rows were imported, 422 when
/// some were refused and 400 when the file could not be read.
/// </summary>
[RequestSizeLimit(110 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 110 * 1024 * 1024)]
public sealed class ImportModel(CatalogueImport catalogue, DecisionCountsImport counts, RegistrySearchIndex index, Gongkai.Persistence.GongkaiDbContext db) : PageModel
{
    public string? Problem { get; private set; }

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public int Refused { get; private set; }

    /// <summary>Whether the reader works cases: a 监督人员 reads the page without its forms (its posts answer 403).</summary>
    public bool MayAct => User.WorksCases();

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostCatalogueAsync(IFormFile? file, CancellationToken cancellationToken) => RunAsync(file, async stream =>
    {
        var report = await catalogue.RunAsync(stream, file!.FileName, User.Agency(), User.UserName(), cancellationToken);
        if (report.ImportedRows.Count > 0)
        {
            await index.EnsureFreshAsync(db, force: true, cancellationToken);
        }

        return (report.Problem, CatalogueImport.Lines(report).ToList(), report.RefusedRows.Count);
    });

    public Task<IActionResult> OnPostCountsAsync(IFormFile? file, CancellationToken cancellationToken) => RunAsync(file, async stream =>
    {
        var report = await counts.RunAsync(stream, file!.FileName, User.Agency(), User.UserName(), cancellationToken);
        return (report.Problem, DecisionCountsImport.Lines(report).ToList(), report.RefusedRows.Count);
    });

    private async Task<IActionResult> RunAsync(IFormFile? file, Func<Stream, Task<(string? Problem, List<string> Lines, int Refused)>> import)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "请选择 CSV 或 XLSX 文件";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        (Problem, var lines, Refused) = await import(stream);
        Lines = lines;
        Response.StatusCode = Problem is not null ? StatusCodes.Status400BadRequest : Refused > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Page();
    }
}
