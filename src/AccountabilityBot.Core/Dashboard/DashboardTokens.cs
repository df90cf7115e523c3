using System.Security.Cryptography;
using System.Text;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>Random tokens for sign-in links and sessions, and the hash that is all the database keeps of them.</summary>
public static class DashboardTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
