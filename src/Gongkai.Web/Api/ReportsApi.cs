using System.Text.Json;
using Gongkai.Persistence;
using Gongkai.Reporting;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>/api/reports: list, get (generated from the records), validate any report file.</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("年度报告");

        group.MapGet("/", (GongkaiDbContext db) =>
        {
            var years = db.Applications.AsNoTracking().GroupBy(a => a.AgencyCode)
                .Select(g => new { Agency = g.Key, First = g.Min(a => a.FirstReceivedOn), Last = g.Max(a => a.FirstReceivedOn) })
                .ToList();
            return Results.Ok(db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToList().Select(a =>
            {
                var span = years.FirstOrDefault(y => y.Agency == a.Code);
                return new
                {
                    agency = a.Code,
                    name = a.Name,
                    years = span is null ? [] : Enumerable.Range(span.First.Year, span.Last.Year - span.First.Year + 1).ToArray(),
                };
            }));
        }).WithSummary("机关及其可生成年度报告的年份");

        group.MapGet("/{agency}/{year:int}", (string agency, int year, GongkaiDbContext db) =>
        {
            var report = new GenerateAnnualReport(db).Run(agency, year);
            return report is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到机关", detail: $"没有代码为“{agency}”的机关。")
                : Results.Text(CanonicalJsonWriter.Write(report), "application/json; charset=utf-8");
        }).WithSummary("根据办件记录生成的年度报告（规范 JSON）");

        group.MapPost("/validate", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            if (buffer.Length > ReportFileReader.MaxFileBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大");
            }

            var check = ReportCheck.Of(ReportFileReader.Read(buffer.ToArray()), new ReportValidator());
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
        .WithSummary("检查年度报告（规范 JSON，或已发布的文本、HTML、Word、PDF 报告）：导入并运行全部校验规则");
    }
}
