using System.Reflection;
using Xunit.Sdk;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// One database for a web theory: "sqlite" always, "postgres" when GONGKAI_TEST_POSTGRES is set (else skipped with the
/// reason), as in the integration tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DatabasesAttribute : DataAttribute
{
    public DatabasesAttribute(string provider)
    {
        Provider = provider;
        if (provider == "postgres" && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresDatabase.Variable)))
        {
            Skip = $"PostgreSQL not configured: set {PostgresDatabase.Variable}";
        }
    }

    public string Provider { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Provider]];

    /// <summary>A factory on <paramref name="provider"/>; the PostgreSQL database (if any) is the caller's to dispose.</summary>
    public static (GongkaiFactory Factory, PostgresDatabase? Postgres) Factory(string provider, Func<string?, GongkaiFactory>? make = null)
    {
        var postgres = provider == "postgres" ? PostgresDatabase.Create() : null;
        var factory = make is null ? new GongkaiFactory { DatabaseSetting = postgres?.ConnectionString } : make(postgres?.ConnectionString);
        return (factory, postgres);
    }
}
