using System.Security.Cryptography;
using Gongkai.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.UseCases.Accounts;

/// <summary>Password hashes (the framework's PasswordHasher, PBKDF2) and security stamps, shared by the web and the CLI.</summary>
public static class StaffPasswords
{
    private static readonly PasswordHasher<StaffUserRow> Hasher = new();

    public static string Hash(StaffUserRow user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(StaffUserRow user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>A new random stamp: every sign-in cookie issued before it stops working (checked on each request).</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
