using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("AccountabilityBot.Core.Tests")]

namespace AccountabilityBot.Core.Grammar;

/// <summary>
/// A friendly "that's not quite right" raised deep inside a value reader and caught once in
/// <see cref="CommandParser"/>, so each reader stays a one-liner instead of threading error results
/// through every call. It never escapes the parser.
/// </summary>
internal sealed class ParseFailure(string message) : Exception(message);

/// <summary>Length limits, shared so errors and help agree.</summary>
internal static class Limits
{
    public const int Message = 4000;
    public const int Title = 500;
    public const int Note = 4000;
}
