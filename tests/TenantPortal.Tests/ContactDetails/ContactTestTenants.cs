using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.ContactDetails;

/// <summary>A tenant of our own (in a tenancy of its own, with a portal sign-in) so each test changes a record no
/// other test reads.</summary>
public sealed record TestTenant(int TenantId, int TenancyId, string Email, string Password, string FullName);

public static class ContactTestTenants
{
    /// <summary>The contact details test classes start their apps one after another.</summary>
    public const string Collection = "ContactDetails";

    private static int counter;

    public static async Task<TestTenant> CreateAsync(PortalAppFactory factory, string? mobile = "+447700900001", ContactMethod method = ContactMethod.Letter)
    {
        var n = Interlocked.Increment(ref counter);
        var email = $"contact.test{n}@example.org";
        using var scope = factory.Services.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var patchId = await housing.Patches.Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (patchId is null)
        {
            var patch = new Patch { Code = $"CT{n}", Name = "Contact tests" };
            housing.Patches.Add(patch);
            await housing.SaveChangesAsync();
            patchId = patch.Id;
        }

        var tenant = new Tenant
        {
            FirstName = "Test",
            LastName = $"Tenant{n}",
            DateOfBirth = new DateOnly(1990, 1, 1),
            Email = email,
            MobilePhone = mobile,
            PreferredContactMethod = method,
            Tenancy = new Tenancy
            {
                Reference = $"CT-{n:D4}",
                StartDate = new DateOnly(2020, 1, 6),
                BalanceUpdatedAt = factory.UtcNow,
                Property = new Property { AddressLine1 = $"{n} Contact Test Road", Town = "Kingsmere", Postcode = "KM9 9ZZ", PatchId = patchId.Value },
            },
        };
        housing.Tenants.Add(tenant);
        await housing.SaveChangesAsync();

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = tenant.FullName, TenantId = tenant.Id, CreatedAt = factory.UtcNow };
        var created = await users.CreateAsync(user, DemoSeeder.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return new TestTenant(tenant.Id, tenant.TenancyId, email, DemoSeeder.Password, tenant.FullName);
    }

    /// <summary>Deletes the tenant's portal sign-in: a tenant the landlord holds an email for who never registered.</summary>
    public static async Task RemovePortalAccountAsync(PortalAppFactory factory, TestTenant tenant)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var deleted = await users.DeleteAsync((await users.FindByEmailAsync(tenant.Email))!);
        Assert.True(deleted.Succeeded);
    }

    /// <summary>A second tenant on the same tenancy (a joint tenant), without a portal account.</summary>
    public static async Task<int> AddJointTenantAsync(PortalAppFactory factory, TestTenant tenant)
    {
        await using var db = Housing(factory);
        var joint = new Tenant { TenancyId = tenant.TenancyId, Role = TenantRole.JointTenant, FirstName = "Joint", LastName = "Tenant", DateOfBirth = new DateOnly(1991, 2, 2) };
        db.Tenants.Add(joint);
        await db.SaveChangesAsync();
        return joint.Id;
    }

    public static async Task<HttpClient> SignedInClientAsync(PortalAppFactory factory, TestTenant tenant)
    {
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client, tenant.Email, tenant.Password);
        return client;
    }

    public static async Task ConfirmPasswordAsync(HttpClient client, string password = DemoSeeder.Password)
    {
        var response = await client.SubmitFormAsync("/contact-details/confirm-password", new Dictionary<string, string> { ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static SqliteHousingDbContext Housing(PortalAppFactory factory) =>
        new(new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite(factory.ConnectionString).Options);

    public static SqlitePortalDbContext Portal(PortalAppFactory factory) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(factory.ConnectionString).Options);

    public static async Task<Tenant> TenantRowAsync(PortalAppFactory factory, int tenantId)
    {
        await using var db = Housing(factory);
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
    }

    public static async Task<List<ContactChange>> HistoryRowsAsync(PortalAppFactory factory, int tenantId)
    {
        await using var db = Housing(factory);
        return await db.ContactChanges.AsNoTracking().Where(c => c.TenantId == tenantId).OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>The path and query of the first link to this app in the email body.</summary>
    public static string LinkIn(MimeMessage message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/contact-details/email/confirm\?token=\S+");
        Assert.True(match.Success, "No confirmation link in the email");
        return new Uri(match.Value).PathAndQuery;
    }
}

[CollectionDefinition(ContactTestTenants.Collection)]
public sealed class ContactDetailsCollection;
