using System.CommandLine;
using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai deadline --received YYYY-MM-DD [--channel …] [--extend N] [--pause A..B]...</c>: the reply
/// deadline (条例第三十三条) in working days under the official calendar, with its explanation.
/// </summary>
public static class DeadlineCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var received = new Option<string>("--received") { Description = "收到申请之日（YYYY-MM-DD），即第 0 日", Required = true };
        var channel = new Option<string>("--channel")
        {
            Description = "提交方式：in-person（当面）、registered-post（邮寄需签收）、ordinary-post（平常信函）、online（互联网）、fax（传真）",
            DefaultValueFactory = _ => "in-person",
        }.AcceptOnlyFromAmong("in-person", "registered-post", "ordinary-post", "online", "fax");
        var extend = new Option<int>("--extend") { Description = "经批准延长的工作日数（最多 20，条例第三十三条第二款）" };
        var pause = new Option<string[]>("--pause") { Description = "不计入期限的时段 YYYY-MM-DD..YYYY-MM-DD（征求第三方或其他机关意见），可多次指定", AllowMultipleArgumentsPerToken = false };
        var calendarFile = new Option<FileInfo?>("--calendar") { Description = "用此文件代替内置的节假日数据（格式同 data/cn-holidays.csv）；也可用环境变量 GONGKAI_CALENDAR" };
        var command = new Command("deadline", "计算依申请公开的答复期限（按国务院公布的节假日和调休计算工作日）")
        {
            received, channel, extend, pause, calendarFile,
        };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(received), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                stderr.WriteLine($"用法错误：--received 应为 YYYY-MM-DD 格式的日期，收到“{parse.GetValue(received)}”。");
                return ExitCodes.Unreadable;
            }

            var extension = parse.GetValue(extend);
            if (extension is < 0 or > 20)
            {
                stderr.WriteLine("用法错误：延长答复期限最长不得超过 20 个工作日（条例第三十三条第二款）。");
                return ExitCodes.Unreadable;
            }

            var pauses = new List<Pause>();
            foreach (var text in parse.GetValue(pause) ?? [])
            {
                var parts = text.Split("..");
                if (parts.Length != 2 ||
                    !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ||
                    !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
                {
                    stderr.WriteLine($"用法错误：--pause 应为 YYYY-MM-DD..YYYY-MM-DD（起止日期，含两端），收到“{text}”。");
                    return ExitCodes.Unreadable;
                }

                pauses.Add(new Pause(from, to, "征求第三方或其他机关意见"));
            }

            var calendar = CalendarSource.Load(parse.GetValue(calendarFile)?.FullName, stderr);
            if (calendar is null)
            {
                return ExitCodes.Unreadable;
            }

            ReceiptChannels.TryParse(parse.GetValue(channel), out var how);
            var basis = extension > 0
                ? $"条例第三十三条：自收到申请之日起 20 个工作日内答复，经批准延长 {extension} 个工作日"
                : "条例第三十三条第二款：自收到申请之日起 20 个工作日内予以答复";
            var deadline = WorkingDays.Explain(calendar, start, 20 + extension, basis, pauses);
            stdout.WriteLine($"due: {deadline.Due:yyyy-MM-dd}");
            stdout.WriteLine($"收到申请：{how.Label()}，{how.ReceiptRule()}。");
            foreach (var line in deadline.Explain())
            {
                stdout.WriteLine(line);
            }

            stdout.WriteLine($"日历：{calendar.Version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
