using Gongkai.Domain.Applications;
using Gongkai.UseCases.Notices;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Casework settings: <c>Gongkai:Approval:Outcomes</c> (which replies the office head approves: <c>AllButGranted</c>,
/// the default, or <c>All</c>) and <c>Gongkai:Letters</c> (the bodies the reply letter names for 行政复议 and 行政诉讼).
/// </summary>
public sealed class CaseworkSettings
{
    public ApprovalPolicy Approval { get; init; } = ApprovalPolicy.AllButGranted;

    public LetterSettings Letters { get; init; } = new();

    /// <summary>Reads the settings, registers them and the officers' daily digest.</summary>
    public static void AddCasework(WebApplicationBuilder builder)
    {
        var approval = builder.Configuration["Gongkai:Approval:Outcomes"] is { Length: > 0 } text
            ? Enum.TryParse<ApprovalPolicy>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"Gongkai:Approval:Outcomes 只能是 AllButGranted（予以公开以外的答复须经负责人审核）或 All（全部答复须经负责人审核），而不是“{text}”。")
            : ApprovalPolicy.AllButGranted;
        var settings = new CaseworkSettings
        {
            Approval = approval,
            Letters = builder.Configuration.GetSection("Gongkai:Letters").Get<LetterSettings>() ?? new LetterSettings(),
        };
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.Letters);
        Mail.OfficerDigestService.AddDigest(builder);
    }
}
