using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// Abuse control on what costs or risks something — submitting (apply), looking a code up (status), signing in and
/// checking a report file — never on viewing a page: a GET of /apply or /status is free, the status API (a GET that
/// checks a code) is counted. Counted per client address (<see cref="ClientAddress"/>). A refusal is 429 with
/// Retry-After: problem details for the API, a Chinese page for a browser.
/// </summary>
public static class RateLimits
{
    public const string SignInPolicy = "sign-in";
    public const string ValidatePolicy = "validate";

    public static void AddGongkaiRateLimits(this WebApplicationBuilder builder, GongkaiOptions options)
    {
        var security = builder.Configuration.GetSection("Gongkai").Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(GongkaiHost.ApplyPolicy, context => PerMinute(context, options.ApplyPerMinute));
            limiter.AddPolicy(GongkaiHost.StatusPolicy, context => PerMinute(context, options.StatusPerMinute));
            limiter.AddPolicy(SignInPolicy, context => PerMinute(context, security.SignInPerMinute));
            limiter.AddPolicy(ValidatePolicy, context => PerMinute(context, security.ValidatePerMinute));

            // Inflating a .docx or running pdftotext costs CPU and memory whoever asks: a few at once on the whole server.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/reports/validate")
                    ? RateLimitPartition.GetConcurrencyLimiter("validate", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = security.ValidateConcurrency,
                        QueueLimit = security.ValidateConcurrency * 2,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("free"));
            limiter.OnRejected = (context, _) => Reject(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5));
        });
    }

    /// <summary>Pages and APIs viewed (GET/HEAD outside /api) are never counted; everything else per address and minute.</summary>
    private static RateLimitPartition<string> PerMinute(HttpContext context, int permits) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && !context.Request.Path.StartsWithSegments("/api")
            ? RateLimitPartition.GetNoLimiter("view")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Key(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) });

    /// <summary>429 with Retry-After: a Chinese page for a browser, problem details for the API.</summary>
    public static async ValueTask Reject(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"请 {seconds} 秒后再试。";
        if (context.Request.Path.StartsWithSegments("/api") || !AcceptsHtml(context.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁", detail: detail).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁</title>" +
            "<link rel=\"stylesheet\" href=\"/site.css\"></head><body><main><h1>请求过于频繁</h1>" +
            $"<p role=\"alert\" id=\"error-text\">您提交得太频繁了，为防止滥用已暂时限制。{detail}</p>" +
            "<p><a href=\"/\">返回政府信息公开指南</a></p></main></body></html>");
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase)) || request.HasFormContentType;
}
