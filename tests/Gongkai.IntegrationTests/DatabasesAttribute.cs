using System.Reflection;
using Xunit.Sdk;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Supplies one database to a theory. SQLite always runs (a fresh file); PostgreSQL runs when
/// GONGKAI_TEST_POSTGRES holds a connection string, and otherwise shows as skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DatabasesAttribute : DataAttribute
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    public DatabasesAttribute(string provider)
    {
        Provider = provider;
        if (provider == "postgres" && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            Skip = $"PostgreSQL not configured: set {PostgresVariable} (bash .ci/run installs Debian's postgresql and sets it)";
        }
    }

    public string Provider { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Provider]];
}
