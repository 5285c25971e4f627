namespace Gongkai.Persistence.Entities;

/// <summary>
/// A report file a supervising office collected from an agency that does not use Gongkai, byte for byte.
/// Never changed: corrections of the reading are new <see cref="CollectedReportRow"/> versions.
/// </summary>
public sealed class CollectedSourceRow
{
    public long Id { get; set; }

    /// <summary>The file name as uploaded or found in the folder.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the bytes, lower-case hex: the same file collected twice is recognised.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public byte[] Bytes { get; set; } = [];

    public long CollectedAtUtcTicks { get; set; }

    public string CollectedBy { get; set; } = string.Empty;
}
