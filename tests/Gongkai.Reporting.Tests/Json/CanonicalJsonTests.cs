using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Json;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void RoundTrip_SeedReport_IsLossless()
    {
        var original = File.ReadAllText(RepoPaths.Samples("qingtongxia-2021.json"));
        var first = CanonicalJsonReader.Read(original);
        Assert.Empty(first.Diagnostics);

        var written = CanonicalJsonWriter.Write(first.Report!);
        var second = CanonicalJsonReader.Read(written);

        Assert.Empty(second.Diagnostics);
        Assert.Equal(written, CanonicalJsonWriter.Write(second.Report!));
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(original).RootElement, JsonDocument.Parse(written).RootElement));
    }

    [Fact]
    public void RoundTrip_Money_KeepsDigitsAsWritten()
    {
        var report = SampleReports.Qingtongxia2021();
        report.SetProactive("proactive.art20_8.admin_fees.amount_wan_yuan", CellValue.Parse("12.5000"));

        var json = CanonicalJsonWriter.Write(report);
        var back = CanonicalJsonReader.Read(json).Report!;

        Assert.Contains("\"proactive.art20_8.admin_fees.amount_wan_yuan\": 12.5000", json, StringComparison.Ordinal);
        Assert.Equal("12.5000", back.GetProactive("proactive.art20_8.admin_fees.amount_wan_yuan").Text);
        Assert.Equal("15954.526468", SampleReports.Qingtongxia2021().GetProactive("proactive.art20_8.admin_fees.amount_wan_yuan").Text);
    }

    [Fact]
    public void RoundTrip_2019Edition_KeepsTextSignedAndBlankCells()
    {
        var report = SampleReports.Clean2019();
        report.SetApplications("apps.outcome.partial", ApplicantColumn.Research, null);

        var back = CanonicalJsonReader.Read(CanonicalJsonWriter.Write(report)).Report!;

        Assert.Equal(ReportEdition.Edition2019, back.Edition);
        Assert.Equal(CellValueKind.Text, back.GetProactive("proactive2019.art20_9.central_procurement.items").Kind);
        Assert.Equal("3项(41笔)", back.GetProactive("proactive2019.art20_9.central_procurement.items").Text);
        Assert.Equal(-3m, back.GetProactive("proactive2019.art20_5.licensing.delta").Number);
        Assert.Null(back.GetApplications("apps.outcome.partial", ApplicantColumn.Research));
        Assert.Equal(0, back.GetApplications("apps.outcome.partial", ApplicantColumn.SocialWelfare));
        Assert.Equal(1, back.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.NaturalPerson));
    }

    [Fact]
    public void Write_EmptyReport_HasEveryKeyOfTheContract()
    {
        using var doc = JsonDocument.Parse(CanonicalJsonWriter.Write(new AnnualReport(ReportEdition.Edition2021)));
        var root = doc.RootElement;

        Assert.Equal("2021", root.GetProperty("edition").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("agency").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("year").ValueKind);
        Assert.Equal(["sec1", "sec5", "sec6"], root.GetProperty("sections").EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, root.GetProperty("proactive").EnumerateObject().Count());
        Assert.Equal(25, root.GetProperty("applications").EnumerateObject().Count());
        Assert.Equal(
            ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total"],
            root.GetProperty("applications").GetProperty("apps.outcome.other.fee_unpaid").EnumerateObject().Select(p => p.Name));
        Assert.Equal(15, root.GetProperty("review").EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("review").GetProperty("litigation.after_review.total").ValueKind);
    }

    [Fact]
    public void Write_2019Edition_HasOneOtherRowAndPrefixedProactiveKeys()
    {
        using var doc = JsonDocument.Parse(CanonicalJsonWriter.Write(new AnnualReport(ReportEdition.Edition2019)));
        var apps = doc.RootElement.GetProperty("applications");

        Assert.True(apps.TryGetProperty("apps.outcome.other", out _));
        Assert.False(apps.TryGetProperty("apps.outcome.other.other", out _));
        Assert.Equal(23, apps.EnumerateObject().Count());
        Assert.All(doc.RootElement.GetProperty("proactive").EnumerateObject(), p => Assert.StartsWith("proactive2019.", p.Name, StringComparison.Ordinal));
        Assert.Equal(22, doc.RootElement.GetProperty("proactive").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("{ \"edition\": \"2021\", ", "GK1002")]
    [InlineData("[1, 2]", "GK1006")]
    [InlineData("{ \"agency\": \"x\" }", "GK1003")]
    [InlineData("{ \"edition\": \"2020\" }", "GK1003")]
    [InlineData("{ \"edition\": 2021 }", "GK1003")]
    public void Read_Unusable_NoReportAndCode(string json, string code)
    {
        var result = CanonicalJsonReader.Read(json);

        Assert.Null(result.Report);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_MalformedJson_GivesLineAndColumn()
    {
        var result = CanonicalJsonReader.Read("{\n  \"edition\": \"2021\",\n  \"year\": 20x1\n}");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("GK1002", d.Code);
        Assert.Equal(3, d.Location.Line);
    }

    [Theory]
    [InlineData("{ \"edition\": \"2021\", \"proactive\": { \"proactive.nonsense\": 1 } }", "GK1004")]
    [InlineData("{ \"edition\": \"2021\", \"applications\": { \"apps.outcome.other\": { \"total\": 1 } } }", "GK1004")]
    [InlineData("{ \"edition\": \"2021\", \"applications\": { \"apps.new_received\": { \"foreigners\": 1 } } }", "GK1004")]
    [InlineData("{ \"edition\": \"2021\", \"applications\": { \"apps.new_received\": { \"total\": 2.5 } } }", "GK1005")]
    [InlineData("{ \"edition\": \"2021\", \"applications\": { \"apps.new_received\": { \"total\": \"3\" } } }", "GK1005")]
    [InlineData("{ \"edition\": \"2021\", \"review\": { \"review.total\": true } }", "GK1005")]
    [InlineData("{ \"edition\": \"2021\", \"proactive\": { \"proactive.art20_5.licensing.decisions\": [1] } }", "GK1005")]
    [InlineData("{ \"edition\": \"2021\", \"year\": \"2021\" }", "GK1006")]
    [InlineData("{ \"edition\": \"2021\", \"agency\": 5 }", "GK1006")]
    [InlineData("{ \"edition\": \"2021\", \"sections\": { \"sec1\": 5 } }", "GK1006")]
    public void Read_BadField_ReportKeptWithDiagnostic(string json, string code)
    {
        var result = CanonicalJsonReader.Read(json);

        Assert.NotNull(result.Report);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_ExtraTopLevelFields_Ignored()
    {
        var result = CanonicalJsonReader.Read("{ \"edition\": \"2019\", \"diagnostics\": [], \"source\": { \"line\": 3 } }");

        Assert.NotNull(result.Report);
        Assert.Empty(result.Diagnostics);
    }
}
