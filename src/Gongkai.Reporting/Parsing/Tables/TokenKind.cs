namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>What a table token is.</summary>
public enum TokenKind
{
    /// <summary>A label, header, or text value.</summary>
    Text,

    /// <summary>A number (digits normalised to ASCII, thousands separators removed).</summary>
    Number,

    /// <summary>An empty cell, or a cell written as —, /, －, 无.</summary>
    Blank,
}
