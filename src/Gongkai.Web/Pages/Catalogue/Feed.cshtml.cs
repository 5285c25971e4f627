using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Catalogue;

/// <summary>An Atom feed (RFC 4287) of the latest 50 published catalogue items.</summary>
public sealed class FeedModel(Gongkai.UseCases.Registry.Catalogue catalogue) : PageModel
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await catalogue.LatestAsync(50, cancellationToken);
        var site = $"{Request.Scheme}://{Request.Host}";
        static string Stamp(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", "政府信息公开目录"),
            new XElement(Atom + "id", site + "/catalogue"),
            new XElement(Atom + "link", new XAttribute("href", site + "/catalogue/feed"), new XAttribute("rel", "self")),
            new XElement(Atom + "link", new XAttribute("href", site + "/catalogue")),
            new XElement(Atom + "updated", entries.Count == 0 ? "2019-05-15T00:00:00+08:00" : Stamp(entries.Max(e => e.PublishedOn))),
            new XElement(Atom + "author", new XElement(Atom + "name", "政府信息公开")),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "id", $"{site}/catalogue/{e.Id}"),
                new XElement(Atom + "link", new XAttribute("href", $"{site}/catalogue/{e.Id}")),
                new XElement(Atom + "updated", Stamp(e.PublishedOn)),
                new XElement(Atom + "summary", $"索引号 {e.IndexNumber}{(e.DocumentNumber is null ? string.Empty : "，文号 " + e.DocumentNumber)}"))));
        return Content(new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed, "application/atom+xml; charset=utf-8");
    }
}
