using Gongkai.Domain.Registry;
using Gongkai.UseCases.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Catalogue;

/// <summary>A published item's public page: the metadata table, body, attachments and its 政策解读.</summary>
public sealed class CatalogueDocumentModel(RegistryDocuments documents, AttachmentStore files) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public RegistryDocuments.Details Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(long attachment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Item.Attachments.FirstOrDefault(a => a.Id == attachment) is not { } a || files.Open(a.Sha256) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, a.ContentType, a.FileName);
    }

    /// <summary>Only what is published and 主动公开 is public; anything else is not found (not "forbidden": its existence is not disclosed).</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await documents.GetAsync(Id, null, cancellationToken) is not { } item || item.Document.PublishedOn is null || item.Document.DisclosureMode != (int)DisclosureMode.Proactive)
        {
            return false;
        }

        Item = item with
        {
            Interpretations = item.Interpretations.Where(Public).ToList(),
            AmendedOrRepealedBy = item.AmendedOrRepealedBy.Where(Public).ToList(),
            Interprets = item.Interprets is { } i && Public(i) ? i : null,
            Amends = item.Amends is { } a && Public(a) ? a : null,
            Repeals = item.Repeals is { } r && Public(r) ? r : null,
        };
        return true;
    }

    private static bool Public(Gongkai.Persistence.Registry.RegistryDocumentRow d) => d.PublishedOn is not null && d.DisclosureMode == (int)DisclosureMode.Proactive;
}
