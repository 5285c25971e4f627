using Gongkai.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddGongkai();
builder.AddRegistry();
var app = builder.Build();
try
{
    app.UseGongkai();
}
catch (Gongkai.Web.Hosting.Security.StartupRefusedException refused)
{
    // What to do, in Chinese, with the path; not a stack trace.
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 1;
    return;
}

app.Run();

/// <summary>Entry point type, visible to the HTTP tests (WebApplicationFactory).</summary>
public partial class Program;
