using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Attachments;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api;

/// <summary>/api/applications: submit an application; look up its status with the access code.</summary>
public static class ApplicationsApi
{
    /// <summary>The request header carrying the access code of a status lookup.</summary>
    public const string AccessCodeHeader = "X-Access-Code";

    public static void MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("依申请公开");

        group.MapPost("/", async (ApplicationForm form, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options, CancellationToken cancellationToken) =>
        {
            var (receipt, errors) = await new SubmitApplication(db, calendar, time, options.AccessCodeSecret)
                .RunAsync(form, "公众（网上申请）", idempotencyKey: idempotencyKey, cancellationToken: cancellationToken);
            return receipt is not null
                ? Results.Created($"/api/applications/{receipt.TrackingNumber}/status", receipt)
                : errors.ContainsKey(SubmitApplication.KeyReused)
                    ? Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "幂等键已被使用", detail: errors[SubmitApplication.KeyReused][0])
                    : Results.ValidationProblem(ApiErrors.CamelCase(errors), title: "申请内容不完整", detail: "请按提示补全后重新提交。");
        })
        .RequireRateLimiting(GongkaiHost.ApplyPolicy)
        .DisableAntiforgery()
        .WithSummary("提交政府信息公开申请；返回受理编号和查询码（查询码只显示这一次）");

        // The access code belongs in the X-Access-Code header: a URL ends up in proxy and server logs and in the
        // browser history. ?code= still works for existing clients and is never logged (see SecurityHosting).
        group.MapGet("/{trackingNumber}/status", async (string trackingNumber, string? code, [Microsoft.AspNetCore.Mvc.FromHeader(Name = AccessCodeHeader)] string? header,
            GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options, AttachmentStore attachments, HttpContext http) =>
        {
            var accessCode = string.IsNullOrWhiteSpace(header) ? code : header;
            var found = string.IsNullOrWhiteSpace(accessCode)
                ? null
                : await new LookUpStatus(db, calendar, time, options.AccessCodeSecret).FindAsync(trackingNumber, accessCode.Trim(), http.RequestAborted);
            if (found is not { } match)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到申请", detail: "受理编号或查询码不正确。");
            }

            var files = await attachments.ListForApplicantAsync(match.Case, http.RequestAborted);
            return Results.Ok(files.Count == 0 ? match.Status : match.Status with { Attachments = files.Select(AttachmentInfo.Of).ToList() });
        })
        .RequireRateLimiting(GongkaiHost.StatusPolicy)
        .WithSummary("按受理编号和查询码查询办理状态、答复期限及其计算说明；查询码放在 X-Access-Code 请求头中（?code= 仍可用，不推荐）");
    }
}
