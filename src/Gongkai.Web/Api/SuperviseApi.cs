using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;

namespace Gongkai.Web.Api;

/// <summary>/api/supervise/{code}/{year}: the supervisor's overview as JSON (the shape of <c>gongkai supervise --json</c>).</summary>
public static class SuperviseApi
{
    public static void MapSuperviseApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/supervise/{code}/{year:int}", (string code, int year, string? level, string? kind, HttpContext http, GongkaiOptions options, TimeProvider time) =>
        {
            using var db = SupervisionAccess.Open(options);
            if (!SupervisionAccess.MayRead(db, http.User, code))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权查看", detail: $"监督人员只能查看本机关及其下属机关；“{code}”不在其中。");
            }

            var overview = SupervisionAccess.Build(db, time, code, year, level, kind)!;
            return Results.Text(SupervisionJson.Write(overview), "application/json; charset=utf-8");
        })
        .RequireAuthorization(policy => policy.RequireRole(SupervisionAccess.Role))
        .WithTags("监督")
        .WithSummary("监督总览：下属机关某年度年报的状态、是否逾期、错误、警告、得分，及汇总（规范 JSON）");
    }
}
