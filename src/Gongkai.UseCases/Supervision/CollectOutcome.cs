namespace Gongkai.UseCases.Supervision;

/// <summary>One collected file: where it went and what its reading found.</summary>
public sealed record CollectOutcome(
    string FileName, CollectStatus Status, string? AgencyCode, string? AgencyName, int? Year, int Errors, int Warnings, int Uncertain, int? Score, string Message)
{
    public bool Stored => Status is CollectStatus.Filed or CollectStatus.NewAgency;

    public static CollectOutcome Refused(string file, CollectStatus status, string message, string? agency = null, string? name = null, int? year = null) =>
        new(file, status, agency, name, year, 0, 0, 0, null, message);
}
