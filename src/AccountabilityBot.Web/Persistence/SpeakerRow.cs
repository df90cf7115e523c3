using System.Data.Common;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Web.Persistence;

/// <summary>The speaker of a `resolved` as both lean stores look it up: one query, one way to read its row.</summary>
static class SpeakerRow
{
    /// <summary>The query, with the provider's markers for the platform's and the user id's parameters.</summary>
    public static string Sql(string platform, string userId) => $"""
        SELECT "Id", "PlatformUserId", "DisplayName", "Role", "TimeZone", "Email" FROM "Members"
        WHERE "Platform" = {platform} AND "PlatformUserId" = {userId}
        """;

    public static Member? Read(DbDataReader reader, ChatPlatform platform) => !reader.Read() ? null : new Member
    {
        Id = reader.GetInt32(0),
        Platform = platform,
        PlatformUserId = reader.GetString(1),
        DisplayName = reader.GetString(2),
        Role = Enum.Parse<Role>(reader.GetString(3)),
        TimeZone = reader.IsDBNull(4) ? null : reader.GetString(4),
        Email = reader.IsDBNull(5) ? null : reader.GetString(5),
    };
}
