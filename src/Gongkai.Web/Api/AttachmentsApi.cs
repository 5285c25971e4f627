using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/applications/{number}/attachments: the applicant adds a file (identity proof, 补正 material) and downloads
/// the case's files, with the access code in the <c>X-Access-Code</c> header. Uploads are read part by part from
/// the request body straight to disk (no form buffering).
/// </summary>
public static class AttachmentsApi
{
    public const string AccessCodeHeader = "X-Access-Code";

    /// <summary>Registers the attachment store under DataDirectory/attachments with the <c>Gongkai:Attachments</c> settings.</summary>
    public static void AddAttachments(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Gongkai:Attachments").Get<AttachmentSettings>() ?? new AttachmentSettings();
        if (string.IsNullOrEmpty(settings.Directory))
        {
            var data = builder.Configuration["Gongkai:DataDirectory"] ?? "data";
            settings.Directory = Path.Combine(Path.GetFullPath(data), "attachments");
        }

        Directory.CreateDirectory(settings.Directory);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<AttachmentStore>();
        builder.Services.AddHostedService<AttachmentRetention>();
    }

    private const int UploadBufferBytes = 64 * 1024;

    public static void MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications/{trackingNumber}/attachments").WithTags("依申请公开");

        group.MapPost("/", async (string trackingNumber, HttpContext http, GongkaiDbContext db, GongkaiOptions options, AttachmentStore store, AttachmentSettings settings, AuditLog audit, CancellationToken cancellationToken) =>
        {
            var found = await new ApplicantAccess(db, options.AccessCodeSecret).FindAsync(trackingNumber, http.Request.Headers[AccessCodeHeader], cancellationToken);
            if (found is null)
            {
                return NotFound();
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = settings.MaxFileBytes + (1024 * 1024);
            }

            // The audit entry is committed with the attachment's row: one transaction, and never a file without its entry.
            var result = await ReadFileAsync(http.Request, (stream, name) =>
                store.AddAsync(found.Id, stream, name, AttachmentPurpose.Application, AttachmentStore.ApplicantActor, byApplicant: true, cancellationToken,
                    added => audit.Entry(AttachmentStore.ApplicantActor, found.AgencyCode, "attachment.add", trackingNumber, $"申请人上传：{added.FileName}（{added.Size} 字节，SHA-256 {added.Sha256}）")));

            return result switch
            {
                null => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求有误", detail: "请以 multipart/form-data 提交，文件字段名为 file。"),
                { Status: AttachmentStore.AddStatus.Stored } => Results.Created(
                    $"/api/applications/{trackingNumber}/attachments/{result.Attachment!.Id}", AttachmentInfo.Of(result.Attachment)),
                { Status: AttachmentStore.AddStatus.TooLarge } => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大", detail: result.Message),
                _ => Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的文件类型", detail: result.Message),
            };
        })
        .RequireRateLimiting(GongkaiHost.ApplyPolicy)
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data")
        .WithSummary("申请人上传附件（身份证明、补正材料）：multipart 字段 file，查询码放在 X-Access-Code 请求头");

        group.MapGet("/{attachmentId:guid}", async (string trackingNumber, Guid attachmentId, HttpContext http, GongkaiDbContext db, GongkaiOptions options, AttachmentStore store, CancellationToken cancellationToken) =>
        {
            var found = await new ApplicantAccess(db, options.AccessCodeSecret).FindAsync(trackingNumber, http.Request.Headers[AccessCodeHeader], cancellationToken);
            return found is not null && await store.OpenForApplicantAsync(found, attachmentId, cancellationToken) is { } file
                ? Download(file.Row, file.Path)
                : NotFound();
        })
        .RequireRateLimiting(GongkaiHost.StatusPolicy)
        .WithSummary("申请人下载本申请的附件（查询码放在 X-Access-Code 请求头）");
    }

    /// <summary>A stored file as a download: never rendered inline (Content-Disposition: attachment; nosniff is global).</summary>
    public static IResult Download(AttachmentRow row, string path) =>
        Results.File(path, row.MediaType, row.FileName, enableRangeProcessing: false);

    /// <summary>
    /// Reads the first multipart section named <c>file</c> and hands its body stream to <paramref name="store"/>:
    /// the bytes go from the socket to the store's temporary file, never into a buffer of the whole file.
    /// Null when the request is not multipart or has no such part.
    /// </summary>
    public static async Task<AttachmentStore.AddResult?> ReadFileAsync(HttpRequest request, Func<Stream, string, Task<AttachmentStore.AddResult>> store)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ||
            !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        // A 64 KB read buffer (the reader's default is 4 KB): a 5 MB file then takes ~80 boundary scans, hash updates and
        // file writes instead of ~1,300, which halves the server's CPU time per upload (bench/upload.sh). Still one
        // buffer per request, whatever the file's size.
        var reader = new MultipartReader(boundary, request.Body, UploadBufferBytes);
        while (await ClientBody.Read(() => reader.ReadNextSectionAsync()) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) &&
                disposition.IsFileDisposition() && disposition.Name.Value?.Trim('"') == "file")
            {
                var name = disposition.FileNameStar.Value ?? disposition.FileName.Value?.Trim('"') ?? "附件";
                return await store(new ClientBody(section.Body), name);
            }
        }

        return null;
    }

    /// <summary>
    /// A part's body as the store reads it (and the reader's next section): a body cut short or a part header over the reader's line limit
    /// is the client's error, a 400 (BadHttpRequestException), not a 500 — while an error writing the store's file stays
    /// what it is.
    /// </summary>
    private sealed class ClientBody(Stream inner) : Stream
    {
        public static async Task<T> Read<T>(Func<Task<T>> read)
        {
            try
            {
                return await read();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException && ex is not BadHttpRequestException)
            {
                throw Unreadable(ex);
            }
        }

        private static BadHttpRequestException Unreadable(Exception ex) => new("上传的正文不完整或格式有误（multipart/form-data），无法读取。", StatusCodes.Status400BadRequest, ex);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException ex) when (ex is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw Unreadable(ex);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static IResult NotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到申请", detail: "受理编号或查询码不正确。");
}
