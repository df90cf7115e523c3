namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The provider this run of the suite is on. ACCOUNTABILITY_TEST_PROVIDER=Postgres (the PostgreSQL pass) puts every host
/// a test starts without choosing a provider itself on a PostgreSQL database of its own, on the server named by
/// ACCOUNTABILITY_TEST_POSTGRES (see <see cref="FolderDatabases"/>); SQLite files otherwise.
/// </summary>
public static class TestProvider
{
    public const string Variable = "ACCOUNTABILITY_TEST_PROVIDER";

    public static bool IsPostgres { get; } = string.Equals(Environment.GetEnvironmentVariable(Variable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The server for the PostgreSQL pass. Asking for that pass without a server fails the tests rather than quietly
    /// running them on SQLite, which would report a PostgreSQL pass that never happened.
    /// </summary>
    public static string AdminConnectionString => PostgresDatabase.AdminConnectionString
        ?? throw new InvalidOperationException($"{Variable}=Postgres needs a server: {PostgresDatabase.SkipReason}");
}

/// <summary>A test of SQLite itself (its file, WAL, its lean stores, data folders): skipped, saying why, in the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (TestProvider.IsPostgres) Skip = "SQLite only: " + why;
    }
}

/// <summary>The same for a theory.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute(string why)
    {
        if (TestProvider.IsPostgres) Skip = "SQLite only: " + why;
    }
}
