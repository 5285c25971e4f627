using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Reporting.Aggregation;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Who makes up the roll-up's figures, as JSON: <c>{under, year, cells: {"三/apps.new_received/total": {total,
/// contributions: [{code, agency, value}]}}}</c>, for one cell or every cell with a figure. Kept apart from the
/// overview's JSON, whose shape is a contract (its rollup is the canonical report and nothing else).
/// </summary>
public static class ContributionsJson
{
    public static string Write(Overview overview, CellAddress? cell)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in overview.Agencies)
        {
            codes.TryAdd(a.Name, a.Code);
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("under", overview.Under);
            w.WriteNumber("year", overview.Year);
            w.WriteStartObject("cells");
            if (overview.Rollup is { } rollup)
            {
                var cells = cell is { } one ? [one] : rollup.Contributions.Keys.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToArray();
                foreach (var c in cells)
                {
                    var list = rollup.ContributorsOf(c);
                    w.WriteStartObject(c.ToString());
                    w.WriteNumber("total", list.Sum(x => x.Value));
                    w.WriteStartArray("contributions");
                    foreach (var x in list)
                    {
                        w.WriteStartObject();
                        w.WriteString("code", x.Code ?? codes.GetValueOrDefault(x.Agency));
                        w.WriteString("agency", x.Agency);
                        w.WriteNumber("value", x.Value);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
