using Gongkai.Domain.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Marks a staff page whose form posts are not casework (sign-in and sign-out, one's own password, a supervisor's choice
/// of agency, account and agency administration): every role may post to it, each page checking its own rights.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotCaseworkAttribute : Attribute;

/// <summary>
/// Reads for supervisors are not writes: on a staff page, a form post (any action) is for the roles that work an
/// agency's cases — clerk, head, admin. A supervisor or the installation administrator gets 403, before the page's
/// handler runs, unless the page is <see cref="NotCaseworkAttribute"/>. (The scoped context refuses writes too.)
/// </summary>
public sealed class CaseworkOnly : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.ActionDescriptor.ViewEnginePath.StartsWith("/Staff/", StringComparison.Ordinal)
            && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)
            && http.User.Identity?.IsAuthenticated == true
            && !(http.User.Role() is { } role && role.ActsOnCases())
            && context.HandlerInstance.GetType().GetCustomAttributes(typeof(NotCaseworkAttribute), inherit: true).Length == 0)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return Task.CompletedTask;
        }

        return next();
    }
}
