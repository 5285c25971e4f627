using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// The streams of a Compound File Binary container (MS-CFB: the wrapper of Word 97–2003 .doc files): the header's
/// sector chain table (FAT, its DIFAT in the header and in further sectors), the directory, and the mini stream for
/// small streams. Only reading, only by name from the root storage. A damaged file (a chain that loops or leaves the
/// file, a sector number out of range) is an <see cref="InvalidDataException"/>, never a hang or an out-of-range read.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderBytes = 512;

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly uint[] _fat;
    private readonly Dictionary<string, (uint Start, long Size)> _streams = new(StringComparer.OrdinalIgnoreCase);
    private readonly uint _miniCutoff;
    private readonly uint[] _miniFat;
    private readonly byte[] _miniStream;

    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public CompoundFile(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length < HeaderBytes || !bytes.AsSpan().StartsWith(Signature))
        {
            throw new InvalidDataException("不是复合文档（OLE）文件");
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x1E));
        if (shift is not (9 or 12))
        {
            throw new InvalidDataException($"扇区大小无效（2^{shift}）");
        }

        _sectorSize = 1 << shift;
        var fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x2C));
        var directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
        // MS-CFB fixes the mini-stream cutoff at 4,096 bytes; a writer that puts every stream in full sectors says 0.
        _miniCutoff = Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x38)), 4096u);
        var miniFatStart = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x3C));
        var difatStart = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x44));
        // The header takes the whole first sector (512 bytes in version 3, 4,096 in version 4): sector n is at (n + 1) × size.
        var sectorCount = (bytes.Length / _sectorSize) - 1;
        if (fatSectors > sectorCount)
        {
            throw new InvalidDataException("扇区分配表大小无效");
        }

        // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors (last entry: the next one).
        var fatSectorList = new List<uint>();
        for (var i = 0; i < 109 && fatSectorList.Count < fatSectors; i++)
        {
            fatSectorList.Add(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x4C + (4 * i))));
        }

        var perSector = _sectorSize / 4;
        var difat = difatStart;
        var seen = new HashSet<uint>();
        while (fatSectorList.Count < fatSectors && difat != EndOfChain && difat != FreeSector)
        {
            if (!seen.Add(difat))
            {
                throw new InvalidDataException("DIFAT 链循环");
            }

            var sector = Sector(difat);
            for (var i = 0; i < perSector - 1 && fatSectorList.Count < fatSectors; i++)
            {
                fatSectorList.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(_sectorSize - 4)..]);
        }

        _fat = new uint[fatSectorList.Count * perSector];
        for (var s = 0; s < fatSectorList.Count; s++)
        {
            var sector = Sector(fatSectorList[s]);
            for (var i = 0; i < perSector; i++)
            {
                _fat[(s * perSector) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]);
            }
        }

        var directory = Chain(directoryStart, long.MaxValue);
        var entries = directory.Length / 128;
        if (entries == 0 || directory[0x42] != 5)
        {
            throw new InvalidDataException("目录无效（没有根存储）");
        }

        var root = Entry(directory, 0);
        // The root storage's own streams: its children's tree (left, right siblings), not streams of embedded objects.
        var pending = new Stack<uint>([BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(0x4C))]);
        var visited = new HashSet<uint>();
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (id >= entries || !visited.Add(id))
            {
                continue;
            }

            var at = (int)id * 128;
            var (start, size) = Entry(directory, at);
            var nameBytes = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(at + 0x40)), 64);
            if (directory[at + 0x42] == 2)
            {
                _streams.TryAdd(nameBytes >= 2 ? Encoding.Unicode.GetString(directory, at, nameBytes - 2) : string.Empty, (start, size));
            }

            pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at + 0x44)));
            pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at + 0x48)));
        }

        _miniStream = root.Start is EndOfChain or FreeSector ? [] : Chain(root.Start, root.Size);
        var miniFatBytes = miniFatStart is EndOfChain or FreeSector ? [] : Chain(miniFatStart, long.MaxValue);
        _miniFat = new uint[miniFatBytes.Length / 4];
        for (var i = 0; i < _miniFat.Length; i++)
        {
            _miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(4 * i));
        }
    }

    private (uint Start, long Size) Entry(byte[] directory, int at)
    {
        var start = BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at + 0x74));
        var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(directory.AsSpan(at + 0x78));
        return (start, _sectorSize == 512 ? size & 0xFFFFFFFF : size);
    }

    /// <summary>The stream of that name in the root storage, or null when there is none.</summary>
    public byte[]? Stream(string name)
    {
        if (!_streams.TryGetValue(name, out var entry))
        {
            return null;
        }

        return entry.Size < _miniCutoff ? MiniChain(entry.Start, entry.Size) : Chain(entry.Start, entry.Size);
    }

    private ReadOnlySpan<byte> Sector(uint number)
    {
        var offset = ((long)number + 1) * _sectorSize;
        if (number >= 0xFFFFFFFA || offset + _sectorSize > _bytes.Length)
        {
            throw new InvalidDataException($"扇区 {number} 超出文件");
        }

        return _bytes.AsSpan((int)offset, _sectorSize);
    }

    private byte[] Chain(uint start, long size)
    {
        if (size != long.MaxValue && size > _bytes.Length)
        {
            throw new InvalidDataException("流的声明大小超过文件");
        }

        using var buffer = new MemoryStream();
        var seen = new HashSet<uint>();
        for (var sector = start; sector != EndOfChain && buffer.Length < size; sector = sector < _fat.Length ? _fat[sector] : throw new InvalidDataException($"扇区 {sector} 不在分配表中"))
        {
            if (!seen.Add(sector))
            {
                throw new InvalidDataException("扇区链循环");
            }

            buffer.Write(Sector(sector));
        }

        if (size != long.MaxValue && buffer.Length < size)
        {
            throw new InvalidDataException("流比声明的短");
        }

        var bytes = buffer.ToArray();
        return size == long.MaxValue || bytes.Length == size ? bytes : bytes[..(int)size];
    }

    private byte[] MiniChain(uint start, long size)
    {
        const int MiniSector = 64;
        if (size > _miniStream.Length)
        {
            throw new InvalidDataException("小流的声明大小超过其容器");
        }

        var result = new byte[size];
        var written = 0;
        var seen = new HashSet<uint>();
        for (var sector = start; written < size; sector = sector < _miniFat.Length ? _miniFat[sector] : throw new InvalidDataException($"小扇区 {sector} 不在分配表中"))
        {
            if (sector == EndOfChain || !seen.Add(sector) || ((long)sector * MiniSector) + MiniSector > _miniStream.Length)
            {
                throw new InvalidDataException("小扇区链无效");
            }

            var take = (int)Math.Min(MiniSector, size - written);
            _miniStream.AsSpan((int)(sector * MiniSector), take).CopyTo(result.AsSpan(written));
            written += take;
        }

        return result;
    }
}
