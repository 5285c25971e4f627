using System.Text;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Tests.Rendering;
using Gongkai.Reporting.Tests.Validation;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Docs;

/// <summary>
/// docs/diagnostics.md is generated from the catalog, with an example of each code produced by really
/// running the reader or the validator; this test fails when the two drift apart.
/// </summary>
public sealed class DiagnosticsDocTests
{
    private static readonly Dictionary<string, Func<Diagnostic?>> InputExamples = new()
    {
        ["GK1001"] = () => ReportFileReader.ReadFile("/no/such/report.json").Diagnostics.FirstOrDefault(),
        ["GK1002"] = () => CanonicalJsonReader.Read("{\n  \"edition\": \"2021\",\n  \"year\": 20x1\n}").Diagnostics.FirstOrDefault(),
        ["GK1003"] = () => CanonicalJsonReader.Read("{ \"edition\": \"2020\" }").Diagnostics.FirstOrDefault(),
        ["GK1004"] = () => CanonicalJsonReader.Read("{ \"edition\": \"2021\", \"proactive\": { \"proactive2019.art20_9.central_procurement.items\": 3 } }").Diagnostics.FirstOrDefault(),
        ["GK1005"] = () => CanonicalJsonReader.Read("{ \"edition\": \"2021\", \"applications\": { \"apps.new_received\": { \"total\": 2.5 } } }").Diagnostics.FirstOrDefault(),
        ["GK1006"] = () => CanonicalJsonReader.Read("{ \"edition\": \"2021\", \"year\": \"二〇二一\" }").Diagnostics.FirstOrDefault(),
        ["GK1007"] = () => DiagnosticCatalog.InputTooLarge.Create(DiagnosticLocation.Report, "100 MB", "64 MB"),
        ["GK4013"] = () => DiagnosticCatalog.ToolMissing.Create(DiagnosticLocation.Report, Parsing.Shapes.PdfShape.MissingTool),
        ["GK5001"] = () => RollupExample(Gongkai.Domain.Reports.ReportEdition.Edition2019, 2021, "GK5001"),
        ["GK5002"] = () => RollupExample(Gongkai.Domain.Reports.ReportEdition.Edition2021, 2022, "GK5002"),
        ["GK5003"] = () => RollupExample(Gongkai.Domain.Reports.ReportEdition.Edition2021, null, "GK5003"),
        ["GK5004"] = () => RollupExample(Gongkai.Domain.Reports.ReportEdition.Edition2019, 2021, "GK5004"),
        ["GK5005"] = () => Gongkai.Reporting.Aggregation.ReportRollup.Of([Gongkai.Reporting.Aggregation.RollupSource.Of(SampleReports.Clean2019(), "a.json")]).Diagnostics.FirstOrDefault(d => d.Code == "GK5005"),
        ["GK5006"] = () => RollupExample(Gongkai.Domain.Reports.ReportEdition.Edition2021, 2021, "GK5006", sameAgency: true),
        ["GK5007"] = () => RollupTooLargeExample(),
    };

    /// <summary>When a code fires, where its message alone does not say.</summary>
    private static readonly Dictionary<string, string> When = new()
    {
        ["GK4010"] = "Table 二 and table 三 printed in different layouts, as far as the print shows it. Table 三 is in the 2021 layout " +
            "when its （六） is printed in the three 2021 sub-rows (1.…逾期不补正…, 2.…逾期未按收费通知要求缴纳费用…, 3.其他), and in the 2019 " +
            "layout only when its （六）其他处理 is printed as one row and no 2021 sub-row is. A table 三 that stops before （六） (an " +
            "excerpt, a page cut off, a converter that lost the last rows) shows neither layout and draws no GK4010. A report of 2021 " +
            "or later whose table 三 has the 2021 sub-rows is read in the 2021 layout, its table 二 kept only where both layouts mean the " +
            "same (本年处理决定数量 of 行政许可, 行政处罚, 行政强制); otherwise table 二 decides and table 三 is put in its layout (the 2021 " +
            "sub-rows added into the 2019 （六）其他处理, or the 2019 row counted under （六）3.其他). The example: a 2021 report, table 二 " +
            "in the 2021 layout, table 三 printing （六）其他处理 as one row.",
    };

    [Fact]
    public void DiagnosticsDoc_ListsEveryCodeWithARealExample()
    {
        GoldenFiles.AssertMatchesAt(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"), Generate());
    }

    private static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("# Diagnostics\n\n");
        sb.Append("Every diagnostic Gongkai reports, from one catalog (`src/Gongkai.Domain/Diagnostics/DiagnosticCatalog.cs`).\n");
        sb.Append("Codes are stable: a code is never reused for another meaning. Each example below is real output,\n");
        sb.Append("produced by the test that generates this page (`tests/Gongkai.Reporting.Tests/Docs/DiagnosticsDocTests.cs`).\n\n");
        sb.Append("- **GK1xxx** reading input (unreadable file, malformed JSON, unknown keys)\n");
        sb.Append("- **GK2xxx** the consistency rules of the national format (勾稽关系, ogi-rules §4.6 C-01…C-08)\n");
        sb.Append("- **GK3xxx** what a supervising office flags (edition vs year, length, blanks, missing sections)\n");
        sb.Append("- **GK4xxx** importing published reports (what could not be found, placed or read as printed)\n");
        sb.Append("- **GK5xxx** rolling reports up (汇总: mapping between the 2019 and 2021 layouts, years, duplicates)\n\n");
        sb.Append("Severity decides the CLI exit code: any `error` → 1; an unreadable input → 2.\n\n");
        sb.Append("| code | severity | rule | what it means |\n|---|---|---|---|\n");
        foreach (var d in DiagnosticCatalog.All)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"| [{d.Code}](#{d.Code.ToLowerInvariant()}) | {d.Severity.ToString().ToLowerInvariant()} | {d.Rule ?? "—"} | {d.Title} |\n");
        }

        foreach (var d in DiagnosticCatalog.All)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n## {d.Code}\n\n{d.Title}. Severity `{d.Severity.ToString().ToLowerInvariant()}`");
            sb.Append(d.Rule is null ? ".\n\n" : $"; rule {d.Rule}.\n\n");
            sb.Append("Message format: `").Append(d.MessageFormat).Append("`\n\n");
            if (When.TryGetValue(d.Code, out var when))
            {
                sb.Append("When: ").Append(when).Append("\n\n");
            }

            var example = Example(d.Code) ?? throw new InvalidOperationException("No example produces " + d.Code);
            sb.Append("Example:\n\n```\nreport.json: ").Append(example).Append("\n```\n");
        }

        return sb.ToString();
    }

    private static Diagnostic? RollupTooLargeExample()
    {
        var first = SampleReports.Qingtongxia2021();
        var second = SampleReports.Qingtongxia2021();
        second.Agency = "某某县自然资源局";
        second.SetApplications("apps.new_received", Gongkai.Domain.Reports.ApplicantColumn.NaturalPerson, int.MaxValue);
        return Gongkai.Reporting.Aggregation.ReportRollup.Of([Gongkai.Reporting.Aggregation.RollupSource.Of(first, "a.json"), Gongkai.Reporting.Aggregation.RollupSource.Of(second, "b.json")])
            .Diagnostics.FirstOrDefault(d => d.Code == "GK5007");
    }

    private static Diagnostic? RollupExample(Gongkai.Domain.Reports.ReportEdition secondEdition, int? secondYear, string code, bool sameAgency = false)
    {
        var first = SampleReports.Qingtongxia2021();
        var second = RandomReports.Create(1, secondEdition);
        second.Agency = sameAgency ? first.Agency : "某某县自然资源局";
        second.Year = secondYear;
        return Gongkai.Reporting.Aggregation.ReportRollup.Of([Gongkai.Reporting.Aggregation.RollupSource.Of(first, "a.json"), Gongkai.Reporting.Aggregation.RollupSource.Of(second, "b.json")])
            .Diagnostics.FirstOrDefault(d => d.Code == code);
    }

    private static Diagnostic? Example(string code)
    {
        if (InputExamples.TryGetValue(code, out var make))
        {
            return make();
        }

        if (Import.ImportDiagnosticsTests.Inputs.TryGetValue(code, out var input))
        {
            return ReportFileReader.ReadFile(input).Diagnostics.FirstOrDefault(d => d.Code == code);
        }

        var name = ValidationSpecTests.FirstFiringCase(code);
        return name is null ? null : ValidationSpecTests.Run(name).FirstOrDefault(d => d.Code == code);
    }
}
