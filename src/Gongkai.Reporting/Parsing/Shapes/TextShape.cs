namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>Plain text and Markdown: one source line per line.</summary>
public static class TextShape
{
    public static List<SourceLine> Lines(string text)
    {
        var lines = new List<SourceLine>();
        var number = 1;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).TrimEnd('\r');
            lines.Add(new SourceLine(line.ToString(), number++));
        }

        return lines;
    }
}
