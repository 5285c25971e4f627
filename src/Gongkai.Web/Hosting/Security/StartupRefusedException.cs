namespace Gongkai.Web.Hosting.Security;

/// <summary>The installation cannot start; the message (Chinese, with the path and what to do) is all the operator sees.</summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
