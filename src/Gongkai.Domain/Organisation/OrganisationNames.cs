namespace Gongkai.Domain.Organisation;

/// <summary>
/// The one map between the organisation's closed sets and their words: the Chinese label people read and the
/// English name the command line, the JSON and the cookie's role claim use.
/// </summary>
public static class OrganisationNames
{
    public static string Label(this AgencyLevel level) => level switch
    {
        AgencyLevel.StateCouncilDepartment => "国务院部门",
        AgencyLevel.Province => "省",
        AgencyLevel.City => "市",
        AgencyLevel.County => "县",
        AgencyLevel.Township => "乡镇街道",
    };

    public static string Name(this AgencyLevel level) => level switch
    {
        AgencyLevel.StateCouncilDepartment => "state-council-dept",
        AgencyLevel.Province => "province",
        AgencyLevel.City => "city",
        AgencyLevel.County => "county",
        AgencyLevel.Township => "township",
    };

    public static string Label(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.Department => "部门",
        AgencyKind.Other => "其他",
    };

    public static string Name(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "government",
        AgencyKind.Department => "department",
        AgencyKind.Other => "other",
    };

    public static string Label(this StaffRole role) => role switch
    {
        StaffRole.Clerk => "办理人员",
        StaffRole.Head => "公开办负责人",
        StaffRole.Admin => "管理员",
        StaffRole.Supervisor => "监督人员",
        StaffRole.InstallationAdmin => "系统管理员",
    };

    public static string Name(this StaffRole role) => role switch
    {
        StaffRole.Clerk => "clerk",
        StaffRole.Head => "head",
        StaffRole.Admin => "admin",
        StaffRole.Supervisor => "supervisor",
        StaffRole.InstallationAdmin => "installation-admin",
    };

    public static AgencyLevel? ParseLevel(string? name) =>
        Enum.GetValues<AgencyLevel>().Select(l => (AgencyLevel?)l).FirstOrDefault(l => l!.Value.Name() == name);

    public static AgencyKind? ParseKind(string? name) =>
        Enum.GetValues<AgencyKind>().Select(k => (AgencyKind?)k).FirstOrDefault(k => k!.Value.Name() == name);

    public static StaffRole? ParseRole(string? name) =>
        Enum.GetValues<StaffRole>().Select(r => (StaffRole?)r).FirstOrDefault(r => r!.Value.Name() == name);

    /// <summary>Whether the role works a single agency's cases (the supervisor reads; the installation admin administers).</summary>
    public static bool ActsOnCases(this StaffRole role) => role is StaffRole.Clerk or StaffRole.Head or StaffRole.Admin;
}
