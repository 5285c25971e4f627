using System.Threading.RateLimiting;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Demo;
using Gongkai.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Hosting;

/// <summary>Service registration and the request pipeline; Program.cs stays a few lines.</summary>
public static class GongkaiHost
{
    public const string ApplyPolicy = "apply";
    public const string StatusPolicy = "status";

    /// <summary>CSP of a standalone report page (preview, HTML download): no scripts, only its own inline print style.</summary>
    public const string StandaloneReportCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    public static void AddGongkai(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gongkai").Get<GongkaiOptions>() ?? new GongkaiOptions();
        var data = Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            options.Database = Path.Combine(data.FullName, "gongkai.db");
        }

        if (string.IsNullOrEmpty(options.AccessCodeSecret))
        {
            options.AccessCodeSecret = InstallationSecret.LoadOrCreate(Path.Combine(data.FullName, "access-code.secret"));
        }

        // Cookies and antiforgery tokens survive restarts and redeployments: the key ring lives with the data.
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(PrivateDirectory(Path.Combine(data.FullName, "keys")))
            .SetApplicationName("Gongkai");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        var calendar = Gongkai.UseCases.Calendar.CalendarFile.Load(options.Calendar, out var problem)
            ?? throw new InvalidOperationException(problem);
        builder.Services.AddSingleton(calendar);
        builder.Services.AddScoped(_ => Database.Open(options.Database));
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ctx => DescribeInChinese(ctx.ProblemDetails));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<AuditLog>();
        builder.AddAttachments();
        Mail.OutboxSender.AddMail(builder);
        builder.Services.AddScoped<Gongkai.UseCases.Notifications.Outbox>();
        builder.Services.AddAuthentication(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/staff/login";
                cookie.AccessDeniedPath = "/staff/denied";
                cookie.Cookie.Name = "gongkai.staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                // The API answers 401/403 problem details instead of redirecting to the sign-in page.
                cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized, "请先登录");
                cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden, "无权访问");
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("Staff", policy => policy.RequireRole(StaffAccounts.RoleNames))
            .AddPolicy("OfficeHead", policy => policy.RequireRole("head", "admin"));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Staff", "Staff");
            pages.Conventions.AllowAnonymousToPage("/Staff/Login");
        });

        // Chinese text is written as text, not as &#x…; entities (still HTML-escaped for <, >, &, quotes).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ApplyPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ApplyPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(StatusPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.StatusPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (context, token) =>
                await Results.Problem(statusCode: 429, title: "请求过于频繁", detail: "请稍后再试。").ExecuteAsync(context.HttpContext);
        });
    }

    public static void UseGongkai(this WebApplication app)
    {
        Prepare(app);
        // Errors: the API answers with problem details, a browser gets a Chinese page (status code kept). A body the
        // framework cannot read is the client's error (400/413/415…), also where the framework throws it
        // (development), never a 500.
        static int StatusOf(Exception exception) =>
            exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/v1.json");
        app.MapApplicationsApi();
        app.MapAttachmentsApi();
        app.MapReportsApi();
        app.MapReportDownloads();
        app.MapRazorPages();
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status, string title)
    {
        if (IsApi(context.HttpContext))
        {
            return Results.Problem(statusCode: status, title: title).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Migrates the database and, when it is empty, seeds the demo agency and cases.</summary>
    private static void Prepare(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Database.Migrate(db);
        var options = app.Services.GetRequiredService<GongkaiOptions>();
        if (options.SeedDemo && !db.Agencies.Any())
        {
            foreach (var (user, role, password) in scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureDemoAccounts("DEMO", options.DemoPassword))
            {
                // Printed once, on the first start; only the hash is stored.
                Console.WriteLine($"演示账户：{user}（{role}） 密码：{password}");
            }

            var seeder = new DemoSeeder(db, app.Services.GetRequiredService<WorkingDayCalendar>(), app.Services.GetRequiredService<TimeProvider>());
            var (agencies, cases, reviews) = seeder.Run(agencies: 1, casesPerAgency: 200, years: 2);
            var thisYear = seeder.RunCurrentYear("DEMO", count: 60, officers: ["clerk", "head"]);
            app.Logger.LogInformation("演示数据：{Agencies} 个机关（代码 DEMO），往年 {Cases} 件申请、{Reviews} 件复议/诉讼，今年 {ThisYear} 件（部分在办）。", agencies, cases, reviews, thisYear);
        }
    }

    /// <summary>
    /// The framework's own errors (unknown address, wrong method, unreadable body…) come with English titles and no
    /// detail; API users get the same Chinese wording as the rest of the platform. Titles set by Gongkai stay.
    /// </summary>
    private static void DescribeInChinese(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var (title, detail) = problem.Status switch
        {
            400 => ("请求有误", "请求无法读取：正文不是有效的 JSON，或字段与接口说明（/openapi/v1.json）不符。"),
            401 => ("需要登录", "请先以工作人员身份登录。"),
            403 => ("没有权限", "当前账户无权进行此操作。"),
            404 => ("未找到", "没有这个地址或对象。"),
            405 => ("不支持该请求方法", "此地址不接受该 HTTP 方法。"),
            413 => ("请求过大", "请求正文超过了允许的大小。"),
            415 => ("不支持的内容类型", "请以 application/json 提交。"),
            >= 500 => ("服务器内部错误", "请求没有完成。请稍后重试；问题持续时请联系管理员。"),
            _ => (null, null),
        };
        if (title is null || !IsFrameworkTitle(problem.Title))
        {
            return;
        }

        problem.Title = title;
        problem.Detail ??= detail;
    }

    private static bool IsFrameworkTitle(string? title) =>
        title is null || title.All(c => c < 0x80);

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>A directory only the app's own user can read (the key ring is stored unencrypted on Linux).</summary>
    private static DirectoryInfo PrivateDirectory(string path) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(path)
        : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
