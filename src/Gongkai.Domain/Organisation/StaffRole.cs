namespace Gongkai.Domain.Organisation;

/// <summary>A staff account's role. Stored as its number (0–2 predate the others and keep their values).</summary>
public enum StaffRole
{
    /// <summary>办理人员 — handles the agency's cases.</summary>
    Clerk = 0,

    /// <summary>公开办负责人 — also approves extensions (条例第三十三条) and publishes the annual report.</summary>
    Head = 1,

    /// <summary>管理员 — the agency's administrator: accounts, settings and the guide; also acts as a head.</summary>
    Admin = 2,

    /// <summary>监督人员 — a supervising office's reader: reads, never acts on, the agencies beneath its own.</summary>
    Supervisor = 3,

    /// <summary>系统管理员 — the installation's administrator: agencies and every agency's accounts, no casework.</summary>
    InstallationAdmin = 4,
}
