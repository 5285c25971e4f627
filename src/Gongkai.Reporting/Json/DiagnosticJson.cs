using System.Text.Json;
using Gongkai.Domain.Diagnostics;

namespace Gongkai.Reporting.Json;

/// <summary>The machine form of diagnostics, shared by the canonical JSON and the CLI's --json.</summary>
public static class DiagnosticJson
{
    public static void WriteArray(Utf8JsonWriter w, string propertyName, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray(propertyName);
        foreach (var d in diagnostics)
        {
            Write(w, d);
        }

        w.WriteEndArray();
    }

    /// <param name="w">The writer.</param>
    /// <param name="d">The diagnostic.</param>
    /// <param name="source">Which input it is about, when one output gathers the diagnostics of several.</param>
    public static void Write(Utf8JsonWriter w, Diagnostic d, string? source = null)
    {
        w.WriteStartObject();
        WriteIf(w, "source", source);
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        w.WriteStartObject("location");
        WriteIf(w, "section", d.Location.Section);
        WriteIf(w, "table", d.Location.Table);
        WriteIf(w, "row", d.Location.RowKey);
        WriteIf(w, "column", d.Location.ColumnKey);
        if (d.Location.Line is { } line)
        {
            w.WriteNumber("line", line);
            w.WriteNumber("col", d.Location.Column ?? 1);
        }

        w.WriteString("text", d.Location.ToString());
        w.WriteEndObject();
        w.WriteString("message", d.Message);
        w.WriteEndObject();
    }

    private static void WriteIf(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
