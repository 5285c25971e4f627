using System.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// Turns bytes into text without assuming an encoding: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise
/// strict UTF-8. Text that is neither is reported, never decoded into replacement characters.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Decode(ReadOnlySpan<byte> bytes, out string problem)
    {
        problem = string.Empty;
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                return StrictUtf8.GetString(bytes[3..]);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }

            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            problem = $"文本编码无法识别（在第 {ex.Index + 1} 个字节附近不是有效的 UTF-8/UTF-16）";
            return null;
        }
    }
}
