namespace AccountabilityBot.Core.Tests.Support;

/// <summary>
/// The provider this run of the suite is on: ACCOUNTABILITY_TEST_PROVIDER=Postgres puts every test database on the
/// PostgreSQL server named by ACCOUNTABILITY_TEST_POSTGRES (an administrator's connection string); SQLite otherwise.
/// </summary>
public static class TestProvider
{
    public const string Variable = "ACCOUNTABILITY_TEST_PROVIDER";
    public const string ServerVariable = "ACCOUNTABILITY_TEST_POSTGRES";

    public static bool IsPostgres { get; } = string.Equals(Environment.GetEnvironmentVariable(Variable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The server for the PostgreSQL pass. Asking for that pass without a server fails every test rather than quietly
    /// running them on SQLite, which would report a PostgreSQL pass that never happened.
    /// </summary>
    public static string AdminConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"{Variable}=Postgres needs a server: set {ServerVariable} to an administrator's connection string.");
}

/// <summary>A test of SQLite itself (its file, its migrations one by one): skipped, saying why, in the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (TestProvider.IsPostgres) Skip = "SQLite only: " + why;
    }
}
