namespace Gongkai.Domain.Reviews;

/// <summary>结果维持 · 结果纠正 · 其他结果 · 尚未审结.</summary>
public enum ReviewResult
{
    Pending,
    Upheld,
    Corrected,
    Other,
}
