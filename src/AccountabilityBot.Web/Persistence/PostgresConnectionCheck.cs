using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Persistence;

/// <summary>Database:Provider=Postgres needs ConnectionStrings:Accountability, in a form Npgsql reads, naming a server.</summary>
public sealed class PostgresConnectionCheck(IConfiguration config) : IValidateOptions<DatabaseSettings>
{
    public ValidateOptionsResult Validate(string? name, DatabaseSettings settings) =>
        !settings.IsPostgres ? ValidateOptionsResult.Skip
        : PostgresPersistence.Problem(config.GetConnectionString("Accountability")) is { } problem ? ValidateOptionsResult.Fail(problem)
        : ValidateOptionsResult.Success;
}
