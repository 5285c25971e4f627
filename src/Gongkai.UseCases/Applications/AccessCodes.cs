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

    /// <summary>
    /// The access code of a submission made with an idempotency key: derived from the key under the secret, so a
    /// resubmission with the same key is answered with the same code although only its hash is stored.
    /// </summary>
    public static string ForKey(string secret, string keyHash)
    {
        var bytes = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("access-code:" + keyHash));
        return string.Concat(bytes.Take(8).Select(b => Alphabet[b % Alphabet.Length]));
    }

    /// <summary>What is stored of an idempotency key: its HMAC under the secret.</summary>
    public static string KeyHash(string secret, string key) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("idempotency:" + key.Trim())));

    public static string Hash(string secret, string trackingNumber, string code) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(trackingNumber + ":" + code.Trim().ToUpperInvariant())));

    public static bool Matches(string secret, string trackingNumber, string code, string? storedHash) =>
        storedHash is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret, trackingNumber, code)), Encoding.ASCII.GetBytes(storedHash));
}
