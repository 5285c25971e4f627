using System.Security.Cryptography;
using System.Text;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// The applicant's access code for the public status page: random, shown once, stored only as an HMAC of
/// tracking number and code under the server's secret, compared in constant time.
/// </summary>
public static class AccessCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));

    public static string Hash(string secret, string trackingNumber, string code) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(trackingNumber + ":" + code.Trim().ToUpperInvariant())));

    public static bool Matches(string secret, string trackingNumber, string code, string? storedHash) =>
        storedHash is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret, trackingNumber, code)), Encoding.ASCII.GetBytes(storedHash));
}
