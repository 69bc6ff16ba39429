using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Admin.Tenancies;

public sealed record TenancySearchRow(string Reference, string Address, string Postcode, TenancyStatus Status, string? Tenants);

public sealed record TenancySearchPage(string? Q, IReadOnlyList<TenancySearchRow> Rows, int Total, int Page, int Pages);

public sealed record TenancyHeader(int Id, string Reference, TenancyStatus Status, DateOnly StartDate, DateOnly? EndDate, string Address, string? PatchName, string PropertyType, int Bedrooms, decimal Balance, DateTime? BalanceUpdatedAt, BenefitType BenefitType, decimal WeeklyBenefitAmount);

public sealed record TenancyTenantRow(int Id, TenantRole Role, string Name, DateOnly DateOfBirth, string? MobilePhone, string? HomePhone, string? Email, ContactMethod PreferredContactMethod, bool HasCautionaryAlert, string? InterpreterLanguage, bool NeedsLargePrint);

public sealed record HouseholdRow(string Name, string Relationship, DateOnly DateOfBirth, bool HasCautionaryAlert);

public sealed record PortalAccountRow(int TenantId, string UserId, bool EmailConfirmed, DateTimeOffset? LockoutEnd, int AccessFailedCount, bool IsDisabled, DateTime CreatedAt, DateTime? LastSignInAt);

public sealed record TransactionRow(DateOnly Date, RentTransactionType Type, string Description, decimal Amount, string? Reference);

public sealed record TenancyRepairRow(string Reference, string Summary, RepairPriority Priority, RepairStatus Status, DateTime ReportedAt, DateOnly TargetDate);

public sealed class TenancyPageModel
{
    public required TenancyHeader Tenancy { get; init; }
    public IReadOnlyList<TenancyTenantRow> Tenants { get; init; } = [];
    public IReadOnlyList<HouseholdRow> Household { get; init; } = [];
    public IReadOnlyDictionary<int, PortalAccountRow> Accounts { get; init; } = new Dictionary<int, PortalAccountRow>();
    public IReadOnlyList<TransactionRow> RecentTransactions { get; init; } = [];
    public IReadOnlyList<TenancyRepairRow> Repairs { get; init; } = [];

    /// <summary>Messages the provider said can never be delivered (an invalid number, a refused address), newest first.</summary>
    public IReadOnlyList<Notifications.DeliveryFailure> Undelivered { get; init; } = [];
    public DateTime Now { get; init; }
    public string? Message { get; init; }
}

public sealed record StatementPage(string Reference, string Address, decimal Balance, DateTime? BalanceUpdatedAt, IReadOnlyList<TransactionRow> Rows, int Total, int Page, int Pages);
