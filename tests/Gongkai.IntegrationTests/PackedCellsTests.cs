using Gongkai.Persistence.Entities;

namespace Gongkai.IntegrationTests;

/// <summary>A summary's numbers packed in one value: back as given (sorted by cell), and a damaged value refused.</summary>
public sealed class PackedCellsTests
{
    [Fact]
    public void Pack_ThenUnpack_GivesTheCellsSortedById()
    {
        var packed = PackedCells.Pack([(7, -3), (1, long.MaxValue), (300, 0), (2, long.MinValue)]);

        Assert.Equal(4 * PackedCells.Width, packed.Length);
        var (cells, millionths) = PackedCells.Unpack(packed);
        Assert.Equal([1, 2, 7, 300], cells);
        Assert.Equal([long.MaxValue, long.MinValue, -3, 0], millionths);
        Assert.Empty(PackedCells.Unpack(PackedCells.Pack([])).Cells);
    }

    [Fact]
    public void ACellGivenTwice_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => PackedCells.Pack([(5, 1), (5, 2)]));
    }

    [Fact]
    public void ADamagedValue_IsRefused_NotReadAsOtherNumbers()
    {
        var packed = PackedCells.Pack([(1, 10), (2, 20)]);

        Assert.Throws<InvalidDataException>(() => PackedCells.Unpack(packed[..^1]));
        var swapped = packed[PackedCells.Width..].Concat(packed[..PackedCells.Width]).ToArray();
        Assert.Throws<InvalidDataException>(() => PackedCells.Unpack(swapped));
    }
}
