namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// How one kind of CSV file names the fields of a customer event. <see cref="Columns"/> holds the header of each field
/// (null: the format has no such column); a mapping for a CRM export may derive the type from several columns, and skip
/// rows that are no event (open deals).
/// </summary>
public class CsvMapping(string name, RawEvent columns, params string[] required)
{
    public string Name => name;

    public RawEvent Columns => columns;

    /// <summary>Headers that must be present, or nothing can be read.</summary>
    public IReadOnlyList<string> Required => required;

    /// <summary>The event in this row, or null when the row is not an event (skipped, not an error).</summary>
    public virtual RawEvent? Read(Func<string?, string?> cell) => new(
        cell(columns.Date), cell(columns.Type), cell(columns.CustomerId), cell(columns.CustomerName), cell(columns.CustomerGroup),
        cell(columns.AnnualValue), cell(columns.Currency), cell(columns.Reason), cell(columns.Story), cell(columns.ReferredBy),
        cell(columns.ExternalId));

    public static readonly CsvMapping Canonical = new("canonical",
        new RawEvent("date", "type", "customer_id", "customer_name", "customer_group", "annual_value", "currency", "reason", "story",
            "referred_by", "external_id"),
        "date", "type", "customer_name", "annual_value");

    public static IReadOnlyList<CsvMapping> All { get; } = [Canonical, new SalesforceMapping(), new HubSpotMapping()];

    public static CsvMapping? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Canonical : All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A Salesforce opportunities report. Closed Won is a new customer, or a renewal when the opportunity Type is an
/// "Existing Customer" one, or a referral when the Lead Source is a referral; Closed Lost is a lost customer. Open
/// opportunities are skipped.
/// </summary>
public sealed class SalesforceMapping() : CsvMapping("salesforce",
    new RawEvent("Close Date", "Stage", "Account ID", "Account Name", "Industry", "Amount", "Opportunity Currency", "Loss Reason",
        "Description", "Lead Source", "Opportunity ID"),
    "Close Date", "Stage", "Account Name", "Amount", "Opportunity ID")
{
    public override RawEvent? Read(Func<string?, string?> cell)
    {
        var stage = cell("Stage")?.Trim().ToLowerInvariant();
        var existing = cell("Type")?.Contains("existing", StringComparison.OrdinalIgnoreCase) == true;
        var leadSource = cell("Lead Source");
        var referral = leadSource?.Contains("referral", StringComparison.OrdinalIgnoreCase) == true;
        var type = stage switch
        {
            "closed won" when existing => "renewed",
            "closed won" when referral => "referral",
            "closed won" => "won",
            "closed lost" => "lost",
            _ => null,
        };
        if (type is null) return null;
        return base.Read(cell)! with { Type = type, ReferredBy = referral ? leadSource : null };
    }
}

/// <summary>
/// A HubSpot deals export. "Closed won" is a new customer, or a renewal for Deal Type "Existing Business"; "Closed lost" is
/// a lost customer, its reason from "Closed Lost Reason" (won deals take "Closed Won Reason"). Other stages are skipped.
/// </summary>
public sealed class HubSpotMapping() : CsvMapping("hubspot",
    new RawEvent("Close Date", "Deal Stage", "Associated Company IDs", "Associated Company", "Industry", "Amount", "Currency",
        "Closed Lost Reason", "Deal Description", null, "Record ID"),
    "Close Date", "Deal Stage", "Associated Company", "Amount", "Record ID")
{
    public override RawEvent? Read(Func<string?, string?> cell)
    {
        var stage = cell("Deal Stage")?.Trim().ToLowerInvariant();
        var existing = cell("Deal Type")?.Contains("existing", StringComparison.OrdinalIgnoreCase) == true;
        var type = stage switch
        {
            "closed won" or "closedwon" => existing ? "renewed" : "won",
            "closed lost" or "closedlost" => "lost",
            _ => null,
        };
        if (type is null) return null;
        var raw = base.Read(cell)! with { Type = type };
        return type == "lost" ? raw : raw with { Reason = cell("Closed Won Reason") };
    }
}
