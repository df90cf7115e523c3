namespace AccountabilityBot.Web.Tests.Support;

/// <summary>A test that needs a PostgreSQL server: skipped, saying why, when ACCOUNTABILITY_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.AdminConnectionString is null) Skip = PostgresDatabase.SkipReason;
    }
}

/// <summary>
/// The providers a theory over providers runs on: SQLite, and PostgreSQL when a server is given. The PostgreSQL pass
/// (<see cref="TestProvider"/>) runs only the PostgreSQL row: the SQLite one is the default pass's, and running it again
/// would test nothing new.
/// </summary>
public static class Providers
{
    public static TheoryData<string> All => new(Names);

    /// <summary>The same, for a theory that crosses them with cases of its own.</summary>
    public static string[] Names =>
        TestProvider.IsPostgres ? ["Postgres"] : PostgresDatabase.AdminConnectionString is null ? ["Sqlite"] : ["Sqlite", "Postgres"];
}
