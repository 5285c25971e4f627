using System.Text.Json;
using Gongkai.Persistence;
using Gongkai.Reporting;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>/api/reports: the published reports (list, get, versions), the staff draft, and validation of any report file.</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("年度报告");

        group.MapGet("/", async (GongkaiDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Ok((await new ReportWorkspace(db, time).CurrentVersionsAsync(cancellationToken)).Select(v => new
            {
                agency = v.AgencyCode,
                name = v.AgencyName,
                year = v.Year,
                version = v.Number,
                publishedAt = v.PublishedAt,
                url = $"/api/reports/{v.AgencyCode}/{v.Year}",
            })))
            .WithSummary("已发布的年度报告（每个机关每年的当前版本）");

        group.MapGet("/{agency}/{year:int}", async (string agency, int year, int? version, GongkaiDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var json = await new ReportWorkspace(db, time).VersionJsonAsync(agency, year, version, cancellationToken);
            return json is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到年度报告",
                    detail: version is null ? $"机关“{agency}”尚未发布 {year} 年度报告。" : $"机关“{agency}”{year} 年度报告没有第 {version} 版。")
                : Results.Text(json, "application/json; charset=utf-8");
        }).WithSummary("已发布的年度报告（规范 JSON）：当前版本，或用 ?version=n 取指定版本");

        group.MapGet("/{agency}/{year:int}/versions", async (string agency, int year, GongkaiDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var versions = await new ReportWorkspace(db, time).VersionsAsync(agency, year, cancellationToken);
            return versions.Count == 0
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到年度报告", detail: $"机关“{agency}”尚未发布 {year} 年度报告。")
                : Results.Ok(versions.Select(v => new { version = v.Number, publishedAt = v.PublishedAt, changeNote = v.ChangeNote }));
        }).WithSummary("年度报告的发布记录（版本、发布时间、更正说明）");

        group.MapGet("/{agency}/{year:int}/draft", async (string agency, int year, GongkaiDbContext db, TimeProvider time, HttpContext http, Gongkai.UseCases.Registry.RegistryOptions registry) =>
        {
            if (http.User.FindFirst("agency")?.Value != agency)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问", detail: "只能查看本机关的年度报告草稿。");
            }

            var workspace = await new ReportWorkspace(db, time, registry.Counting).OpenAsync(agency, year, http.RequestAborted);
            return workspace is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到机关", detail: $"没有代码为“{agency}”的机关。")
                : Results.Text(CanonicalJsonWriter.Write(workspace.Report, workspace.Diagnostics), "application/json; charset=utf-8");
        })
        .RequireAuthorization("Staff")
        .WithSummary("工作人员：根据办件记录生成的年度报告草稿及校验结果（规范 JSON）");

        group.MapPost("/validate", async (HttpRequest request, Gongkai.Web.Hosting.Security.SecurityOptions security) =>
        {
            // Anonymous: the body is read up to the limit and no further (never buffered whole first), and the
            // importer refuses a .docx that would unpack to more than it allows (zip bombs: DocxShape).
            var limit = Math.Min(security.ValidateMaxBytes, ReportFileReader.MaxFileBytes);
            if (request.ContentLength > limit)
            {
                return TooLarge(limit);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }

            var bytes = buffer.ToArray();
            var check = await Task.Run(() => ReportCheck.Of(ReportFileReader.Read(bytes), new ReportValidator()), request.HttpContext.RequestAborted);
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteBoolean("readable", check.Readable);
                w.WriteNumber("errors", check.Errors);
                w.WriteNumber("warnings", check.Warnings);
                DiagnosticJson.WriteArray(w, "diagnostics", check.Diagnostics);
                if (check.Report is { } report)
                {
                    w.WritePropertyName("report");
                    CanonicalJsonWriter.WriteReport(w, report);
                }

                w.WriteEndObject();
            }

            return Results.Text(System.Text.Encoding.UTF8.GetString(stream.ToArray()), "application/json; charset=utf-8",
                statusCode: check.Readable ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        })
        .DisableAntiforgery()
        .WithMetadata(new Gongkai.Web.Hosting.Security.RawBodyAttribute())
        .RequireRateLimiting(Gongkai.Web.Hosting.Security.RateLimits.ValidatePolicy)
        .WithSummary("检查年度报告（规范 JSON，或已发布的文本、HTML、Word、PDF 报告）：导入并运行全部校验规则");
    }

    private static IResult TooLarge(long limit) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大",
        detail: $"检查的文件不能超过 {limit / (1024 * 1024)} MB。");

    /// <summary>Downloads of a published version: /reports/{agency}/{year}/v{n}.html|.docx|.json.</summary>
    public static void MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{agency}/{year:int}/v{number:int}.{ext}", async (string agency, int year, int number, string ext, GongkaiDbContext db, TimeProvider time, HttpContext http) =>
        {
            var json = await new ReportWorkspace(db, time).VersionJsonAsync(agency, year, number, http.RequestAborted);
            if (json is null || CanonicalJsonReader.Read(json).Report is not { } report)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到年度报告");
            }

            var name = $"{report.Agency}{year}年政府信息公开工作年度报告（第{number}版）";
            switch (ext)
            {
                case "json":
                    return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", name + ".json");
                case "html":
                    http.Response.Headers.ContentSecurityPolicy = GongkaiHost.StandaloneReportCsp;
                    return Results.File(System.Text.Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Html)), "text/html; charset=utf-8", name + ".html");
                case "docx":
                    using (var buffer = new MemoryStream())
                    {
                        ReportRenderer.Render(report, RenderFormat.Docx, buffer);
                        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
                    }

                default:
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "不支持的格式", detail: "可下载 .html、.docx、.json。");
            }
        }).WithTags("年度报告").WithSummary("下载已发布的年度报告（HTML、Word、JSON）");
    }
}
