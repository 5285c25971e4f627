namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>A cell, or a piece of a cell, of a table region, with its position in the source.</summary>
public sealed record TableToken(TokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Index of the source line within the region (tokens on one printed row share it).</summary>
    public int RowIndex { get; init; }

    /// <summary>Where the token's middle stands on its line (text laid out in columns: a cell is under the header nearest it).</summary>
    public double Centre => Column + (Text.Length / 2.0);
}
