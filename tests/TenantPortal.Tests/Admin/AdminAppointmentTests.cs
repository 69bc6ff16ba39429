using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Admin;

/// <summary>Booking and moving a repair's appointment from the officer's repair page, through the repairs feature's
/// booking service: slot places taken and given back, history, audit and an email to the tenants.</summary>
public sealed class AdminAppointmentTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private async Task<(HttpClient Client, string Reference)> OfficerWithRepairAsync()
    {
        var reference = await app.Factory.NewRepairAsync();
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return (client, reference);
    }

    private static async Task<(HttpResponseMessage Response, int SlotId)> BookAsync(HttpClient client, string reference, int optionIndex = 0)
    {
        var page = await client.GetDocumentAsync($"/admin/repairs/{reference.ToLowerInvariant()}");
        var options = page.QuerySelectorAll("#BookForm_SlotId option").Skip(1).Select(o => int.Parse(o.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(options.Count > optionIndex, "The page offers free slots for the repair's trade and patch");
        var slotId = options[optionIndex];
        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["BookForm.SlotId"] = slotId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"form[action='/admin/repairs/{reference}/appointment']");
        return (response, slotId);
    }

    private Task<int> BookedCountAsync(int slotId) =>
        app.Factory.HousingAsync(db => db.AppointmentSlots.AsNoTracking().Where(s => s.Id == slotId).Select(s => s.BookedCount).SingleAsync());

    private Task<List<Appointment>> AppointmentsAsync(string reference) =>
        app.Factory.HousingAsync(db => db.Appointments.AsNoTracking().Where(a => db.Repairs.Any(r => r.Id == a.RepairId && r.Reference == reference)).OrderBy(a => a.Id).ToListAsync());

    private Task<List<Web.Data.Portal.OutboxMessage>> EmailsAboutAsync(string reference) =>
        app.Factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().Where(m => m.Subject.Contains(reference)).ToListAsync());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string reference, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        return await client.SubmitFormAsync(page, fields, $"form[action='/admin/repairs/{reference}/{action}']");
    }

    [Fact]
    public async Task An_officer_cancelling_a_booked_repair_cancels_the_appointment_and_gives_the_slot_place_back_once()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var (_, slotId) = await BookAsync(client, reference);
        var booked = await BookedCountAsync(slotId);

        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        var fields = new Dictionary<string, string> { ["CancelForm.Reason"] = "No longer needed", ["CancelForm.NoteVisibility"] = "tenant" };
        var first = await client.SubmitFormAsync(page, fields, $"form[action='/admin/repairs/{reference}/cancel']");
        var resubmitted = await client.SubmitFormAsync(page, fields, $"form[action='/admin/repairs/{reference}/cancel']");
        var afterResubmit = await resubmitted.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("cancelled", afterResubmit.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RepairStatus.Cancelled, (await app.Factory.RepairAsync(reference)).Status);
        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(await AppointmentsAsync(reference)).Status);
        Assert.Equal(booked - 1, await BookedCountAsync(slotId));
    }

    [Fact]
    public async Task Completing_a_booked_repair_marks_its_appointment_attended_and_keeps_the_place_used()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var (_, slotId) = await BookAsync(client, reference);
        var booked = await BookedCountAsync(slotId);

        await PostAsync(client, reference, "complete", new() { ["CompleteForm.CompletionNotes"] = "Replaced the washer", ["CompleteForm.NoteVisibility"] = "tenant" });

        Assert.Equal(RepairStatus.Completed, (await app.Factory.RepairAsync(reference)).Status);
        Assert.Equal(AppointmentStatus.Attended, Assert.Single(await AppointmentsAsync(reference)).Status);
        Assert.Equal(booked, await BookedCountAsync(slotId));
    }

    [Fact]
    public async Task Booking_an_appointment_takes_a_slot_place_sets_booked_audits_and_emails_the_tenants()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        var firstSlot = int.Parse(page.QuerySelectorAll("#BookForm_SlotId option").Skip(1).First().GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var countBefore = await BookedCountAsync(firstSlot);

        var (response, slotId) = await BookAsync(client, reference);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(firstSlot, slotId);
        Assert.Equal(countBefore + 1, await BookedCountAsync(slotId));
        var appointment = Assert.Single(await AppointmentsAsync(reference));
        Assert.Equal((slotId, AppointmentStatus.Booked, "Dana Officer"), (appointment.SlotId, appointment.Status, appointment.BookedBy));
        var repair = await app.Factory.RepairAsync(reference);
        Assert.Equal(RepairStatus.Booked, repair.Status);
        Assert.Contains(repair.History, h => h.Status == RepairStatus.Booked && h.Channel == RepairChannel.Officer && h.ChangedBy == "Dana Officer");
        var audit = Assert.Single(await app.Factory.AuditAsync("Repair", reference));
        Assert.Equal("repair.appointment-booked", audit.Action);
        Assert.Contains("\"Appointment\":null", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Booked\"", audit.After, StringComparison.Ordinal);
        var emails = await EmailsAboutAsync(reference);
        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.Contains("appointment booked", e.Subject, StringComparison.Ordinal));
        var after = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Contains("Appointment booked", after.QuerySelector("#repair-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Booked", after.QuerySelector("#appointments")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_an_appointment_takes_the_new_place_releases_the_old_one_and_audits_before_and_after()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var (_, oldSlot) = await BookAsync(client, reference);
        var oldCount = await BookedCountAsync(oldSlot);
        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        var newSlot = page.QuerySelectorAll("#BookForm_SlotId option").Skip(1).Select(o => int.Parse(o.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).First(id => id != oldSlot);
        var newCount = await BookedCountAsync(newSlot);

        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["BookForm.SlotId"] = newSlot.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"form[action='/admin/repairs/{reference}/appointment']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(oldCount - 1, await BookedCountAsync(oldSlot));
        Assert.Equal(newCount + 1, await BookedCountAsync(newSlot));
        var appointments = await AppointmentsAsync(reference);
        Assert.Equal([(oldSlot, AppointmentStatus.Moved), (newSlot, AppointmentStatus.Booked)], appointments.Select(a => (a.SlotId, a.Status)));
        var audits = await app.Factory.AuditAsync("Repair", reference);
        Assert.Equal(["repair.appointment-booked", "repair.appointment-moved"], audits.Select(a => a.Action));
        Assert.NotEqual(audits[1].Before, audits[1].After);
        Assert.Contains(await EmailsAboutAsync(reference), e => e.Subject.Contains("appointment changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slot_that_filled_up_meanwhile_is_refused_with_a_clear_message_and_nothing_changes()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        var slotId = int.Parse(page.QuerySelectorAll("#BookForm_SlotId option").Skip(1).First().GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        await app.Factory.HousingAsync(db => db.AppointmentSlots.Where(s => s.Id == slotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.Capacity)));
        var full = await BookedCountAsync(slotId);

        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["BookForm.SlotId"] = slotId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"form[action='/admin/repairs/{reference}/appointment']");
        var result = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That time is now full", string.Join(' ', result.ErrorSummary()), StringComparison.Ordinal);
        Assert.Contains("That time is now full", result.FieldError("BookForm_SlotId"), StringComparison.Ordinal);
        Assert.Equal(full, await BookedCountAsync(slotId));
        Assert.Empty(await AppointmentsAsync(reference));
        Assert.Equal(RepairStatus.Reported, (await app.Factory.RepairAsync(reference)).Status);
        Assert.Empty(await app.Factory.AuditAsync("Repair", reference));
        Assert.Empty(await EmailsAboutAsync(reference));
    }
}
