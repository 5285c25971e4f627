using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 4: a tracking number drawn twice is drawn again, not a 500.</summary>
public sealed class TrackingNumberTests
{
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Submit_SerialAlreadyIssued_DrawsAnotherAndSaves(string provider)
    {
        var (factory, postgres) = DatabasesAttribute.Factory(provider);
        using var database = postgres;
        using var _ = factory;
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var draws = new Queue<int>([424242, 424242, 515151]);
        SubmitApplication Submit() => new(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<WorkingDayCalendar>(),
            TimeProvider.System, services.GetRequiredService<GongkaiOptions>().AccessCodeSecret)
        { Serials = draws.Dequeue };
        var form = new ApplicationForm
        {
            Name = "王五",
            IdProof = "110101199001011237",
            Contact = "13800000000",
            Request = "道路维修项目清单",
            Agency = "DEMO",
        };

        var (first, _) = await Submit().RunAsync(form, "公众（网上申请）");
        var (second, errors) = await Submit().RunAsync(form, "公众（网上申请）");

        Assert.Empty(errors);
        Assert.EndsWith("-424242", first!.TrackingNumber, StringComparison.Ordinal);
        Assert.EndsWith("-515151", second!.TrackingNumber, StringComparison.Ordinal);
        Assert.Empty(draws);
    }
}
