namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// With <see cref="SecurityOptions.RequireHttps"/>: a request that did not arrive over HTTPS gets 403 and a Chinese
/// explanation (problem details on /api), never the site. No redirect: its address would be built from the Host header
/// (issue 11 item 14), and a redirect silently hides a proxy that does not forward X-Forwarded-Proto. /healthz stays
/// reachable over HTTP, since a proxy polls its backends without TLS.
/// </summary>
internal static class RequireHttpsPage
{
    public const string Message = "本站只接受 HTTPS 加密连接。请在浏览器地址栏使用 https:// 开头的地址访问；"
        + "如果本站部署在反向代理之后，请管理员在 Gongkai:TrustedProxies 中列出代理地址，并让代理转发 X-Forwarded-Proto。";

    public static Task Refuse(HttpContext context, RequestDelegate next)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/healthz"))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.Problem(title: "须使用 HTTPS", detail: Message, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>须使用 HTTPS 访问</title></head>"
            + "<body><main><h1>须使用 HTTPS 访问</h1><p>" + Message + "</p></main></body></html>");
    }
}
