using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reporting.Rendering;

/// <summary>
/// Text for a Word run, written defensively: XML 1.0 cannot carry most control characters, U+FFFE/U+FFFF or a lone
/// surrogate, and the OpenXml writer throws on them — which made every .docx of a case or a published (immutable)
/// report answer 500 for good once such a character was stored. Line breaks (\n, \r\n, \v, U+2028) become
/// &lt;w:br/&gt;, tabs &lt;w:tab/&gt;, and anything XML cannot hold is dropped, so what is already stored still renders.
/// </summary>
public static class DocxText
{
    /// <summary>The run content for <paramref name="text"/>: text pieces separated by breaks and tabs.</summary>
    public static IEnumerable<OpenXmlElement> Content(string text)
    {
        var piece = new StringBuilder();
        var elements = new List<OpenXmlElement>();
        void Flush()
        {
            if (piece.Length > 0)
            {
                elements.Add(new Text(piece.ToString()) { Space = SpaceProcessingModeValues.Preserve });
                piece.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    continue;
                case '\n' or '\r' or '\v' or '\f' or '\u2028' or '\u2029' or '\u0085':
                    Flush();
                    elements.Add(new Break());
                    continue;
                case '\t':
                    Flush();
                    elements.Add(new TabChar());
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                piece.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsXmlChar(c))
            {
                piece.Append(c);
            }
        }

        Flush();
        if (elements.Count == 0)
        {
            elements.Add(new Text(string.Empty) { Space = SpaceProcessingModeValues.Preserve });
        }

        return elements;
    }

    /// <summary>A UTF-16 unit XML 1.0 accepts on its own (surrogates are handled in pairs by the caller).</summary>
    private static bool IsXmlChar(char c) =>
        c >= 0x20 && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
}
