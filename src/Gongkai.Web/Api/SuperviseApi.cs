using Gongkai.Reporting.Aggregation;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/supervise/{code}/{year}: the supervisor's overview as JSON (the shape of <c>gongkai supervise --json</c>);
/// /api/supervise/{code}/{year}/contributions[?cell=…]: which agencies make up each figure of its roll-up.
/// </summary>
public static class SuperviseApi
{
    public static void MapSuperviseApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/supervise/{code}/{year:int}", async (string code, int year, string? level, string? kind, HttpContext http, GongkaiOptions options, TimeProvider time) =>
        {
            await using var db = SupervisionAccess.Open(options);
            if (!await SupervisionAccess.MayReadAsync(db, http.User, code, http.RequestAborted))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权查看", detail: $"监督人员只能查看本机关及其下属机关；“{code}”不在其中。");
            }

            if (YearProblem(year, time) is { } badYear)
            {
                return badYear;
            }

            var overview = (await SupervisionAccess.BuildAsync(db, time, code, year, level, kind, http.RequestAborted))!;
            return Results.Text(SupervisionJson.Write(overview), "application/json; charset=utf-8");
        })
        .RequireAuthorization(policy => policy.RequireRole(SupervisionAccess.Role))
        .WithTags("监督")
        .WithSummary("监督总览：下属机关某年度年报的状态、是否逾期、错误、警告、得分，及汇总（规范 JSON）");

        // Traceability of the roll-up, apart from the overview so its contracted shape stays exactly as stated.
        app.MapGet("/api/supervise/{code}/{year:int}/contributions", async (string code, int year, string? cell, string? level, string? kind, HttpContext http, GongkaiOptions options, TimeProvider time) =>
        {
            await using var db = SupervisionAccess.Open(options);
            if (!await SupervisionAccess.MayReadAsync(db, http.User, code, http.RequestAborted))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权查看", detail: $"监督人员只能查看本机关及其下属机关；“{code}”不在其中。");
            }

            if (YearProblem(year, time) is { } badYear)
            {
                return badYear;
            }

            CellAddress? one = null;
            if (cell is not null)
            {
                if (!CellAddress.TryParse(cell, out var parsed) || !parsed.InEitherLayout)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "单元格无效", detail: $"“{cell}”不是汇总表的单元格，应形如 三/apps.new_received/total、四/review.upheld 或 二/…。");
                }

                one = parsed;
            }

            var overview = (await SupervisionAccess.BuildAsync(db, time, code, year, level, kind, http.RequestAborted))!;
            return Results.Text(ContributionsJson.Write(overview, one), "application/json; charset=utf-8");
        })
        .RequireAuthorization(policy => policy.RequireRole(SupervisionAccess.Role))
        .WithTags("监督")
        .WithSummary("汇总数字的来源：某一单元格（cell）或全部单元格由哪些机关、各报多少构成");
    }

    /// <summary>A 400 for a year the pages do not offer (before 2019, or not yet ended; -1 and 9999 answered 500).</summary>
    private static IResult? YearProblem(int year, TimeProvider time) =>
        ReportYears.Problem(year, time) is { } problem ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "年度无效", detail: problem) : null;
}
