using Gongkai.Domain.Registry;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Notices;

namespace Gongkai.UseCases.Audit;

/// <summary>
/// The audit log's action codes and the words a person reads for them: the one place an action is named in Chinese.
/// Codes stay stable in the database (<c>case.Extend</c>, <c>report.publish</c>…); pages show <see cref="Label"/>.
/// A code not listed here (added by a later feature without a label) is shown as it is, never hidden.
/// </summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignOut = "sign_out";
    public const string CaseRegister = "case.register";
    public const string CaseAssign = "case.assign";
    public const string ReportSave = "report.save";
    public const string ReportPublish = "report.publish";
    public const string ReviewAdd = "review.add";
    public const string ReviewResult = "review.result";
    public const string CalendarUpload = "calendar.upload";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [SignIn] = "登录",
        [SignOut] = "退出登录",
        [CaseRegister] = "登记申请",
        [CaseAssign] = "指派办理人员",
        [ReportSave] = "保存年度报告草稿",
        [ReportPublish] = "发布年度报告",
        [ReviewAdd] = "登记复议或诉讼",
        [ReviewResult] = "登记复议或诉讼结果",
        [CalendarUpload] = "更新工作日历",
        ["user.add"] = "新建账户",
        ["user.disable"] = "停用账户",
        ["user.enable"] = "启用账户",
        ["user.role"] = "变更角色",
        ["user.reset_password"] = "重置密码",
        ["user.change_password"] = "修改密码",
        ["user.password"] = "修改密码",
        ["agency.add"] = "新增机关",
        ["agency.update"] = "修改机关信息",
        ["agency.move"] = "调整上级机关",
        ["agency.close"] = "撤销机关",
        ["agency.guide"] = "修改公开指南和网站设置",
        ["guide.save"] = "修改公开指南",
        ["user.email"] = "设置提醒邮箱",
        ["attachment.add"] = "上传申请附件",
        ["attachments.purge"] = "删除到期附件",
        ["registry.create"] = "起草目录信息",
        ["registry.edit"] = "修改目录信息草稿",
        ["registry.attach"] = "上传目录信息附件",
        ["registry.import"] = "导入信息目录",
        ["registry.counts"] = "导入处理决定数和收费金额",
    };

    /// <summary>The code of a case action (<see cref="CaseActions"/>): <c>case.</c> and the action's name.</summary>
    public static string Case(CaseAction action) => "case." + action;

    /// <summary>The code of printing or downloading a notice: <c>notice.</c> and the notice's kind.</summary>
    public static string Notice(NoticeKind kind) => "notice." + kind;

    /// <summary>The action in Chinese words.</summary>
    public static string Label(string code)
    {
        if (Labels.TryGetValue(code, out var label))
        {
            return label;
        }

        if (code.StartsWith("case.", StringComparison.Ordinal) && Enum.TryParse<CaseAction>(code[5..], out var action) && Enum.IsDefined(action))
        {
            return CaseActions.Label(action);
        }

        if (code.StartsWith("registry.", StringComparison.Ordinal) && Enum.TryParse<ReviewAction>(code[9..], out var step) && Enum.IsDefined(step))
        {
            return "目录信息" + step.Label();
        }

        if (code.StartsWith("notice.", StringComparison.Ordinal) && Enum.TryParse<NoticeKind>(code[7..], out var kind) && Enum.IsDefined(kind))
        {
            return "打印或下载" + Notices.Notice.FileStem(kind);
        }

        return code;
    }
}
