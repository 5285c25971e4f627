namespace Gongkai.Reporting.Parsing;

/// <summary>The shapes in which reports are found.</summary>
public enum ReportShape
{
    Json,
    Text,
    Html,
    Docx,
    Pdf,
}
