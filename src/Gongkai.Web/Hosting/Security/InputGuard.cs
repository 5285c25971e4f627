using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// Applies <see cref="InputText"/> to every input before any page or API sees it: query values, form fields
/// (urlencoded and multipart, not file contents) and every string of a JSON body (names included). A refused request
/// answers 400 naming the field: problem details on /api, the Chinese error page for a browser.
/// It runs after routing, sign-in, authorisation and the rate limits: a body is read only for an endpoint that exists
/// and admits the caller, under the endpoint's own size limit (<see cref="IRequestSizeLimitMetadata"/>), a JSON body
/// up to <see cref="MaxJsonBytes"/> and read as a stream; an endpoint that reads its raw body itself
/// (<see cref="RawBodyAttribute"/>) is not read here.
/// </summary>
public sealed partial class InputGuard(RequestDelegate next)
{
    /// <summary>A JSON body the guard reads at most (the APIs' JSON is a form of a few KB); more answers 413.</summary>
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>HttpContext.Items key of the refusal message the error page shows.</summary>
    public const string ErrorItem = "gongkai.input-error";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Items.ContainsKey(ErrorItem))
        {
            // The error page re-executed for this very refusal.
            await next(context);
            return;
        }

        (string Field, string Message)? refusal;
        try
        {
            refusal = Check(context.Request.Query) ?? await CheckBody(context, context.RequestAborted);
        }
        catch (FormLimitException limit) when (!context.Response.HasStarted)
        {
            // A form past the page's own form limits: how many entries, or how many bytes of files, and what the page allows.
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求过大", detail: limit.Message).ExecuteAsync(context);
                return;
            }

            context.Items[ErrorItem] = limit.Message;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            // A body over the endpoint's limit (413) or cut short (400): said as the rest of the platform says it.
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: bad.StatusCode, title: bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求过大" : "请求有误",
                    detail: bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求正文超过了允许的大小。" : "请求正文无法读取。").ExecuteAsync(context);
                return;
            }

            context.Items[ErrorItem] = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "提交的内容超过了这个页面允许的大小，未保存。" : "提交的内容无法读取，未保存。";
            context.Response.StatusCode = bad.StatusCode;
            return;
        }

        if (refusal is null)
        {
            await next(context);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求含有不允许的字符", detail: refusal.Value.Message,
                extensions: new Dictionary<string, object?> { ["field"] = refusal.Value.Field }).ExecuteAsync(context);
            return;
        }

        // The error page (status code pages re-execute /error/400) shows the message.
        context.Items[ErrorItem] = refusal.Value.Message;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static (string Field, string Message)? Check(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        foreach (var (key, strings) in values)
        {
            if (InputText.Problem(key) is { } keyProblem)
            {
                return (key, InputText.Message("字段名", keyProblem));
            }

            foreach (var value in strings)
            {
                if (value is not null && InputText.Problem(value) is { } problem)
                {
                    return (key, InputText.Message(key, problem));
                }
            }
        }

        return null;
    }

    /// <summary>The framework's form defaults with the endpoint's <see cref="IFormOptionsMetadata"/> (what [RequestFormLimits] declares) over them.</summary>
    private static FormOptions FormOptionsOf(Endpoint endpoint)
    {
        var options = new FormOptions();
        if (endpoint.Metadata.GetOrderedMetadata<IFormOptionsMetadata>() is { Count: > 0 } declared)
        {
            foreach (var metadata in declared)
            {
                options.BufferBody = metadata.BufferBody ?? options.BufferBody;
                options.MemoryBufferThreshold = metadata.MemoryBufferThreshold ?? options.MemoryBufferThreshold;
                options.BufferBodyLengthLimit = metadata.BufferBodyLengthLimit ?? options.BufferBodyLengthLimit;
                options.ValueCountLimit = metadata.ValueCountLimit ?? options.ValueCountLimit;
                options.KeyLengthLimit = metadata.KeyLengthLimit ?? options.KeyLengthLimit;
                options.ValueLengthLimit = metadata.ValueLengthLimit ?? options.ValueLengthLimit;
                options.MultipartBoundaryLengthLimit = metadata.MultipartBoundaryLengthLimit ?? options.MultipartBoundaryLengthLimit;
                options.MultipartHeadersCountLimit = metadata.MultipartHeadersCountLimit ?? options.MultipartHeadersCountLimit;
                options.MultipartHeadersLengthLimit = metadata.MultipartHeadersLengthLimit ?? options.MultipartHeadersLengthLimit;
                options.MultipartBodyLengthLimit = metadata.MultipartBodyLengthLimit ?? options.MultipartBodyLengthLimit;
            }
        }

        return options;
    }

    /// <summary>A form past one of the page's form limits, said in Chinese.</summary>
    private sealed class FormLimitException(string message, Exception inner) : Exception(message, inner);

    private static async Task<(string Field, string Message)?> CheckBody(HttpContext context, CancellationToken cancel)
    {
        var request = context.Request;
        // No endpoint (an unknown address answers 404), or the error page re-executed for an error (a POST stays a
        // POST there): nothing to protect, and reading a body here first let anyone make the server hold 30 MB before it answered 404.
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.GetEndpoint() is not { } endpoint
            || context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || endpoint.Metadata.GetMetadata<RawBodyAttribute>() is not null)
        {
            return null;
        }

        // The endpoint's own size limit ([RequestSizeLimit] on a page) holds for the guard's read too: read before the
        // endpoint ran, the form was bound under Kestrel's 30 MB default whatever the page declared.
        var declared = endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (declared is { } limit && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        // Forms are the pages' input; an /api endpoint takes JSON or, like /api/reports/validate, a file as the raw
        // body, which must not be parsed as a form whatever Content-Type the client claims (curl says urlencoded).
        if (request.HasFormContentType && !request.Path.StartsWithSegments("/api"))
        {
            // The page's own form limits ([RequestFormLimits]) hold for this read, as its size limit does: read here first,
            // the form was bound under the framework's defaults (1,024 entries, 128 MB of files), so a folder of 1,100
            // reports could not be collected whatever the page declared.
            var options = FormOptionsOf(endpoint);
            if (context.Features.Get<IFormFeature>() is not { Form: not null })
            {
                context.Features.Set<IFormFeature>(new FormFeature(request, options));
            }

            try
            {
                return Check(await request.ReadFormAsync(cancel));
            }
            catch (InvalidDataException ex) when (ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormLimitException($"一次提交的字段和文件超过 {options.ValueCountLimit:N0} 个，未保存。请分几次提交。", ex);
            }
            catch (InvalidDataException ex) when (ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormLimitException($"一次上传的文件合计超过 {options.MultipartBodyLengthLimit / (1024 * 1024):N0} MB，未保存。请分几次上传。", ex);
            }
            catch (InvalidDataException)
            {
                return null; // The framework answers an unreadable form itself.
            }
        }

        if (request.HasJsonContentType())
        {
            var max = Math.Min(declared ?? MaxJsonBytes, MaxJsonBytes);
            if (await ReadCapped(request, max, cancel) is not { } body)
            {
                throw new BadHttpRequestException($"JSON 正文超过 {max / 1024} KB。", StatusCodes.Status413PayloadTooLarge);
            }

            request.Body = new MemoryStream(body, writable: false);
            return CheckJson(body);
        }

        return null;
    }

    /// <summary>The body whole when it is at most <paramref name="max"/> bytes, else null (read no further than that).</summary>
    private static async Task<byte[]?> ReadCapped(HttpRequest request, long max, CancellationToken cancel)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Every string and property name of a JSON body, read as a stream (no document is built: a 28 MB array of zeros
    /// made a tree of 300 MB per request).
    /// </summary>
    private static (string Field, string Message)? CheckJson(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        // The path of the value being read: property names and array indexes, as the refusal names the field.
        var path = new List<(string? Name, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add((null, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        Advance(path);
                        break;
                    case JsonTokenType.PropertyName:
                        path[^1] = (reader.GetString(), -1);
                        if (Problem(ref reader, Field(path)) is { } name)
                        {
                            return name;
                        }

                        break;
                    case JsonTokenType.String:
                        if (Problem(ref reader, Field(path)) is { } value)
                        {
                            return value;
                        }

                        Advance(path);
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null; // Not JSON: the endpoint's own binding answers 400.
        }

        return null;
    }

    /// <summary>After a value inside an array, the next one has the next index.</summary>
    private static void Advance(List<(string? Name, int Index)> path)
    {
        if (path.Count > 0 && path[^1] is { Name: null, Index: >= 0 } item)
        {
            path[^1] = (null, item.Index + 1);
        }
    }

    /// <summary>The field as the refusal names it: <c>name</c>, <c>items[2].text</c>, <c>$</c> for the top level.</summary>
    private static string Field(List<(string? Name, int Index)> path)
    {
        var field = new System.Text.StringBuilder("$");
        foreach (var (name, index) in path)
        {
            if (name is not null)
            {
                field.Append('.').Append(name);
            }
            else if (index >= 0)
            {
                field.Append('[').Append(index).Append(']');
            }
        }

        var text = field.ToString();
        return text.StartsWith("$.", StringComparison.Ordinal) ? text[2..] : text;
    }

    private static (string Field, string Message)? Problem(ref Utf8JsonReader reader, string field)
    {
        string? text;
        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return (field, InputText.Message(field, "不成对的代理项")); // An escaped lone surrogate (\uD800).
        }

        // The reader turns an escaped lone surrogate (\uD800) into U+FFFD: look at the escapes themselves.
        if (reader.ValueIsEscaped && LoneSurrogateEscape().IsMatch(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)))
        {
            return (field, InputText.Message(field, "不成对的代理项"));
        }

        return text is not null && InputText.Problem(text) is { } problem ? (field, InputText.Message(field, problem)) : null;
    }

    /// <summary>A high-surrogate escape not followed by a low one, or a low one not preceded by a high one.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogateEscape();
}

/// <summary>An endpoint that reads its request body itself, raw (a report file to validate): the input guard leaves it unread.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RawBodyAttribute : Attribute;
