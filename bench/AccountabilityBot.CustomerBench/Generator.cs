using System.Globalization;
using System.Text;

namespace AccountabilityBot.CustomerBench;

/// <summary>
/// A deterministic, realistic customer history in the canonical CSV format: customers in a dozen groups, each won once,
/// then renewing yearly until some are lost; referrals bring some in. Same seed, same bytes.
/// </summary>
static class Generator
{
    static readonly string[] Groups = ["Dental clinics", "Veterinary", "Labs", "Pharmacies", "Hospitals", "Physio", "Optometry",
        "Dermatology", "Pediatrics", "Urgent care", "Home care", "Telehealth"];
    static readonly string[] LostReasons = ["Price", "Missed deliveries", "Slow support", "Bought by a competitor", "Closed down",
        "Onboarding took too long", "Billing errors", "Missing features", "Champion left", "Outage in October"];
    static readonly string[] RenewReasons = ["Great account manager", "Fast support", "New features", "Fair price", "Reliable deliveries",
        "Training sessions", "Integrations", "Multi-year discount"];

    public static long Write(string path, int customers, int events, int seed, DateOnly lastDay)
    {
        var random = new Random(seed);
        var firstDay = lastDay.AddYears(-3);
        var span = lastDay.DayNumber - firstDay.DayNumber;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("date,type,customer_id,customer_name,customer_group,annual_value,currency,reason,story,referred_by,external_id\n");
        var sb = new StringBuilder(256);
        for (var i = 1; i <= events; i++)
        {
            var customer = random.Next(1, customers + 1);
            var roll = random.Next(100);
            var type = roll < 30 ? "won" : roll < 70 ? "renewed" : roll < 90 ? "lost" : "referral";
            var day = firstDay.AddDays(random.Next(span + 1));
            // Yearly values between 1,000 and about 200,000, most of them small, in whole dollars or with cents.
            var value = Math.Round((decimal)Math.Exp(6.9 + random.NextDouble() * 5.3), random.Next(4) == 0 ? 2 : 0);
            var reason = type switch
            {
                "lost" => LostReasons[random.Next(LostReasons.Length)],
                "renewed" => RenewReasons[random.Next(RenewReasons.Length)],
                _ => "",
            };
            var story = type == "lost" && random.Next(20) == 0
                ? $"\"They told us in their exit call: \"\"{reason.ToLowerInvariant()}\"\", and nobody had called them in months.\""
                : "";
            var referredBy = type == "referral" ? $"Customer {random.Next(1, customers + 1):D6}" : "";
            sb.Clear()
                .Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(type).Append(",CUST-")
                .Append(customer.ToString("D6", CultureInfo.InvariantCulture)).Append(",Customer ").Append(customer.ToString("D6", CultureInfo.InvariantCulture))
                .Append(',').Append(Groups[customer % Groups.Length]).Append(',').Append(value.ToString(CultureInfo.InvariantCulture))
                .Append(",USD,").Append(reason).Append(',').Append(story).Append(',').Append(referredBy)
                .Append(",EV-").Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(sb);
        }
        writer.Flush();
        return writer.BaseStream.Length;
    }
}
