using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Calendar;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Gongkai.Web.Hosting;

/// <summary>
/// What the installation keeps beside its cases: the key ring, the access-code secret, the working-day calendar in
/// force, and the health endpoint the reverse proxy polls. Where each lives follows the database: PostgreSQL means
/// several servers may share it, so everything shared is in the database; SQLite means one server and the data
/// directory.
/// </summary>
public static class InstallationState
{
    public static void AddInstallationState(this WebApplicationBuilder builder, GongkaiOptions options, string dataDirectory)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Gongkai");
        if (Database.Resolve(options.Database).Provider == DatabaseProvider.Postgres)
        {
            var database = options.Database!;
            protection.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(database));
        }
        else
        {
            // Cookies and antiforgery tokens survive restarts and redeployments: the key ring lives with the data.
            protection.PersistKeysToFileSystem(PrivateDirectory(Path.Combine(dataDirectory, "keys")));
        }

        // The calendar in force is the database's newest version (an administrator uploads each year's notice);
        // resolved per request so an upload on any server reaches every server.
        builder.Services.AddSingleton<CalendarInForce>();
        builder.Services.AddScoped(services => services.GetRequiredService<CalendarInForce>().Current);
        builder.Services.AddAuthorizationBuilder().AddPolicy(InstallationAdmin.Policy, policy => policy.RequireRole(InstallationAdmin.Roles));
    }

    /// <summary>After migrating: the access-code secret (or a refusal to start) and the calendar's first version.</summary>
    public static void PrepareInstallationState(this IServiceProvider services, GongkaiDbContext db, GongkaiOptions options, WorkingDayCalendar seed)
    {
        if (string.IsNullOrEmpty(options.AccessCodeSecret))
        {
            options.AccessCodeSecret = AccessCodeSecret.Resolve(db, options.Database!, Path.GetFullPath(options.DataDirectory));
        }

        // Startup, before any request: waiting here blocks no request thread.
        CalendarStore.EnsureSeededAsync(db, seed, services.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult();
        services.GetRequiredService<CalendarInForce>().RefreshIfDueAsync(() => db).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Before each request (not static files): the calendar's version check, asynchronously, when it is due. An
    /// unreachable database keeps the calendar last read: the request itself answers for the database (/healthz 503).
    /// </summary>
    public static void UseCalendarInForce(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await context.RequestServices.GetRequiredService<CalendarInForce>()
                    .RefreshIfDueAsync(context.RequestServices.GetRequiredService<GongkaiDbContext>, context.RequestAborted);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or InvalidOperationException or TimeoutException)
            {
                context.RequestServices.GetRequiredService<ILogger<CalendarInForce>>().LogWarning(ex, "工作日历版本检查失败，沿用上次读取的日历");
            }

            await next(context);
        });

    /// <summary><c>/healthz</c>: 200 when the database answers, 503 otherwise (for the reverse proxy's health check).</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", async (GongkaiDbContext db, CancellationToken cancellationToken) =>
        {
            bool reachable;
            try
            {
                reachable = await db.Database.CanConnectAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                reachable = false;
            }

            return reachable ? Results.Text("ok") : Results.Text("数据库不可达", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>A directory only the app's own user can read (the key ring is stored unencrypted on Linux).</summary>
    private static DirectoryInfo PrivateDirectory(string path) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(path)
        : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
