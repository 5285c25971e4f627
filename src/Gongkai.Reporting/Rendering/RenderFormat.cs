namespace Gongkai.Reporting.Rendering;

/// <summary>The output formats of the official layout.</summary>
public enum RenderFormat
{
    /// <summary>Markdown with pipe tables.</summary>
    Markdown,

    /// <summary>A standalone printable HTML page with merged header cells.</summary>
    Html,

    /// <summary>Plain text with tab-separated tables, as agencies paste into their sites.</summary>
    Text,

    /// <summary>Word .docx (A4, merged header cells), for editing in Word or WPS.</summary>
    Docx,
}
