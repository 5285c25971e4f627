namespace Gongkai.UseCases.Accounts;

/// <summary>
/// What a staff password must be: at least <see cref="MinLength"/> characters, not containing the user name,
/// not one of the bundled common passwords (compared case-insensitively), and not one character repeated.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Null when acceptable, else the reason in Chinese.</summary>
    public static string? Check(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"密码太短：至少 {MinLength} 个字符。";
        }

        if (!string.IsNullOrWhiteSpace(userName) && password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名。";
        }

        if (password.Distinct().Count() == 1)
        {
            return "密码不能由同一个字符重复组成。";
        }

        if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            return "这是常见密码，容易被猜中，请换一个。";
        }

        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Gongkai.UseCases.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
