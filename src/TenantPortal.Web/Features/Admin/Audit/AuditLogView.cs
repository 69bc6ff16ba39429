using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.ContactDetails;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Audit;

/// <summary>One audit entry as an officer reads it: who did what to which record in a sentence, the record a link
/// named in words (a repair's reference, a tenant's or officer's name, a payment's amount and tenancy: never a long
/// id), and the values before and after as a small table of fields in words.</summary>
public sealed record AuditEntryView(DateTime At, string Actor, string Did, RecordLink Record, IReadOnlyList<AuditChange> Changes)
{
    public bool HasBefore => Changes.Any(c => c.Before is not null);
}

public sealed record RecordLink(string Text, string? Href);

public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>Builds <see cref="AuditEntryView"/>s for a page of the log: the records they name are read in one query per
/// kind (payments, staff and portal accounts, tenants), not one per row.</summary>
public sealed class AuditLogView(PortalDbContext portal, HousingDbContext housing)
{
    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["repair.status-changed"] = "changed the status of",
        ["repair.priority-changed"] = "changed the priority of",
        ["repair.appointment-booked"] = "booked an appointment for",
        ["repair.appointment-moved"] = "moved the appointment for",
        ["repair.cancelled"] = "cancelled",
        ["repair.completed"] = "marked as completed",
        ["repair.note-added"] = "added a note for the tenant to",
        ["repair.reported-for-tenant"] = "reported, for the tenant,",
        ["payment.refund-requested"] = "asked for a refund of",
        ["payment.dispute-opened"] = "received a dispute about",
        ["payment.dispute-updated"] = "updated the dispute about",
        ["payment.dispute-won"] = "won the dispute about",
        ["payment.dispute-lost"] = "lost the dispute about",
        ["contact-details.changed"] = "changed the contact details of",
        ["contact-details.email-change-requested"] = "asked to change the email address of",
        ["staff-account.invited"] = "invited",
        ["staff-account.disabled"] = "disabled the account of",
        ["staff-account.enabled"] = "enabled the account of",
        ["staff-account.two-factor-reset"] = "reset the two-factor authentication of",
        ["staff-account.patch-chosen"] = "chose the patch of",
        ["portal-account.unlocked"] = "unlocked the portal account of",
        ["portal-account.confirmation-resent"] = "sent the account confirmation email again to",
        ["repairs.exported"] = "downloaded as a spreadsheet",
    };

    /// <summary>Fields that only identify something already named by the sentence, or are long ids.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Version", "RefundId", "DisputeId", "Filters" };

    private static readonly HashSet<string> EnumNames = typeof(AuditLogView).Assembly.GetTypes()
        .Where(t => t.IsEnum).SelectMany(Enum.GetNames).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<AuditEntryView>> BuildAsync(IReadOnlyList<AuditRow> rows, IUrlHelper url, CancellationToken ct)
    {
        var paymentIds = rows.Where(r => r.RecordType == "PaymentAttempt").Select(r => Guid.TryParse(r.RecordId, out var id) ? id : Guid.Empty).Distinct().ToList();
        var payments = await portal.PaymentAttempts.AsNoTracking().Where(p => paymentIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Amount, p.TenancyReference }).ToDictionaryAsync(p => p.Id.ToString(), ct);
        var userIds = rows.Where(r => r.RecordType is "StaffAccount" or "PortalUser").Select(r => r.RecordId).Distinct().ToList();
        var users = await portal.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.TenantId }).ToDictionaryAsync(u => u.Id, ct);
        var tenantIds = rows.Where(r => r.RecordType == "Tenant").Select(r => int.TryParse(r.RecordId, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Concat(users.Values.Where(u => u.TenantId is not null).Select(u => u.TenantId!.Value)).Distinct().ToList();
        var tenants = await housing.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .Select(t => new { t.Id, Name = t.FirstName + " " + t.LastName, t.Tenancy.Reference }).ToDictionaryAsync(t => t.Id, ct);

        RecordLink Link(AuditRow row)
        {
            switch (row.RecordType)
            {
                case "Repair":
                    return new($"repair {row.RecordId}", url.Action("Show", "Repairs", new { area = "Admin", reference = row.RecordId }));
                case "PaymentAttempt" when payments.TryGetValue(row.RecordId, out var p):
                    return new($"the payment of {AdminDisplay.Money(p.Amount)} to tenancy {p.TenancyReference}", url.Action("Details", "Payments", new { area = "Admin", id = p.Id }));
                case "Tenant" when int.TryParse(row.RecordId, CultureInfo.InvariantCulture, out var id) && tenants.TryGetValue(id, out var t):
                    return new($"{t.Name} (tenancy {t.Reference})", url.Action("Index", "TenantContacts", new { area = "Admin", tenantId = id }));
                case "StaffAccount" when users.TryGetValue(row.RecordId, out var u):
                    return new(u.DisplayName, url.Action("Index", "Officers", new { area = "Admin" }));
                case "PortalUser" when users.TryGetValue(row.RecordId, out var u):
                    return u.TenantId is int tenantId && tenants.TryGetValue(tenantId, out var owner)
                        ? new(u.DisplayName, url.Action("Show", "Tenancies", new { area = "Admin", reference = owner.Reference }))
                        : new(u.DisplayName, null);
                case "RepairQueue":
                    return new("the repairs queue", url.Action("Index", "Repairs", new { area = "Admin" }));
                default:
                    // A record this page does not know yet (or one since deleted): its kind in words, and its id only if short.
                    var kind = PlainWords.Of(row.RecordType).ToLowerInvariant();
                    return new(row.RecordId.Length <= 20 ? $"{kind} {row.RecordId}" : $"a {kind}", null);
            }
        }

        return rows.Select(r => new AuditEntryView(r.At, r.ActorName, Verb(r.Action), Link(r), Changes(r.Before, r.After))).ToList();
    }

    /// <summary>"payment.refund-requested" in words; actions added later without a sentence here still read as words.</summary>
    public static string Verb(string action) =>
        Verbs.TryGetValue(action, out var verb) ? verb : "made a change: " + action.Replace('.', ' ').Replace('-', ' ') + ", to";

    public static IReadOnlyList<AuditChange> Changes(string? beforeJson, string? afterJson)
    {
        var before = Fields(beforeJson);
        var after = Fields(afterJson);
        return before.Keys.Concat(after.Keys).Distinct().Where(k => !Hidden.Contains(k))
            .Select(k => new AuditChange(FieldName(k), before.TryGetValue(k, out var b) ? Value(k, b) : null, after.TryGetValue(k, out var a) ? Value(k, a) : null))
            .Where(c => c.Before != c.After || beforeJson is null)
            .ToList();
    }

    private static Dictionary<string, JsonElement> Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string FieldName(string name)
    {
        var words = PlainWords.Of(name);
        return words.StartsWith("Is ", StringComparison.Ordinal) ? char.ToUpperInvariant(words[3]) + words[4..] : words;
    }

    private static string Value(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "none",
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Where(p => !Hidden.Contains(p.Name)).Select(p => $"{FieldName(p.Name)}: {Value(p.Name, p.Value)}")),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Value(field, v))),
        JsonValueKind.Number when field == "Amount" && value.TryGetDecimal(out var amount) => AdminDisplay.Money(amount),
        JsonValueKind.Number => value.GetRawText(),
        _ => Text(field, value.GetString() ?? ""),
    };

    private static string Text(string field, string text)
    {
        if (text.Length == 0)
        {
            return "none";
        }

        if (field == "Amount" && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return AdminDisplay.Money(amount);
        }

        if (field.EndsWith("Phone", StringComparison.Ordinal))
        {
            return UkPhoneNumbers.Display(text);
        }

        if (text.Contains('T', StringComparison.Ordinal) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return AdminDisplay.DateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return AdminDisplay.Date(date);
        }

        return EnumNames.Contains(text) ? PlainWords.Of(text) : text;
    }
}
