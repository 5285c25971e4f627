using System.Buffers.Binary;

namespace Gongkai.Persistence.Entities;

/// <summary>
/// The numbers of one report packed in one value (<see cref="ReportSummaryNumbersRow.Cells"/>): for each filled cell, in
/// ascending cell id, 4 bytes of cell id then 8 bytes of whole millionths, both little-endian. 200 numbers take
/// 2,400 bytes; a cell is found by binary search.
/// </summary>
public static class PackedCells
{
    /// <summary>Bytes per cell: id (int32) and millionths (int64).</summary>
    public const int Width = 12;

    /// <summary>Packs <paramref name="cells"/>, sorted by id here; an id given twice is refused.</summary>
    public static byte[] Pack(IEnumerable<(int Cell, long Millionths)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sorted = cells.ToArray();
        Array.Sort(sorted, (a, b) => a.Cell.CompareTo(b.Cell));
        var bytes = new byte[sorted.Length * Width];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i].Cell == sorted[i - 1].Cell)
            {
                throw new ArgumentException($"Cell {sorted[i].Cell} is given twice.", nameof(cells));
            }

            var at = bytes.AsSpan(i * Width, Width);
            BinaryPrimitives.WriteInt32LittleEndian(at, sorted[i].Cell);
            BinaryPrimitives.WriteInt64LittleEndian(at[4..], sorted[i].Millionths);
        }

        return bytes;
    }

    /// <summary>The cells of a packed value, in ascending id.</summary>
    /// <exception cref="InvalidDataException">The value is not a whole number of cells, or its ids are not ascending.</exception>
    public static (int[] Cells, long[] Millionths) Unpack(byte[] packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        if (packed.Length % Width != 0)
        {
            throw new InvalidDataException($"A packed value of {packed.Length} bytes is not a whole number of {Width}-byte cells.");
        }

        var cells = new int[packed.Length / Width];
        var millionths = new long[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var at = packed.AsSpan(i * Width, Width);
            cells[i] = BinaryPrimitives.ReadInt32LittleEndian(at);
            millionths[i] = BinaryPrimitives.ReadInt64LittleEndian(at[4..]);
            if (i > 0 && cells[i] <= cells[i - 1])
            {
                throw new InvalidDataException("The cells of a packed value are not in ascending id.");
            }
        }

        return (cells, millionths);
    }
}
