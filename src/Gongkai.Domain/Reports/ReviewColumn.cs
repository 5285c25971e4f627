namespace Gongkai.Domain.Reports;

/// <summary>A cell of table 四 (政府信息公开行政复议、行政诉讼情况).</summary>
/// <param name="Group">行政复议, 未经复议直接起诉 or 复议后起诉.</param>
/// <param name="Key">The cell key, e.g. <c>litigation.direct.upheld</c>.</param>
/// <param name="Label">结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计.</param>
public sealed record ReviewColumn(ReviewGroup Group, string Key, string Label)
{
    public bool IsTotal => Key.EndsWith(".total", StringComparison.Ordinal);
}
