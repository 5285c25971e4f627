using Gongkai.Domain.Organisation;

namespace Gongkai.UseCases.Organisation;

/// <summary>An agency as the directory describes it.</summary>
public sealed record AgencyInfo(string Code, string Name, AgencyLevel Level, AgencyKind Kind, string? Parent, DateOnly? ClosedOn)
{
    public bool Active => ClosedOn is null;
}
