using System.Security.Cryptography;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Accounts;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo installation: a city. 示例市人民政府办公室 (DEMO) supervises eight departments and three district
/// governments; every agency has a clerk, a head and an administrator, DEMO also a supervisor, and the installation
/// an administrator; every agency has past years' cases and this year's queue. Only for an empty database.
/// </summary>
public sealed class DemoCity(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    public const string Office = "DEMO";

    /// <summary>Code, name, level, kind and the prefix of its officers' user names (DEMO's are plain clerk/head/admin).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, AgencyLevel Level, AgencyKind Kind, string Users)> Agencies =
    [
        (Office, "示例市人民政府办公室", AgencyLevel.City, AgencyKind.Government, ""),
        ("DEMO-FGW", "示例市发展和改革委员会", AgencyLevel.City, AgencyKind.Department, "fgw"),
        ("DEMO-JYJ", "示例市教育局", AgencyLevel.City, AgencyKind.Department, "jyj"),
        ("DEMO-GAJ", "示例市公安局", AgencyLevel.City, AgencyKind.Department, "gaj"),
        ("DEMO-CZJ", "示例市财政局", AgencyLevel.City, AgencyKind.Department, "czj"),
        ("DEMO-ZRJ", "示例市自然资源和规划局", AgencyLevel.City, AgencyKind.Department, "zrj"),
        ("DEMO-HBJ", "示例市生态环境局", AgencyLevel.City, AgencyKind.Department, "hbj"),
        ("DEMO-ZJJ", "示例市住房和城乡建设局", AgencyLevel.City, AgencyKind.Department, "zjj"),
        ("DEMO-WJW", "示例市卫生健康委员会", AgencyLevel.City, AgencyKind.Department, "wjw"),
        ("DEMO-DQ", "示例市东区人民政府", AgencyLevel.County, AgencyKind.Government, "dq"),
        ("DEMO-XQ", "示例市西区人民政府", AgencyLevel.County, AgencyKind.Government, "xq"),
        ("DEMO-NQ", "示例市南区人民政府", AgencyLevel.County, AgencyKind.Government, "nq"),
    ];

    public sealed record Account(string User, string Agency, StaffRole Role);

    public sealed record Summary(int Agencies, int Applications, int Reviews, int ThisYear, IReadOnlyList<Account> Accounts, string Password);

    /// <summary>
    /// Seeds the city. Every demo account has the same password: <paramref name="fixedPassword"/>, or a random one
    /// returned to print once (only its hash is stored). DEMO keeps the single-agency demo's numbers (200 past cases
    /// over two years, 60 this year); the others have fewer.
    /// </summary>
    public Summary Run(string? fixedPassword, int officeCases = 200, int otherCases = 30, int years = 2)
    {
        var seeder = new DemoSeeder(db, calendar, time);
        var applications = 0;
        var reviews = 0;
        var thisYear = 0;
        var accounts = new List<Account>();
        var random = new Random(20261122);
        var number = 0;
        foreach (var (code, name, level, kind, users) in Agencies)
        {
            db.Agencies.Add(new AgencyRow { Code = code, Name = name, ParentCode = code == Office ? null : Office, Level = (int)level, Kind = (int)kind });
            // The guide's contacts (条例第二十四条): what the public page shows and the supervisor's 催报 mails go to.
            number++;
            db.AgencyGuides.Add(new AgencyGuideRow
            {
                AgencyCode = code,
                Address = $"示例市人民路 {100 + number} 号",
                PostalCode = "000000",
                OfficeHours = "工作日 9:00—12:00，13:30—17:00",
                Phone = $"0000-8800{number:00}",
                // A reserved name (RFC 2606): a demo with a mail server set delivers nothing to anyone.
                Email = $"gk@{(users.Length == 0 ? "gov" : users)}.demo.example",
                UpdatedAtUtcTicks = time.GetUtcNow().UtcTicks,
                UpdatedBy = "demo",
            });
            db.SaveChanges();
            var (a, r) = seeder.RunHistory(random, code, code == Office ? officeCases : otherCases, years);
            applications += a;
            reviews += r;
            var prefix = users.Length == 0 ? string.Empty : users + ".";
            foreach (var role in new[] { StaffRole.Clerk, StaffRole.Head, StaffRole.Admin })
            {
                accounts.Add(new Account(prefix + role.Name(), code, role));
            }

            thisYear += seeder.RunCurrentYear(code, code == Office ? 60 : 12, [prefix + "clerk", prefix + "head"], seed: code == Office ? 20261123 : 20261123 + accounts.Count);
        }

        accounts.Add(new Account("supervisor", Office, StaffRole.Supervisor));
        accounts.Add(new Account("sysadmin", string.Empty, StaffRole.InstallationAdmin));
        var password = fixedPassword ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(9));

        // One hash for all: they share the password, and hashing (PBKDF2) forty times would slow every start.
        var hash = StaffPasswords.Hash(new StaffUserRow(), password);
        foreach (var account in accounts)
        {
            db.StaffUsers.Add(new StaffUserRow
            {
                UserName = account.User,
                DisplayName = account.Agency == Office || account.Agency.Length == 0
                    ? $"{account.Role.Label()}（演示）"
                    : $"{account.Role.Label()}（{Agencies.First(a => a.Code == account.Agency).Name.Replace("示例市", string.Empty, StringComparison.Ordinal)}）",
                Role = (int)account.Role,
                AgencyCode = account.Agency,
                PasswordHash = hash,
                SecurityStamp = StaffPasswords.NewStamp(),
            });
        }

        db.SaveChanges();
        db.ChangeTracker.Clear();
        new SupervisionDemo(db, time).Run();
        return new Summary(Agencies.Count, applications, reviews, thisYear, accounts, password);
    }
}
