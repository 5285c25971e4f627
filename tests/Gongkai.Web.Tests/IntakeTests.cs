using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>The intake defects that changed the numbers of table 三 (issue 12), each with the test that failed before.</summary>
public sealed partial class IntakeTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static string InDays(int days) =>
        DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string token, string formToken, string name = "某某科技有限公司", string idProof = "91110000100000000R") => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Token"] = formToken,
        ["Form.Category"] = "Commercial",
        ["Form.Name"] = name,
        ["Form.IdProof"] = idProof,
        ["Form.Contact"] = "010-12345678",
        ["Form.Request"] = "本区2025年政府采购合同清单 " + formToken,
        ["Form.DeliveryForm"] = "纸质文本",
        ["Form.DeliveryChannel"] = "邮寄",
        ["Form.Agency"] = "DEMO",
    };

    [Fact]
    public async Task ApplyForm_ValidationError_KeepsCategoryAndDelivery()
    {
        using var client = factory.CreateClient();
        var form = await client.GetStringAsync("/apply");
        var fields = Fields(StaffSession.TokenRegex().Match(form).Groups[1].Value, FormTokenRegex().Match(form).Groups[1].Value, name: "");

        var response = await client.PostAsync("/apply", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("请填写单位名称", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Commercial\" selected=\"selected\">", html);
        Assert.DoesNotMatch("<option value=\"NaturalPerson\" selected", html);
        Assert.Matches("<option selected=\"selected\">纸质文本</option>", html);
        Assert.Matches("<option selected=\"selected\">邮寄</option>", html);
    }

    [Fact]
    public async Task ApplyForm_SubmittedTwice_OneApplicationSameNumber()
    {
        using var client = factory.CreateClient();
        var form = await client.GetStringAsync("/apply");
        var formToken = FormTokenRegex().Match(form).Groups[1].Value;
        var fields = Fields(StaffSession.TokenRegex().Match(form).Groups[1].Value, formToken);
        Assert.Equal(32, formToken.Length);

        var first = await (await client.PostAsync("/apply", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        var second = await (await client.PostAsync("/apply", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();

        var number = NumberRegex().Match(first).Groups[1].Value;
        Assert.StartsWith("DEMO-", number, StringComparison.Ordinal);
        Assert.Equal(number, NumberRegex().Match(second).Groups[1].Value);
        Assert.Equal(CodeRegex().Match(first).Groups[1].Value, CodeRegex().Match(second).Groups[1].Value);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var queue = await clerk.Client.GetStringAsync("/staff?state=all&q=" + number);
        Assert.Single(Regex.Matches(queue, ">" + Regex.Escape(number) + "<"));
    }

    [Fact]
    public async Task Api_IdempotencyKey_ReturnsFirstApplication_OtherBodyRefused()
    {
        using var client = factory.CreateClient();
        var key = Guid.NewGuid().ToString();

        var first = await Post(client, ApiTests.ValidForm, key);
        var again = await Post(client, ApiTests.ValidForm, key);
        var other = await Post(client, WithRequest("另一份申请"), key);
        var fresh = await Post(client, ApiTests.ValidForm, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        using var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        using var c = JsonDocument.Parse(await fresh.Content.ReadAsStringAsync());
        Assert.Equal(a.RootElement.GetProperty("trackingNumber").GetString(), b.RootElement.GetProperty("trackingNumber").GetString());
        Assert.Equal(a.RootElement.GetProperty("accessCode").GetString(), b.RootElement.GetProperty("accessCode").GetString());
        Assert.NotEqual(a.RootElement.GetProperty("trackingNumber").GetString(), c.RootElement.GetProperty("trackingNumber").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        var status = await client.GetAsync($"/api/applications/{b.RootElement.GetProperty("trackingNumber").GetString()}/status?code={b.RootElement.GetProperty("accessCode").GetString()}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task Api_ConcurrentSameKey_OneApplication()
    {
        using var client = factory.CreateClient();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post(client, ApiTests.ValidForm, key)));

        var numbers = new HashSet<string>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            using var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            numbers.Add(body.RootElement.GetProperty("trackingNumber").GetString()!);
        }

        Assert.Single(numbers);
    }

    [Theory]
    [InlineData("NaturalPerson", null, "110101199001011234", "校验码")]
    [InlineData("NaturalPerson", null, "123", "18 位")]
    [InlineData("NaturalPerson", null, "110101199002301236", "出生日期")]
    [InlineData("NaturalPerson", "Passport", "护照 123", "护照号码")]
    [InlineData("Commercial", null, "91110000100000000A", "校验码")]
    [InlineData("Commercial", null, "110101199001011237", "统一社会信用代码")]
    [InlineData("NaturalPerson", "UnifiedSocialCreditCode", "91110000100000000R", "身份证件种类与申请人类别不符")]
    public async Task Api_BadIdentityNumber_ProblemNamesIdProof(string category, string? idType, string idProof, string message)
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/applications", new
        {
            agency = "DEMO",
            category,
            idType,
            name = "王五",
            idProof,
            contact = "13800000000",
            request = "x",
            deliveryForm = "电子文档",
            deliveryChannel = "电子邮件",
        });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, problem.RootElement.GetProperty("errors").GetProperty("idProof")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Passport", "E12345678")]
    [InlineData("HongKongMacaoPermit", "H1234567801")]
    [InlineData("ResidencePermit", "810000199001011230")]
    public async Task Api_OtherDocumentsByType_Accepted(string idType, string idProof)
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/applications", new
        {
            agency = "DEMO",
            category = "NaturalPerson",
            idType,
            name = "陈七",
            idProof,
            contact = "13800000000",
            request = "x",
            deliveryForm = "电子文档",
            deliveryChannel = "电子邮件",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("Fax", "电子文档", "电子邮件", "channel")]
    [InlineData("InPerson", "电子文档", "电子邮件", "channel")]
    [InlineData("Online", "光盘", "电子邮件", "deliveryForm")]
    [InlineData("Online", "电子文档", "飞鸽传书", "deliveryChannel")]
    public async Task Api_StaffOnlyChannelOrUnknownDelivery_Refused(string channel, string deliveryForm, string deliveryChannel, string field)
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/applications", new
        {
            agency = "DEMO",
            category = "NaturalPerson",
            name = "王五",
            idProof = "110101199001011237",
            contact = "13800000000",
            request = "x",
            deliveryForm,
            deliveryChannel,
            channel,
        });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.GetRawText());
    }

    [Fact]
    public async Task Decide_FutureDate_Refused_BeforeReceipt_Refused()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, _) = await clerk.RegisterCase("NaturalPerson", InDays(-2));

        var future = await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开。", ["On"] = InDays(30) });
        var before = await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开。", ["On"] = InDays(-5) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("日期不能晚于今天", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Contains("办结日期不能早于收到申请之日", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"state\">办理中<", await clerk.Client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_AfterTheDeadline_FlaggedAndCounted()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, tracking) = await clerk.RegisterCase("NaturalPerson", InDays(-60));
        var (onTime, _) = await clerk.RegisterCase("NaturalPerson", InDays(-1));

        var late = await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开。" });
        var page = await clerk.Client.GetStringAsync(url);
        await clerk.Act(onTime, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开。" });

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Contains("记为逾期答复", page, StringComparison.Ordinal);
        Assert.Contains("id=\"late\">逾期答复<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"late\"", await clerk.Client.GetStringAsync(onTime), StringComparison.Ordinal);
        var queue = await clerk.Client.GetStringAsync("/staff?state=Closed&size=20&q=" + tracking);
        Assert.Contains(tracking, queue, StringComparison.Ordinal);
        Assert.True(int.Parse(LateCountRegex().Match(queue).Groups[1].Value, CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task SameApplicantSameRequestWithin30Days_ShownAsPossibleDuplicate_NotMerged()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (first, firstNumber) = await clerk.RegisterCase("LegalService", InDays(-10));
        var (second, secondNumber) = await clerk.RegisterCase("LegalService");

        Assert.NotEqual(firstNumber, secondNumber);
        var page = await clerk.Client.GetStringAsync(second);
        Assert.Contains("id=\"duplicates\"", page, StringComparison.Ordinal);
        Assert.Contains(firstNumber, page, StringComparison.Ordinal);
        Assert.Contains(secondNumber, await clerk.Client.GetStringAsync(first), StringComparison.Ordinal);
    }

    private static object WithRequest(string request) => new
    {
        agency = "DEMO",
        category = "NaturalPerson",
        name = "王五",
        idProof = "110101199001011237",
        contact = "13800000000",
        request,
        deliveryForm = "电子文档",
        deliveryChannel = "电子邮件",
        channel = "Online",
    };

    private static Task<HttpResponseMessage> Post(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormTokenRegex();

    [GeneratedRegex("id=\"tracking\">([^<]+)<")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("id=\"code\">([^<]+)<")]
    private static partial Regex CodeRegex();

    [GeneratedRegex("id=\"late\">(\\d+)<")]
    private static partial Regex LateCountRegex();
}
