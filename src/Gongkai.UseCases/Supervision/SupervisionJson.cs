using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Organisation;
using Gongkai.Reporting.Aggregation;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The overview as JSON, one shape for <c>gongkai supervise --json</c> and <c>/api/supervise/{code}/{year}</c>:
/// <c>{under, year, agencies: [{code, name, level, status, published_on, late, errors, warnings, score}], rollup}</c>.
/// level is the English name of <c>agency list --json</c>; status 未开始/草稿/已发布/已收集; rollup the canonical
/// report JSON of the roll-up, or null when no agency has a report yet.
/// </summary>
public static class SupervisionJson
{
    public static string Write(Overview overview)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("under", overview.Under);
            w.WriteNumber("year", overview.Year);
            w.WriteStartArray("agencies");
            foreach (var a in overview.Agencies)
            {
                w.WriteStartObject();
                w.WriteString("code", a.Code);
                w.WriteString("name", a.Name);
                w.WriteString("level", a.Level.Name());
                w.WriteString("status", a.Status);
                if (a.PublishedOn is { } on)
                {
                    w.WriteString("published_on", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    w.WriteNull("published_on");
                }

                w.WriteBoolean("late", a.Late);
                w.WriteNumber("errors", a.Errors);
                w.WriteNumber("warnings", a.Warnings);
                if (a.Score is { } score)
                {
                    w.WriteNumber("score", score);
                }
                else
                {
                    w.WriteNull("score");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("rollup");
            if (overview.Rollup?.Report is not null)
            {
                RollupJson.WriteObject(w, overview.Rollup, null);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
