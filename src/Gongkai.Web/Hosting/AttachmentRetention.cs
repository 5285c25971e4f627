using Gongkai.Persistence;
using Gongkai.UseCases.Attachments;
using Gongkai.UseCases.Time;

namespace Gongkai.Web.Hosting;

/// <summary>Once a day: deletes the files of cases closed longer ago than the retention setting, and audits each case.</summary>
public sealed class AttachmentRetention(IServiceScopeFactory scopes, TimeProvider time, AttachmentSettings settings, ILogger<AttachmentRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.RetentionDays <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), time);
        do
        {
            try
            {
                await RunOnceAsync(scopes, time, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "附件保存期限清理失败");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One purge: the files past retention deleted, one audit entry per case.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var purged = await scope.ServiceProvider.GetRequiredService<AttachmentStore>().PurgeAsync(ChinaDate.Today(time), cancellationToken);
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        foreach (var (agency, tracking, files) in purged)
        {
            audit.Record("系统", agency, "attachments.purge", tracking, $"附件保存期限届满，删除 {files} 个附件文件（记录保留）");
        }

        return purged.Sum(p => p.Files);
    }
}
