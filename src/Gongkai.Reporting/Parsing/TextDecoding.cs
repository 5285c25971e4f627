using System.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// Turns bytes into text without assuming an encoding: a BOM decides (UTF-8, UTF-16 LE/BE); then
/// strict UTF-8; then UTF-16 without BOM (recognised by its zero bytes); then GB18030, the superset of
/// GBK and GB2312 that Chinese government sites still serve. Binary content is refused, never decoded
/// into replacement characters.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Decodes, or returns null with the reason; <paramref name="encodingName"/> names what was used.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string problem, out string encodingName)
    {
        problem = string.Empty;
        encodingName = "UTF-8";
        string? text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = TryDecode(StrictUtf8, bytes[3..]);
            encodingName = "UTF-8（带 BOM）";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = TryDecode(new UnicodeEncoding(false, false, true), bytes[2..]);
            encodingName = "UTF-16LE";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = TryDecode(new UnicodeEncoding(true, false, true), bytes[2..]);
            encodingName = "UTF-16BE";
        }
        else if ((text = TryDecode(StrictUtf8, bytes)) is not null)
        {
            encodingName = "UTF-8";
        }
        else if (LooksLikeUtf16(bytes, out var bigEndian) && (text = TryDecode(new UnicodeEncoding(bigEndian, false, true), bytes)) is not null)
        {
            encodingName = bigEndian ? "UTF-16BE" : "UTF-16LE";
        }
        else if ((text = TryDecode(Gb18030.Value, bytes)) is not null)
        {
            encodingName = "GB18030/GBK";
        }

        if (text is null)
        {
            problem = "文本编码无法识别：不是 UTF-8、UTF-16 或 GB18030/GBK 文本";
            return null;
        }

        if (IsBinary(text))
        {
            problem = "内容不是文本（含大量控制字符），不是可读取的年度报告";
            return null;
        }

        return text;
    }

    /// <summary>Compatibility overload without the encoding name.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string problem) => Decode(bytes, out problem, out _);

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 4 || sample.Length % 2 != 0)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        // UTF-8 and GB18030 text never holds a zero byte; UTF-16 holds one in every ASCII character
        // (digits, tabs, line breaks), always on the same side of the pair.
        var pairs = sample.Length / 2;
        bigEndian = evenZeros > oddZeros;
        var high = Math.Max(evenZeros, oddZeros);
        return high >= Math.Max(2, pairs / 50) && Math.Min(evenZeros, oddZeros) * 3 <= high;
    }

    private static bool IsBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 65536));
        var control = 0;
        foreach (var ch in sample)
        {
            if ((ch < ' ' && ch is not '\t' and not '\n' and not '\r' and not '\f') || ch == '\uFFFD')
            {
                control++;
            }
        }

        return sample.Length > 0 && control > Math.Max(8, sample.Length / 100);
    }
}
