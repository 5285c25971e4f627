using Gongkai.Domain.Applications;
using Gongkai.UseCases.Applications;

namespace Gongkai.Web.Pages;

/// <summary>What the 回执 prints (Pages/Shared/_Receipt.cshtml): at registration, or reprinted by the applicant.</summary>
/// <param name="ReprintedOn">The day the applicant reprinted it from the status page; null for the original.</param>
public sealed record ReceiptView(SubmitApplication.Receipt Receipt, DisclosureApplication Application, string AgencyName, string StatusUrl, DateOnly? ReprintedOn = null);
