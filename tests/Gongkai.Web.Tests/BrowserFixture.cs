using Gongkai.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// The real app on Kestrel (a random port on 127.0.0.1, a fresh SQLite file with the demo data) and Debian's
/// Chromium driven by Playwright, headless. Playwright cannot download its own browser here, so it is given
/// the system one (<c>GONGKAI_CHROMIUM</c>, default /usr/bin/chromium).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public static readonly string Chromium = Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Why the browser tests are skipped, or null when Chromium is installed.</summary>
    public static readonly string? SkipReason = File.Exists(Chromium) ? null : $"{Chromium} not installed (apt-get install chromium)";

    /// <summary>Screenshots of every scenario step, kept as test artifacts.</summary>
    public static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    private readonly GongkaiFactory _factory;

    public BrowserFixture()
        : this(new GongkaiFactory())
    {
    }

    /// <summary>A fixture over a factory with its own settings (e.g. a mail server).</summary>
    protected BrowserFixture(GongkaiFactory factory) => _factory = factory;
    private readonly List<IPage> _pages = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();

        // A 2-core CI machine running other test assemblies beside this one can be slow: generous waits.
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _factory.Dispose();
    }

    /// <summary>A fresh browser context (its own cookies), Chinese locale, China time.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        lock (_pages)
        {
            _pages.Add(page);
        }

        return page;
    }

    /// <summary>Runs a scenario; when it fails, every page it opened is photographed (failed-NAME-N.png) first.</summary>
    public async Task Scenario(string name, Func<Task> body)
    {
        lock (_pages)
        {
            _pages.Clear();
        }

        try
        {
            await body();
        }
        catch
        {
            IPage[] pages;
            lock (_pages)
            {
                pages = [.. _pages];
            }

            for (var i = 0; i < pages.Length; i++)
            {
                try
                {
                    await Shot(pages[i], $"failed-{name}-{i}");
                }
                catch (PlaywrightException)
                {
                    // A closed or crashed page: the original failure is what matters.
                }
            }

            throw;
        }
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
}

/// <summary>
/// The browser tests run on their own, after the other tests (xunit runs non-parallel collections last): they start
/// a browser and a server, and their waits should not compete with password hashing in twenty other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}

/// <summary>A browser fact: skipped with the reason when Chromium is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserFixture.SkipReason;
}
