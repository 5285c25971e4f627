using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Notifications;
using Gongkai.UseCases.Time;

namespace Gongkai.Web.Mail;

/// <summary>Settings under <c>Gongkai:Digest</c>.</summary>
public sealed class DigestSettings
{
    /// <summary>Off: no daily digest even with a mail server.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The hour (Beijing time, 0–23) from which the day's digest is queued.</summary>
    public int Hour { get; set; } = 8;

    /// <summary>How often the service looks whether a digest is owed.</summary>
    public double CheckSeconds { get; set; } = 300;
}

/// <summary>
/// Queues the officers' daily digest (<see cref="OfficerDigests"/>) through the outbox: from <see cref="DigestSettings.Hour"/>
/// Beijing time each day, every officer without today's digest gets one if they have something due. Safe to run
/// on several servers and across restarts: the outbox's unique key admits one digest per officer per day.
/// </summary>
public sealed class OfficerDigestService(IServiceScopeFactory scopes, DigestSettings settings, TimeProvider time, ILogger<OfficerDigestService> log) : BackgroundService
{
    /// <summary>Registers the settings and, with a mail server configured and the digest on, the service.</summary>
    public static void AddDigest(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Gongkai:Digest").Get<DigestSettings>() ?? new DigestSettings();
        if (settings.Hour is < 0 or > 23)
        {
            throw new InvalidOperationException($"Gongkai:Digest:Hour 应为 0 至 23 之间的整数（北京时间的小时），而不是 {settings.Hour}。");
        }

        builder.Services.AddSingleton(settings);
        var smtp = builder.Configuration.GetSection("Gongkai:Smtp").Get<SmtpSettings>() ?? new SmtpSettings();
        if (settings.Enabled && smtp.Enabled)
        {
            builder.Services.AddHostedService<OfficerDigestService>();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, settings.CheckSeconds)), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "每日待办提醒出错");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: before the hour nothing; from it, today's digests not yet queued. Returns how many were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToOffset(ChinaDate.Offset);
        if (now.Hour < settings.Hour)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var digests = new OfficerDigests(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<WorkingDayCalendar>());
        var queued = await digests.QueueAsync(services.GetRequiredService<Outbox>(), DateOnly.FromDateTime(now.DateTime), cancellationToken);
        if (queued > 0)
        {
            log.LogInformation("已排队 {Count} 封每日待办提醒", queued);
        }

        return queued;
    }
}
