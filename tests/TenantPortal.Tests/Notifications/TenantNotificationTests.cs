using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Notifications;

namespace TenantPortal.Tests.Notifications;

/// <summary>Messages about a repair through the real app: the channel follows the tenant's contact record, the page
/// says how they were told, and the reminder is queued once however many instances run the job.</summary>
public sealed class TenantNotificationTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private const string Mobile = "+447700900123";

    private RepairsApp App => fixture.App;

    [Fact]
    public async Task A_tenant_who_prefers_texts_is_told_of_a_new_repair_and_a_changed_appointment_by_text_and_never_by_email()
    {
        var tenantId = await SetContactAsync(ContactMethod.Text, agreesToEmails: true, agreesToTexts: true);
        var client = await App.SignedInAsync();

        var (reference, confirmation) = await TenantRepairSteps.ReportAsync(client);
        await TenantRepairSteps.ChangeAppointmentAsync(client, reference);

        var messages = await MessagesAboutAsync(tenantId, reference);
        Assert.Equal([MessageChannel.Text, MessageChannel.Text], messages.Select(m => m.Channel));
        Assert.All(messages, m => Assert.Equal(Mobile, m.To));
        Assert.Contains("Northgate Homes", messages[0].Body, StringComparison.Ordinal);
        Assert.Contains($"/repairs/{reference}", messages[0].Body, StringComparison.Ordinal);
        Assert.Contains("appointment changed to", messages[1].Body, StringComparison.Ordinal);
        Assert.Contains($"/repairs/{reference}/appointment", messages[1].Body, StringComparison.Ordinal);
        Assert.Contains("We've sent you a text message with these details.", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("email", confirmation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tenant_who_said_no_to_emails_gets_no_email_even_when_email_is_their_preferred_way()
    {
        var tenantId = await SetContactAsync(ContactMethod.Email, agreesToEmails: false, agreesToTexts: false);
        var client = await App.SignedInAsync();

        var (reference, confirmation) = await TenantRepairSteps.ReportAsync(client);

        var message = Assert.Single(await MessagesAboutAsync(tenantId, reference));
        Assert.Equal(MessageChannel.Letter, message.Channel);
        var postcode = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Tenancy.Property.Postcode).SingleAsync());
        Assert.EndsWith(postcode, message.To, StringComparison.Ordinal);
        Assert.Contains("We'll send you a letter with these details.", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("sent you an email", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_who_prefers_email_and_agreed_is_emailed_at_the_contact_record_address_with_a_link_to_the_repair()
    {
        var tenantId = await SetContactAsync(ContactMethod.Email, agreesToEmails: true, agreesToTexts: true);
        var client = await App.SignedInAsync();

        var (reference, confirmation) = await TenantRepairSteps.ReportAsync(client);

        var message = Assert.Single(await MessagesAboutAsync(tenantId, reference));
        Assert.Equal(MessageChannel.Email, message.Channel);
        var contactEmail = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Email).SingleAsync());
        Assert.Equal(contactEmail, message.To);
        Assert.Contains($"{NotificationTestData.PublicBaseUrlOf(App)}/repairs/{reference}", message.Body, StringComparison.Ordinal);
        Assert.Contains("We've sent you an email with these details.", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_the_afternoon_before_is_queued_once_when_two_instances_run_the_job_at_the_same_time()
    {
        var tenantId = await SetContactAsync(ContactMethod.Email, agreesToEmails: true, agreesToTexts: true);
        var client = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(client);
        var slotDate = await App.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference)
            .SelectMany(r => r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => a.Slot.Date)).SingleAsync());
        // 3pm UK time the day before the visit.
        var clock = TestClock.Fake();
        clock.SetUtcNow(new DateTimeOffset(Web.Infrastructure.UkTime.ToUtc(slotDate.AddDays(-1), new TimeOnly(15, 0)), TimeSpan.Zero));

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            return await ActivatorUtilities.CreateInstance<AppointmentReminders>(scope.ServiceProvider, clock).RunAsync(CancellationToken.None);
        }));
        await using (var again = App.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await ActivatorUtilities.CreateInstance<AppointmentReminders>(again.ServiceProvider, clock).RunAsync(CancellationToken.None));
        }

        var reminders = (await MessagesAboutAsync(tenantId, reference)).Where(m => m.OnceKey != null).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(MessageChannel.Text, reminder.Channel);
        Assert.Contains("reminder", reminder.Body, StringComparison.Ordinal);
        Assert.Contains($"/repairs/{reference}/appointment", reminder.Body, StringComparison.Ordinal);
        Assert.True(runs.Sum() >= 1);
    }

    [Fact]
    public async Task No_reminder_is_queued_before_2pm_the_day_before()
    {
        var tenantId = await SetContactAsync(ContactMethod.Text, agreesToEmails: true, agreesToTexts: true);
        var client = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(client);
        var slotDate = await App.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference)
            .SelectMany(r => r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => a.Slot.Date)).SingleAsync());
        var clock = TestClock.Fake();
        clock.SetUtcNow(new DateTimeOffset(Web.Infrastructure.UkTime.ToUtc(slotDate.AddDays(-1), new TimeOnly(13, 59)), TimeSpan.Zero));

        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await ActivatorUtilities.CreateInstance<AppointmentReminders>(scope.ServiceProvider, clock).RunAsync(CancellationToken.None));
        }

        Assert.DoesNotContain(await MessagesAboutAsync(tenantId, reference), m => m.OnceKey != null);
    }

    private Task<int> SetContactAsync(ContactMethod preferred, bool agreesToEmails, bool agreesToTexts) =>
        NotificationTestData.SetDemoTenantContactAsync(App, preferred, agreesToEmails, agreesToTexts, Mobile);

    private Task<List<OutboxMessage>> MessagesAboutAsync(int tenantId, string reference) => NotificationTestData.MessagesAboutAsync(App, tenantId, reference);
}
