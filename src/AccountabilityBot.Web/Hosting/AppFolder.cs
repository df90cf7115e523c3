namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// The bot's own folder (where AccountabilityBot.Web.dll and its appsettings.json are) is its content root, wherever it
/// is started from: a service unit runs `dotnet /opt/bot/AccountabilityBot.Web.dll` from `/`, and the host's default
/// (the working directory) would then miss the bot's appsettings.json and its defaults. A content root given with
/// --contentRoot or ASPNETCORE_CONTENTROOT / DOTNET_CONTENTROOT still wins.
/// </summary>
public static class AppFolder
{
    public static WebApplicationOptions Options(string[] args)
    {
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        return new WebApplicationOptions { Args = args, ContentRootPath = string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : null };
    }
}
