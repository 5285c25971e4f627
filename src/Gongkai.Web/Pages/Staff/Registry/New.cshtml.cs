using Gongkai.UseCases.Registry;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Registry;

/// <summary>Drafting a new catalogue item; it gets the next 索引号 of the configured scheme.</summary>
public sealed class NewDocumentModel(RegistryDocuments documents, TimeProvider time) : PageModel
{
    /// <summary>Whether the reader works cases: a 监督人员 reads the page without its forms (its posts answer 403).</summary>
    public bool MayAct => User.WorksCases();

    [BindProperty]
    public DraftForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public void OnGet() => Form.FormedOn = ChinaDate.Today(time);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (id, problem) = await documents.CreateAsync(User.Agency(), User.UserName(), Form, cancellationToken);
        if (id is null)
        {
            Error = problem;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Message"] = "已起草，索引号已生成。添加附件后提交审查。";
        return Redirect($"/staff/registry/{id}");
    }
}
