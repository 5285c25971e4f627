using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Validation;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Validation;

/// <summary>
/// Every validation rule as spec-style examples (validation-cases.json): a base report, the edits, and
/// whether the rule's code must fire. Each example is one named test.
/// </summary>
public sealed class ValidationSpecTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Validation", "validation-cases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    });

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value)
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_Example_FiresAsSpecified(string name)
    {
        var spec = Cases.Value.Single(c => c.GetProperty("name").GetString() == name);
        var code = spec.GetProperty("code").GetString()!;
        var report = Build(spec);
        var previous = spec.TryGetProperty("previous", out var p) ? Build(p) : null;

        var diagnostics = new ReportValidator().Validate(report, previous);
        var matching = diagnostics.Where(d => d.Code == code).ToArray();

        if (spec.GetProperty("fires").GetBoolean())
        {
            Assert.True(matching.Length > 0, $"{code} expected; got: {string.Join(" | ", diagnostics)}");
            if (spec.TryGetProperty("count", out var count))
            {
                Assert.Equal(count.GetInt32(), matching.Length);
            }

            if (spec.TryGetProperty("severity", out var severity))
            {
                Assert.All(matching, d => Assert.Equal(severity.GetString(), d.Severity.ToString().ToLowerInvariant()));
            }

            Assert.All(matching, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        }
        else
        {
            Assert.True(matching.Length == 0, $"{code} not expected; got: {string.Join(" | ", matching.AsEnumerable())}");
        }

        if (spec.TryGetProperty("absent", out var absent))
        {
            foreach (var other in absent.EnumerateArray())
            {
                Assert.DoesNotContain(diagnostics, d => d.Code == other.GetString());
            }
        }
    }

    [Fact]
    public void Catalog_EveryValidationCode_HasPassingAndFailingExample()
    {
        var validationCodes = DiagnosticCatalog.All.Select(d => d.Code).Where(c => c.StartsWith("GK2", StringComparison.Ordinal) || c.StartsWith("GK3", StringComparison.Ordinal));
        foreach (var code in validationCodes)
        {
            var examples = Cases.Value.Where(c => c.GetProperty("code").GetString() == code).ToArray();
            Assert.Contains(examples, e => e.GetProperty("fires").GetBoolean());
            Assert.Contains(examples, e => !e.GetProperty("fires").GetBoolean());
        }
    }

    [Fact]
    public void Validate_SeedReport_OnlyTheOverviewLengthWarning()
    {
        var diagnostics = new ReportValidator().Validate(SampleReports.Qingtongxia2021());

        var d = Assert.Single(diagnostics);
        Assert.Equal("GK3002", d.Code);
        Assert.Equal("sec1", d.Location.Section);
    }

    [Fact]
    public void Validate_CleanReport_NoDiagnostics()
    {
        var diagnostics = new ReportValidator().Validate(SampleReports.Clean2019());

        Assert.Equal(["GK3005"], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Validate_BalanceError_LocatesTableRowAndColumn()
    {
        var report = SampleReports.Qingtongxia2021();
        report.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson, 25);

        var d = new ReportValidator().Validate(report).First(x => x.Code == "GK2001");

        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("三", d.Location.Table);
        Assert.Equal(ApplicationKeys.OutcomeTotal, d.Location.RowKey);
        Assert.Equal("natural_person", d.Location.ColumnKey);
        Assert.Contains("25", d.Message, StringComparison.Ordinal);
    }

    /// <summary>The name of the first example in which <paramref name="code"/> fires.</summary>
    public static string? FirstFiringCase(string code) => Cases.Value
        .Where(c => c.GetProperty("code").GetString() == code && c.GetProperty("fires").GetBoolean())
        .Select(c => c.GetProperty("name").GetString())
        .FirstOrDefault();

    /// <summary>Runs one named example and returns every diagnostic.</summary>
    public static IReadOnlyList<Diagnostic> Run(string name)
    {
        var spec = Cases.Value.Single(c => c.GetProperty("name").GetString() == name);
        var previous = spec.TryGetProperty("previous", out var p) ? Build(p) : null;
        return new ReportValidator().Validate(Build(spec), previous);
    }

    private static AnnualReport Build(JsonElement spec)
    {
        var report = spec.GetProperty("base").GetString() switch
        {
            "qingtongxia-2021" => SampleReports.Qingtongxia2021(),
            "clean-2019" => SampleReports.Clean2019(),
            var other => throw new InvalidOperationException("Unknown base " + other),
        };
        var edits = spec.GetProperty("edits").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        if (edits.TryGetValue("sec1", out var sec1) && sec1.GetString() == "__LONG__")
        {
            edits["sec1"] = JsonDocument.Parse("\"" + new string('政', 1500) + "\"").RootElement;
        }

        return ReportMutations.Apply(report, edits);
    }
}
