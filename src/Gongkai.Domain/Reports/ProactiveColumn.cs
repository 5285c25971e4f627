namespace Gongkai.Domain.Reports;

/// <summary>A value column of one block of table 二 (主动公开政府信息情况).</summary>
/// <param name="KeySuffix">The last segment of the cell key, e.g. <c>issued</c>.</param>
/// <param name="Label">The exact printed column header, e.g. <c>本年制发件数</c>.</param>
/// <param name="Kind">What the column holds.</param>
public sealed record ProactiveColumn(string KeySuffix, string Label, ValueKind Kind);
