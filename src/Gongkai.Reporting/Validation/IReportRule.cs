using Gongkai.Domain.Diagnostics;

namespace Gongkai.Reporting.Validation;

/// <summary>One validation rule. Rules are independent and never throw on any report.</summary>
public interface IReportRule
{
    IEnumerable<Diagnostic> Check(ValidationContext context);
}
