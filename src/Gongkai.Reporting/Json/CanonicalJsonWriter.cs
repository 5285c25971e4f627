using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Json;

/// <summary>
/// Writes the canonical report JSON (the contract of the foundation issue): every key of the
/// edition is present, blank cells are <c>null</c>, numbers keep the digits as written.
/// </summary>
public static class CanonicalJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnnualReport report, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        using var stream = new MemoryStream();
        Write(stream, report, diagnostics);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Stream stream, AnnualReport report, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        WriteReport(w, report, diagnostics);
    }

    /// <summary>Writes the report as one JSON object on an existing writer (JSON Lines, arrays).</summary>
    public static void WriteReport(Utf8JsonWriter w, AnnualReport report, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        var schema = report.Schema;
        w.WriteStartObject();
        w.WriteString("edition", report.Edition.ToCode());
        w.WriteString("agency", report.Agency);
        if (report.Year is { } year)
        {
            w.WriteNumber("year", year);
        }
        else
        {
            w.WriteNull("year");
        }

        w.WriteStartObject("sections");
        foreach (var key in ReportSections.Keys)
        {
            w.WriteString(key, report.Sections.Get(key));
        }

        w.WriteEndObject();

        w.WriteStartObject("proactive");
        foreach (var key in schema.ProactiveKeys)
        {
            w.WritePropertyName(key);
            var value = report.GetProactive(key);
            switch (value.Kind)
            {
                case CellValueKind.Blank:
                    w.WriteNullValue();
                    break;
                case CellValueKind.Number:
                    w.WriteRawValue(value.Text!, skipInputValidation: false);
                    break;
                case CellValueKind.Text:
                    w.WriteStringValue(value.Text);
                    break;
            }
        }

        w.WriteEndObject();

        w.WriteStartObject("applications");
        foreach (var row in schema.ApplicationDataRows)
        {
            w.WriteStartObject(row.Key!);
            foreach (var column in ApplicantColumns.All)
            {
                WriteCount(w, column.Key(), report.GetApplications(row.Key!, column));
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartObject("review");
        foreach (var column in schema.ReviewColumns)
        {
            WriteCount(w, column.Key, report.GetReview(column.Key));
        }

        w.WriteEndObject();

        if (diagnostics is not null)
        {
            DiagnosticJson.WriteArray(w, "diagnostics", diagnostics);
        }

        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteCount(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
