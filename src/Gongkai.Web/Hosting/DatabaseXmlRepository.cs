using System.Xml.Linq;
using Gongkai.Persistence;
using Gongkai.Persistence.Installation;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The data-protection key ring in the database (PostgreSQL installations): every web server reads and adds keys in
/// one table, so a cookie or a form token made by one server is read by the others without a shared folder.
/// </summary>
public sealed class DatabaseXmlRepository(string databaseSetting) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = Database.Open(databaseSetting);
        return db.Set<DataProtectionKeyRow>().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = Database.Open(databaseSetting);
        db.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
