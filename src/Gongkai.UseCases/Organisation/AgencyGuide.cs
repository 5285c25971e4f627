using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Organisation;

/// <summary>
/// An agency's 政府信息公开指南 and site settings (条例第十二条): read for the public guide page, saved by the agency's
/// administrator. Fields left empty are shown as “未填写” on the guide (the statutory text is always shown).
/// </summary>
public sealed class AgencyGuide(GongkaiDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Field → (label, maximum length); the one list the settings page and the guide page print from.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, int Max, bool Long)> Fields =
    [
        (nameof(AgencyGuideRow.Address), "办公地址", 300, false),
        (nameof(AgencyGuideRow.PostalCode), "邮政编码", 20, false),
        (nameof(AgencyGuideRow.OfficeHours), "办公时间", 300, false),
        (nameof(AgencyGuideRow.Phone), "联系电话", 100, false),
        (nameof(AgencyGuideRow.Fax), "传真号码", 100, false),
        (nameof(AgencyGuideRow.Website), "互联网联系方式（网址）", 300, false),
        (nameof(AgencyGuideRow.Email), "电子邮箱", 200, false),
        (nameof(AgencyGuideRow.HowToApply), "申请的提出", 10_000, true),
        (nameof(AgencyGuideRow.Process), "办理流程", 10_000, true),
        (nameof(AgencyGuideRow.Fees), "收费", 10_000, true),
        (nameof(AgencyGuideRow.Remedies), "救济途径", 10_000, true),
        (nameof(AgencyGuideRow.FreeText), "其他说明", 20_000, true),
        (nameof(AgencyGuideRow.SiteSponsor), "页脚：主办单位（空则用全站设置）", 200, false),
        (nameof(AgencyGuideRow.SiteCode), "页脚：网站标识码", 50, false),
        (nameof(AgencyGuideRow.IcpRecord), "页脚：ICP备案号", 100, false),
        (nameof(AgencyGuideRow.PublicSecurityRecord), "页脚：公安机关备案号", 100, false),
    ];

    public async Task<AgencyGuideRow> LoadAsync(string agency, CancellationToken cancellationToken = default) =>
        await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyCode == agency, cancellationToken) ?? new AgencyGuideRow { AgencyCode = agency };

    public static string Get(AgencyGuideRow row, string field) =>
        (string)typeof(AgencyGuideRow).GetProperty(field)!.GetValue(row)!;

    /// <summary>Saves every field at once; refused (nothing written) when the agency is unknown or a field too long.</summary>
    public async Task<string?> SaveAsync(string agency, IReadOnlyDictionary<string, string?> values, string by, CancellationToken cancellationToken = default)
    {
        if (!await db.Agencies.AnyAsync(a => a.Code == agency, cancellationToken))
        {
            return $"机关“{agency}”不存在。";
        }

        foreach (var (field, label, max, _) in Fields)
        {
            if (values.GetValueOrDefault(field)?.Trim().Length > max)
            {
                return $"“{label}”不能超过 {max} 字。";
            }
        }

        // The address reminders are sent to: one address, as a mail client takes it, or none.
        if (values.GetValueOrDefault(nameof(AgencyGuideRow.Email))?.Trim() is { Length: > 0 } email && !IsMailAddress(email))
        {
            return $"“电子邮箱”不是有效的电子邮件地址：{email}";
        }

        var row = await db.AgencyGuides.SingleOrDefaultAsync(g => g.AgencyCode == agency, cancellationToken);
        if (row is null)
        {
            row = new AgencyGuideRow { AgencyCode = agency };
            db.AgencyGuides.Add(row);
        }

        foreach (var (field, _, _, _) in Fields)
        {
            typeof(AgencyGuideRow).GetProperty(field)!.SetValue(row, values.GetValueOrDefault(field)?.Trim() ?? string.Empty);
        }

        row.UpdatedAtUtcTicks = time.GetUtcNow().UtcTicks;
        row.UpdatedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await audit.RecordAsync(by, agency, "agency.guide", agency, "保存公开指南和网站设置", cancellationToken);
        return null;
    }

    /// <summary>One e-mail address and nothing else (no display name, no list): what reminders can be sent to.</summary>
    public static bool IsMailAddress([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) =>
        !string.IsNullOrWhiteSpace(text) && System.Net.Mail.MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
