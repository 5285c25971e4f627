using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering.Layout;

namespace Gongkai.Reporting.Rendering;

/// <summary>Renders a report in the official layout to any <see cref="RenderFormat"/>.</summary>
public static class ReportRenderer
{
    public static bool TryParseFormat(string? name, out RenderFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "md" or "markdown": format = RenderFormat.Markdown; return true;
            case "html" or "htm": format = RenderFormat.Html; return true;
            case "txt" or "text": format = RenderFormat.Text; return true;
            case "docx": format = RenderFormat.Docx; return true;
            default: format = default; return false;
        }
    }

    public static bool IsBinary(RenderFormat format) => format == RenderFormat.Docx;

    public static string Extension(RenderFormat format) => format switch
    {
        RenderFormat.Markdown => ".md",
        RenderFormat.Html => ".html",
        RenderFormat.Text => ".txt",
        RenderFormat.Docx => ".docx",
    };

    public static void Render(AnnualReport report, RenderFormat format, Stream output)
    {
        var document = ReportLayoutBuilder.Build(report);
        if (format == RenderFormat.Docx)
        {
            DocxRenderer.Render(document, output);
            return;
        }

        var text = RenderText(document, format);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        output.Write(bytes);
    }

    /// <summary>The textual formats as a string (Markdown, HTML, plain text).</summary>
    public static string RenderToString(AnnualReport report, RenderFormat format) =>
        RenderText(ReportLayoutBuilder.Build(report), format);

    /// <summary>The official layout as an HTML fragment (no page, no inline style) to embed in a site page.</summary>
    public static string RenderHtmlBody(AnnualReport report) => HtmlRenderer.RenderBody(ReportLayoutBuilder.Build(report));

    private static string RenderText(ReportDocument document, RenderFormat format) => format switch
    {
        RenderFormat.Markdown => MarkdownRenderer.Render(document),
        RenderFormat.Html => HtmlRenderer.Render(document),
        RenderFormat.Text => TextRenderer.Render(document),
        RenderFormat.Docx => throw new ArgumentException("DOCX is binary; use Render(report, format, stream).", nameof(format)),
    };
}
