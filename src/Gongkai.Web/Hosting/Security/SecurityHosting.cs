using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// The security settings of the host, wired in by one line each from <see cref="GongkaiHost"/>: trusted proxies,
/// HSTS outside Development, Secure cookies on HTTPS (always, and HTTPS only, with RequireHttps), revocable cookies (<see cref="SessionStamp"/>), local-only redirects,
/// no-store on everything behind sign-in, access codes kept out of the log, and the input guard.
/// </summary>
public static class SecurityHosting
{
    public static void AddGongkaiSecurity(this WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection("Gongkai").Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(security);
        builder.Services.AddScoped<StaffSignIn>();

        // The request line (with ?code=… of the status API) is logged by the hosting diagnostics at Information: never
        // at that level, whatever appsettings says. Access codes travel in X-Access-Code or a POST body anyway.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // With both lists empty the middleware would believe any sender: no trusted proxy, no forwarded headers.
            forwarded.ForwardedHeaders = string.IsNullOrWhiteSpace(security.TrustedProxies)
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what the operator lists is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still holds loopback by default and is still consulted.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var entry in security.TrustedProxies.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });

        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        // Always-Secure cookies on a plain-HTTP request make antiforgery throw (every form answered 500): Secure follows
        // the request unless the operator demands HTTPS, and then plain HTTP never reaches a form (RequireHttpsPage).
        var secure = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(a => a.Cookie.SecurePolicy = secure);
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(t => t.Cookie.SecurePolicy = secure);
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.Cookie.SecurePolicy = secure;
            cookie.Events.OnValidatePrincipal = SessionStamp.Validate;

            // The handler builds the sign-in URL as scheme://Host/…: from the Host header. Only its path and query
            // are kept, so "Host: evil.example" cannot turn the redirect into one to another site.
            var toLogin = cookie.Events.OnRedirectToLogin;
            var denied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToLogin = context => toLogin(LocalOnly(context));
            cookie.Events.OnRedirectToAccessDenied = context => denied(LocalOnly(context));
        });
    }

    /// <summary>Trusted forwarded headers and HSTS: first in the pipeline.</summary>
    public static void UseGongkaiSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (app.Services.GetRequiredService<SecurityOptions>().RequireHttps)
        {
            app.Use(RequireHttpsPage.Refuse);
        }

        app.Use((context, next) =>
        {
            // Pages and files behind sign-in (case pages, notices, report previews and drafts) carry personal data or
            // unpublished figures: no browser or proxy cache keeps them.
            context.Response.OnStarting(() =>
            {
                if (context.Request.Path.StartsWithSegments("/staff") || context.User.Identity?.IsAuthenticated == true)
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The input guard: after the error pages (a refused form shows the Chinese 400 page naming the field) and after routing, authorisation and the rate limits.</summary>
    public static void UseGongkaiInputGuard(this WebApplication app) => app.UseMiddleware<InputGuard>();

    private static Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> LocalOnly(
        Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        if (Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute))
        {
            context.RedirectUri = absolute.PathAndQuery;
        }

        return context;
    }
}
