using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Demo;
using Gongkai.Web.Api;
using Gongkai.Web.Hosting.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web.Hosting;

/// <summary>Service registration and the request pipeline; Program.cs stays a few lines.</summary>
public static class GongkaiHost
{
    public const string ApplyPolicy = "apply";
    public const string StatusPolicy = "status";

    /// <summary>
    /// Who reads an agency's audit log: its head and administrator, and a supervisor (监督人员) for the agency it views
    /// — its own or one beneath it (<see cref="SupervisorView"/>; 条例第四十七条, oversight of the agencies below).
    /// </summary>
    public const string AuditReader = "AuditReader";

    /// <summary>CSP of a standalone report page (preview, HTML download): no scripts, only its own inline print style.</summary>
    public const string StandaloneReportCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    public static void AddGongkai(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gongkai").Get<GongkaiOptions>() ?? new GongkaiOptions();
        // Production (a plain start) seeds nothing unless Gongkai:SeedDemo=true; Development (dotnet run) seeds the demo city.
        options.SeedDemo ??= builder.Environment.IsDevelopment();
        var data = Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            options.Database = Path.Combine(data.FullName, "gongkai.db");
        }

        // The key ring, the access-code secret (made after migrating, in PrepareInstallationState) and the calendar.
        builder.AddInstallationState(options, data.FullName);
        DataFilePermissions.Apply(data.FullName, options.Database);
        builder.AddGongkaiSecurity();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGongkaiDatabase(options.Database);
        builder.AddAgencyPortal();
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
        CaseworkSettings.AddCasework(builder);
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
            .AddPolicy("OfficeHead", policy => policy.RequireRole("head", "admin"))
            .AddPolicy(AuditReader, policy => policy.RequireRole("head", "admin", SupervisionAccess.Role))
            .AddPolicy("AgencyAdmin", policy => policy.RequireRole("admin", "installation-admin"))
            .AddPolicy("InstallationAdmin", policy => policy.RequireRole("installation-admin"));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Staff", "Staff");
            pages.Conventions.AllowAnonymousToPage("/Staff/Login");
        });

        // Chinese text is written as text, not as &#x…; entities (still HTML-escaped for <, >, &, quotes).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddGongkaiRateLimits(options);
    }

    public static void UseGongkai(this WebApplication app)
    {
        DatabaseStartup.Guard(app.Services.GetRequiredService<GongkaiOptions>().Database, () => Prepare(app));
        app.CloseSqliteOnStop();
        app.UseGongkaiSecurity();
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
        app.UseCalendarInForce();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After routing, sign-in and the rate limits: a body is read only for an address that exists and admits the
        // caller, under that endpoint's size limit.
        app.UseGongkaiInputGuard();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/v1.json");
        app.MapHealth();
        app.MapApplicationsApi();
        app.MapAttachmentsApi();
        app.MapReportsApi();
        app.MapSuperviseApi();
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

    /// <summary>Migrates the database; seeds the demo city into an empty one when asked (see <see cref="FirstStart"/>).</summary>
    private static void Prepare(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Database.Migrate(db);
        var options = app.Services.GetRequiredService<GongkaiOptions>();
        // The compiled-in calendar (or the file Gongkai:Calendar names) seeds the database's on the first start.
        var seed = Gongkai.UseCases.Calendar.CalendarFile.Load(options.Calendar, out var problem) ?? throw new InvalidOperationException(problem);
        app.Services.PrepareInstallationState(db, options, seed);
        FirstStart.Run(app, db, seed);
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
}
