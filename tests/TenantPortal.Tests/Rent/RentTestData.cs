using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Rent;

/// <summary>Builds a known rent account for a portal user: a tenancy with weekly charges, a year of history that adds
/// up to the given balance, and the user linked to a tenant of it. Works with or without the demo housing data.</summary>
public sealed class RentAccountBuilder
{
    private decimal balance = 150.00m;
    private int weeks = 30;
    private BenefitType benefit = BenefitType.None;
    private decimal benefitAmount;
    private int chargeWeeks = 52;

    public static RentAccountBuilder Account() => new();

    public RentAccountBuilder WithBalance(decimal value) { balance = value; return this; }
    public RentAccountBuilder WithWeeks(int value) { weeks = value; return this; }
    public RentAccountBuilder WithBenefit(BenefitType type, decimal weekly) { benefit = type; benefitAmount = weekly; return this; }
    public RentAccountBuilder WithChargeWeeks(int value) { chargeWeeks = value; return this; }
    public RentAccountBuilder WithLine(DateOnly date, RentTransactionType type, decimal amount, string description) { extra.Add((date, type, amount, description)); return this; }

    private readonly List<(DateOnly Date, RentTransactionType Type, decimal Amount, string Description)> extra = [];

    public const decimal WeeklyRent = 95.50m;
    public const decimal WeeklyService = 4.50m;
    public static readonly DateOnly FirstMonday = new(2025, 1, 6);

    /// <summary>Creates the tenancy and links the user (created if missing, password <see cref="DemoSeeder.Password"/>).</summary>
    public async Task<TestTenancy> ForUserAsync(PortalAppFactory factory, string email = DemoSeeder.TenantEmail)
    {
        using var scope = factory.Services.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var now = factory.UtcNow;
        var patch = await housing.Patches.FirstOrDefaultAsync() ?? housing.Patches.Add(new Patch { Code = "TP", Name = "Test patch" }).Entity;
        var property = new Property { AddressLine1 = "1 Test Street", Town = "Testtown", Postcode = "TE1 1ST", Patch = patch };
        var reference = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var tenancy = new Tenancy
        {
            Reference = reference,
            Property = property,
            StartDate = FirstMonday,
            BenefitType = benefit,
            WeeklyBenefitAmount = benefitAmount,
            ChargeWeeksPerYear = chargeWeeks,
            Balance = balance + extra.Sum(e => e.Amount),
            BalanceUpdatedAt = new DateTime(2025, 8, 1, 9, 0, 0, DateTimeKind.Utc),
            Charges =
            [
                new TenancyCharge { ChargeCode = "RENT", Description = "Rent", WeeklyAmount = WeeklyRent },
                new TenancyCharge { ChargeCode = "SERV", Description = "Service charge", WeeklyAmount = WeeklyService },
            ],
        };
        var tenant = new Tenant
        {
            Tenancy = tenancy,
            FirstName = "Test",
            LastName = "Tenant",
            DateOfBirth = new DateOnly(1980, 1, 1),
            Email = email,
            Role = TenantRole.LeadTenant,
            PreferredContactMethod = ContactMethod.Email,
            AgreesToEmails = true
        };
        housing.Tenants.Add(tenant);

        // Weekly: a charge of 100.00 then a payment of 100.00; the opening line makes the total the balance.
        var lines = new List<RentTransaction>
        {
            new() { TenancyId = 0, Date = FirstMonday.AddDays(-1), Type = RentTransactionType.Adjustment, Amount = balance, Description = "Opening balance", Source = "HMS", CreatedAt = now },
        };
        for (var w = 0; w < weeks; w++)
        {
            var monday = FirstMonday.AddDays(7 * w);
            lines.Add(new() { Date = monday, Type = RentTransactionType.Charge, Amount = WeeklyRent + WeeklyService, Description = "Rent and charges", Source = "HMS", CreatedAt = now });
            lines.Add(new() { Date = monday.AddDays(3), Type = RentTransactionType.Payment, Amount = -(WeeklyRent + WeeklyService), Description = "Payment by bank", Source = "HMS", CreatedAt = now });
        }

        lines.AddRange(extra.Select(e => new RentTransaction { Date = e.Date, Type = e.Type, Amount = e.Amount, Description = e.Description, Source = "HMS", CreatedAt = now }));

        await housing.SaveChangesAsync();
        foreach (var line in lines)
        {
            line.TenancyId = tenancy.Id;
        }

        housing.RentTransactions.AddRange(lines);
        await housing.SaveChangesAsync();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Tenant", TenantId = tenant.Id, CreatedAt = now };
            var created = await users.CreateAsync(user, DemoSeeder.Password);
            Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Description)));
        }
        else
        {
            user.TenantId = tenant.Id;
            await users.UpdateAsync(user);
        }

        return new TestTenancy(tenancy.Id, reference, email, user.Id);
    }
}

public sealed record TestTenancy(int Id, string Reference, string Email, string UserId);

public static class RentDb
{
    public static async Task<T> QueryAsync<T>(PortalAppFactory factory, Func<HousingDbContext, PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HousingDbContext>(), scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<List<RentTransaction>> PortalLinesAsync(PortalAppFactory factory, int tenancyId) =>
        QueryAsync(factory, (h, _) => h.RentTransactions.AsNoTracking().Where(t => t.TenancyId == tenancyId && t.Source == "Portal").ToListAsync());

    public static Task<decimal> BalanceAsync(PortalAppFactory factory, int tenancyId) =>
        QueryAsync(factory, (h, _) => h.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Balance).SingleAsync());

    /// <summary>The balance must always equal the sum of the lines (summed here in memory).</summary>
    public static async Task AssertBalanceMatchesLinesAsync(PortalAppFactory factory, int tenancyId)
    {
        var (balance, amounts) = await QueryAsync(factory, async (h, _) => (
            await h.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Balance).SingleAsync(),
            await h.RentTransactions.Where(t => t.TenancyId == tenancyId).Select(t => t.Amount).ToListAsync()));
        Assert.Equal(amounts.Sum(), balance);
    }

    public static Task<PaymentAttempt> AttemptAsync(PortalAppFactory factory, Guid id) =>
        QueryAsync(factory, (_, p) => p.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == id));
}
