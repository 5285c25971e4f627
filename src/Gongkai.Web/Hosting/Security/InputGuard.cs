using System.Text.Json;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// Applies <see cref="InputText"/> to every input before any page or API sees it: query values, form fields
/// (urlencoded and multipart, not file contents) and every string of a JSON body (names included). A refused request
/// answers 400 naming the field: problem details on /api, the Chinese error page for a browser.
/// </summary>
public sealed partial class InputGuard(RequestDelegate next)
{
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

        var refusal = Check(context.Request.Query) ?? await CheckBody(context.Request, context.RequestAborted);
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

    private static async Task<(string Field, string Message)?> CheckBody(HttpRequest request, CancellationToken cancel)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        // Forms are the pages' input; an /api endpoint takes JSON or, like /api/reports/validate, a file as the raw
        // body, which must not be parsed as a form whatever Content-Type the client claims (curl says urlencoded).
        if (request.HasFormContentType && !request.Path.StartsWithSegments("/api"))
        {
            try
            {
                return Check(await request.ReadFormAsync(cancel));
            }
            catch (InvalidDataException)
            {
                return null; // The framework answers an unreadable form itself.
            }
        }

        if (request.HasJsonContentType())
        {
            request.EnableBuffering();
            try
            {
                return await CheckJson(request.Body, cancel);
            }
            finally
            {
                request.Body.Position = 0;
            }
        }

        return null;
    }

    private static async Task<(string Field, string Message)?> CheckJson(Stream body, CancellationToken cancel)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancel);
        }
        catch (JsonException)
        {
            return null; // Not JSON: the endpoint's own binding answers 400.
        }

        using (document)
        {
            return Walk(document.RootElement, "$");
        }
    }

    private static (string Field, string Message)? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                string? text;
                try
                {
                    text = element.GetString();
                }
                catch (InvalidOperationException)
                {
                    return (path, InputText.Message(path, "不成对的代理项")); // An escaped lone surrogate (\uD800).
                }

                // The reader turns an escaped lone surrogate (\uD800) into U+FFFD: look at the escapes themselves.
                if (LoneSurrogateEscape().IsMatch(element.GetRawText()))
                {
                    return (path, InputText.Message(path, "不成对的代理项"));
                }

                return text is not null && InputText.Problem(text) is { } problem ? (path, InputText.Message(path, problem)) : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var field = path == "$" ? property.Name : path + "." + property.Name;
                    if (InputText.Problem(property.Name) is { } nameProblem)
                    {
                        return (field, InputText.Message(field, nameProblem));
                    }

                    if (Walk(property.Value, field) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A high-surrogate escape not followed by a low one, or a low one not preceded by a high one.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogateEscape();
}
