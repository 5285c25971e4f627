using Gongkai.UseCases.Registry;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The proactive-disclosure registry's services (issue 14): options from "Gongkai:Registry", the attachment store and
/// the search index under the data directory (one index writer per installation directory: run one server per
/// data directory), and the use cases.
/// </summary>
public static class RegistryServices
{
    public static void AddRegistry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gongkai:Registry").Get<RegistryOptions>() ?? new RegistryOptions();
        _ = options.Scheme; // A pattern without {serial} stops the start, not the first draft.
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new AttachmentStore(Path.Combine(DataDirectory(sp), "registry-files")));
        builder.Services.AddSingleton(sp => new RegistrySearchIndex(Path.Combine(DataDirectory(sp), "search-index"), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<RegistryDocuments>();
        builder.Services.AddScoped(sp => new ReviewActions(
            sp.GetRequiredService<Gongkai.Persistence.GongkaiDbContext>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Gongkai.Persistence.AuditLog>(), sp.GetRequiredService<RegistrySearchIndex>()));
        builder.Services.AddScoped<CatalogueImport>();
        builder.Services.AddScoped<DecisionCountsImport>();
        builder.Services.AddScoped<PendingPublication>();
        builder.Services.AddScoped<Catalogue>();
    }

    private static string DataDirectory(IServiceProvider sp) => Path.GetFullPath(sp.GetRequiredService<GongkaiOptions>().DataDirectory);
}
