using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Testing;

namespace Gongkai.Web.Tests;

public sealed class ApiTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    /// <summary>A complete application as the API takes it.</summary>
    /// <summary>Files <see cref="ValidForm"/> through the API: the tracking number and the access code it returns.</summary>
    internal static async Task<(string Number, string Code)> Apply(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/applications", ValidForm);
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return (receipt.RootElement.GetProperty("trackingNumber").GetString()!, receipt.RootElement.GetProperty("accessCode").GetString()!);
    }

    internal static readonly object ValidForm = new
    {
        agency = "DEMO",
        category = "NaturalPerson",
        name = "王五",
        idProof = "110101199001011237",
        contact = "13800000000",
        request = "2025年本区道路维修项目清单",
        deliveryForm = "电子文档",
        deliveryChannel = "电子邮件",
        channel = "Online",
    };

    [Fact]
    public async Task Apply_ThenStatus_RightCodeShowsDueDateAndExplanation()
    {
        using var client = factory.CreateClient();

        var created = await client.PostAsJsonAsync("/api/applications", ValidForm);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = receipt.RootElement.GetProperty("trackingNumber").GetString();
        var code = receipt.RootElement.GetProperty("accessCode").GetString();

        var status = await client.GetAsync($"/api/applications/{number}/status?code={code}");
        using var body = JsonDocument.Parse(await status.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("办理中", body.RootElement.GetProperty("state").GetString());
        Assert.Equal(receipt.RootElement.GetProperty("due").GetString(), body.RootElement.GetProperty("due").GetString());
        Assert.Contains(body.RootElement.GetProperty("dueExplanation").EnumerateArray(), l => l.GetString()!.StartsWith("起算：", StringComparison.Ordinal));
        Assert.DoesNotContain("王五", body.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("110101199001011237", body.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WrongCode_RevealsNothingSameAsUnknownNumber()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/applications", ValidForm);
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = receipt.RootElement.GetProperty("trackingNumber").GetString();

        var wrong = await client.GetAsync($"/api/applications/{number}/status?code=AAAAAAAA");
        var unknown = await client.GetAsync("/api/applications/DEMO-00000000-000000/status?code=AAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        using var a = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(a.RootElement.GetProperty("title").GetString(), b.RootElement.GetProperty("title").GetString());
        Assert.Equal(a.RootElement.GetProperty("detail").GetString(), b.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("办理中", a.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/applications", "application/json", "{not json", 400, "请求有误")]
    [InlineData("POST", "/api/applications", "text/plain", "x", 415, "不支持的内容类型")]
    [InlineData("DELETE", "/api/reports", null, null, 405, "不支持该请求方法")]
    [InlineData("GET", "/api/no-such-thing", null, null, 404, "未找到")]
    public async Task FrameworkErrors_AreProblemDetailsInChinese(string method, string url, string? contentType, string? body, int status, string title)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType!);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Apply_MissingFields_ProblemDetailsWithChineseMessages()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/applications", new { agency = "DEMO", category = "Commercial", name = "" });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("申请内容不完整", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("请填写单位名称", problem.RootElement.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("请填写统一社会信用代码", problem.RootElement.GetProperty("errors").GetProperty("idProof")[0].GetString());
    }

    [Fact]
    public async Task ValidateReport_PublishedText_ImportPlusValidation()
    {
        using var client = factory.CreateClient();
        var seed = await File.ReadAllBytesAsync(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds", "004_6c1bbe7f11dcd8e6.txt"));

        var ok = await client.PostAsync("/api/reports/validate", new ByteArrayContent(seed));
        var junk = await client.PostAsync("/api/reports/validate", new StringContent("会议通知：请准时参加。", Encoding.UTF8, "text/plain"));

        using var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(0, body.RootElement.GetProperty("errors").GetInt32());
        Assert.Contains(body.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "GK3002");
        Assert.Equal("青铜峡市", body.RootElement.GetProperty("report").GetProperty("agency").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
    }

    [Fact]
    public async Task Reports_UnpublishedYear_NotFoundProblem_DraftNeedsSignIn()
    {
        using var client = factory.CreateClient();

        var missing = await client.GetAsync("/api/reports/DEMO/1999");
        var draft = await client.GetAsync("/api/reports/DEMO/2025/draft");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Contains("尚未发布", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, draft.StatusCode);
        Assert.Equal("application/problem+json", draft.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheApi()
    {
        using var client = factory.CreateClient();

        var text = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/applications", text, StringComparison.Ordinal);
        Assert.Contains("/api/reports/validate", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("政府信息公开指南", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
