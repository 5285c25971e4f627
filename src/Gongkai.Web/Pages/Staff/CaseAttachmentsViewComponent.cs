using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The attachments block of the case page (<c>_CaseAttachments.cshtml</c>): loads its own list, so the case page includes it with one line.</summary>
public sealed class CaseAttachmentsViewComponent(AttachmentStore store, AttachmentSettings settings) : ViewComponent
{
    /// <param name="MayUpload">Whether the upload form is shown: not to a 监督人员, who only reads.</param>
    /// <param name="Names">Display names by user name: who added a file is named as the case page names people.</param>
    public sealed record Model(Guid CaseId, IReadOnlyList<AttachmentRow> Files, AttachmentSettings Settings, bool Closed, bool MayUpload, IReadOnlyDictionary<string, string> Names)
    {
        public string Person(string userName) => StaffNames.Person(Names, userName);
    }

    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, bool closed, bool mayUpload, IReadOnlyDictionary<string, string> names) =>
        View("~/Pages/Staff/_CaseAttachments.cshtml", new Model(caseId, await store.ListAsync(caseId, HttpContext.RequestAborted), settings, closed, mayUpload, names));
}
