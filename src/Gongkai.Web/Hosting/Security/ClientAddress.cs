using System.Net;
using System.Net.Sockets;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// The key a client's requests are counted under: its address after ForwardedHeaders (so behind a trusted proxy each
/// citizen is counted on their own, not all under the proxy's address), an IPv6 client by its /64 (one subscriber
/// holds a whole /64 and could otherwise rotate through 2^64 addresses).
/// </summary>
public static class ClientAddress
{
    public static string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
