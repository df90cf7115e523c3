using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// Checks one raw event and turns it into a <see cref="CustomerEventInput"/>, or lists every problem with it. The CSV
/// import and the webhook share it, so a row means the same thing whichever way it arrives.
/// </summary>
/// <param name="columns">The names the source uses for each field, so problems name the column the person sees.</param>
public sealed class EventValidator(RawEvent columns, string currency, DateOnly today)
{
    public const int MaxName = 200, MaxText = 4000;

    static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "M/d/yyyy"];

    public CustomerEventInput? Validate(RawEvent raw, List<(string Column, string Reason)> problems)
    {
        var before = problems.Count;
        var date = Date(raw.Date, problems);
        var kind = Kind(raw.Type, problems);
        var customerId = Text(raw.CustomerId, columns.CustomerId!, MaxName, problems);
        var name = Text(raw.CustomerName, columns.CustomerName!, MaxName, problems) ?? customerId;
        if (name is null) problems.Add((columns.CustomerName!, "is empty; every event needs the customer's name"));
        var value = Value(raw.AnnualValue, kind, problems);
        if (!string.IsNullOrWhiteSpace(raw.Currency) && !string.Equals(raw.Currency.Trim(), currency, StringComparison.OrdinalIgnoreCase))
            problems.Add((columns.Currency!, $"is '{Echo(raw.Currency)}', but every value must be in {currency}, the bot's currency"));
        var group = Text(raw.CustomerGroup, columns.CustomerGroup!, MaxName, problems);
        var reason = Text(raw.Reason, columns.Reason!, MaxText, problems);
        var story = Text(raw.Story, columns.Story!, MaxText, problems);
        var referredBy = Text(raw.ReferredBy, columns.ReferredBy!, MaxName, problems);
        var externalId = Text(raw.ExternalId, columns.ExternalId!, MaxName, problems);
        if (problems.Count > before) return null;

        return new CustomerEventInput(
            externalId ?? StableId(kind!.Value, date!.Value, customerId ?? name!),
            kind!.Value, date!.Value, customerId, name!, group, value!.Value, reason,
            kind == CustomerEventKind.Lost ? story : null, // a story is why a customer left; other rows' descriptions are not stories
            kind == CustomerEventKind.Referral ? referredBy : null);
    }

    /// <summary>"h:" and 32 hex digits of SHA-256 over kind, date and customer: the same event gets the same id on every import.</summary>
    public static string StableId(CustomerEventKind kind, DateOnly date, string customer)
    {
        var key = $"{kind}|{date:yyyy-MM-dd}|{customer.Trim().ToLowerInvariant()}";
        return "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    DateOnly? Date(string? text, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return Fail<DateOnly>(problems, columns.Date!, "is empty; give the date as 2026-10-05");
        if (!DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
            return Fail<DateOnly>(problems, columns.Date!, $"'{Echo(text)}' is not a date; use 2026-10-05");
        var date = DateOnly.FromDateTime(parsed);
        if (date > today.AddDays(1)) return Fail<DateOnly>(problems, columns.Date!, $"{date:yyyy-MM-dd} is in the future");
        if (date.Year < 1990) return Fail<DateOnly>(problems, columns.Date!, $"{date:yyyy-MM-dd} is too long ago");
        return date;
    }

    CustomerEventKind? Kind(string? text, List<(string, string)> problems) =>
        text?.Trim().ToLowerInvariant() switch
        {
            "won" or "new" => CustomerEventKind.Won,
            "lost" => CustomerEventKind.Lost,
            "renewed" or "renewal" => CustomerEventKind.Renewed,
            "referral" or "referred" => CustomerEventKind.Referral,
            null or "" => Fail<CustomerEventKind>(problems, columns.Type!, "is empty; use won, lost, renewed or referral"),
            _ => Fail<CustomerEventKind>(problems, columns.Type!, $"'{Echo(text)}' is not a type I know; use won, lost, renewed or referral"),
        };

    decimal? Value(string? text, CustomerEventKind? kind, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return kind == CustomerEventKind.Referral ? 0m : Fail<decimal>(problems, columns.AnnualValue!, "is empty; give the yearly value, like 36000");
        var value = Amounts.Read(text, "the value", out var problem);
        return value ?? Fail<decimal>(problems, columns.AnnualValue!, $"'{Echo(text)}': {problem}");
    }

    static string? Text(string? text, string column, int max, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length <= max) return trimmed;
        problems.Add((column, $"is {trimmed.Length:N0} characters long; the most is {max:N0}"));
        return null;
    }

    static T? Fail<T>(List<(string, string)> problems, string column, string reason) where T : struct
    {
        problems.Add((column, reason));
        return null;
    }

    /// <summary>At most 40 characters of what was there, so a report never repeats a whole bad cell.</summary>
    static string Echo(string text) => text.Length <= 40 ? text.Trim() : text[..40].Trim() + "…";
}
