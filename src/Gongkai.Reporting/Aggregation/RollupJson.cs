using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Json;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// The roll-up as JSON: the canonical report JSON of the rolled-up report, plus (when asked) the
/// contributors of every figure, the inputs, and every diagnostic with the input it is about.
/// The extra top-level properties are ignored by the canonical reader, so the output reads back as a report.
/// </summary>
public static class RollupJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A diagnostic and the input it is about (a file, an agency, or 汇总 for the mapping).</summary>
    public sealed record SourcedDiagnostic(string Source, Diagnostic Diagnostic);

    public static string Write(Rollup rollup, IReadOnlyList<SourcedDiagnostic>? diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            WriteObject(w, rollup, diagnostics);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the rolled-up report; with <paramref name="diagnostics"/>, also sources, contributions and diagnostics.</summary>
    public static void WriteObject(Utf8JsonWriter w, Rollup rollup, IReadOnlyList<SourcedDiagnostic>? diagnostics)
    {
        var report = rollup.Report ?? throw new InvalidOperationException("The roll-up failed; there is no report to write.");

        // The canonical writer closes its object; write it into a buffer and copy its properties.
        using var doc = JsonDocument.Parse(CanonicalJsonWriter.Write(report));
        w.WriteStartObject();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            property.WriteTo(w);
        }

        if (diagnostics is not null)
        {
            w.WriteStartArray("sources");
            foreach (var source in rollup.Sources)
            {
                w.WriteStartObject();
                w.WriteString("agency", source.Name);
                w.WriteString("edition", Domain.Reports.ReportEditions.ToCode(source.Edition));
                if (source.File is { } file)
                {
                    w.WriteString("file", file);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteContributions(w, rollup);
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                DiagnosticJson.Write(w, d.Diagnostic, d.Source);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteContributions(Utf8JsonWriter w, Rollup rollup)
    {
        w.WriteStartObject("contributions");
        foreach (var (cell, list) in rollup.Contributions.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            w.WriteStartArray(cell.ToString());
            foreach (var c in list)
            {
                w.WriteStartObject();
                w.WriteString("agency", c.Agency);
                w.WriteNumber("value", c.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
