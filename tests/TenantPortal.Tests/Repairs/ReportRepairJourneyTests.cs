using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Repairs;

public sealed class ReportRepairJourneyTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    [Fact]
    public async Task DrippingKitchenTap_WithPhotoAndSlot_BecomesABookedJobWithEverythingInOneGo()
    {
        var client = await App.SignedInAsync();
        var slotLabel = await ReportJourney.ToCheckPageAsync(client, photo: TestImages.JpegWithGps());
        Assert.NotNull(slotLabel);
        var check = await client.GetDocumentAsync("/repairs/report/check");
        Assert.Contains("The hot tap drips all the time", check.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains(slotLabel!, check.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(9, check.QuerySelectorAll(".summary-list__actions a").Length);

        var response = await client.SubmitFormAsync(check, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmationUrl = response.Headers.Location!.OriginalString;
        var confirmation = await client.GetDocumentAsync(confirmationUrl);
        var reference = confirmation.QuerySelector(".panel strong")!.TextContent.Trim();
        Assert.Matches(@"^R\d{4}-\d{5}$", reference);
        Assert.Contains(slotLabel!, confirmation.NormalisedText(), StringComparison.Ordinal);

        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking()
            .Include(r => r.History).Include(r => r.Appointments).ThenInclude(a => a.Slot).Include(r => r.Photos).Include(r => r.CatalogueItem)
            .SingleAsync(r => r.Reference == reference));
        Assert.Equal(RepairCatalogueSeed.KitchenTapDrippingJobCode, repair.CatalogueItem.JobCode);
        Assert.Equal(RepairPriority.Routine, repair.Priority);
        Assert.Equal(RepairChannel.Portal, repair.Channel);
        Assert.Equal(RepairStatus.Booked, repair.Status);
        Assert.Equal("Kitchen", repair.Location);
        Assert.Equal("Me", repair.WhoWillBeHome);
        Assert.Equal("Friendly dog", repair.AccessNotes);
        Assert.False(repair.IsHazard);
        Assert.NotNull(repair.SubmissionKey);
        Assert.Equal([RepairStatus.Reported, RepairStatus.Booked], repair.History.OrderBy(h => h.Id).Select(h => h.Status));
        var appointment = Assert.Single(repair.Appointments);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.True(appointment.Slot.Date <= repair.TargetDate);
        Assert.True(appointment.Slot.BookedCount >= 1);
        Assert.Single(repair.Photos);
        var email = await App.WithPortalAsync(db => db.EmailOutbox.AsNoTracking().Where(e => e.Subject.Contains(reference)).ToListAsync());
        Assert.Equal(DemoData.LeadTenantEmail, Assert.Single(email).To);

        // The photo is served to the tenant, inline, with its checked type and no GPS.
        var photo = await client.GetAsync(new Uri($"/repairs/{reference}/photos/{repair.Photos[0].Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", photo.Content.Headers.ContentDisposition?.DispositionType ?? string.Join(",", photo.Headers.GetValues("Content-Disposition")));
        Assert.Equal("nosniff", Assert.Single(photo.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(await photo.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // My repairs lists it among the open ones, with the appointment as the next date.
        var list = await client.GetDocumentAsync("/repairs");
        var card = list.QuerySelectorAll(".repair-list li, .card-list li").First(li => li.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Appointment booked", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(slotLabel!, card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoubleSubmit_RaisesOneJob()
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToCheckPageAsync(client, description: "Double submit test");
        var check = await client.GetDocumentAsync("/repairs/report/check");

        var first = await client.SubmitFormAsync(check, new Dictionary<string, string>());
        var second = await client.SubmitFormAsync(check, new Dictionary<string, string>());

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var count = await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description == "Double submit test"));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task SlotTakenBeforeSubmit_AsksToChooseAgain_WithAnswersKept()
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToCheckPageAsync(client, description: "Race for the last place");
        var check = await client.GetDocumentAsync("/repairs/report/check");
        var chosen = check.QuerySelectorAll(".summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent == "Appointment").QuerySelector("dd")!.TextContent.Trim();
        // Someone else takes every remaining place in that slot.
        await App.WithHousingAsync(async db =>
        {
            var slots = await db.AppointmentSlots.Where(s => s.BookedCount < s.Capacity && s.Trade == Trade.Plumbing).ToListAsync();
            var slot = slots.First(s => Web.Features.Repairs.SlotText.Describe(s.Date, s.Period) == chosen);
            return await db.AppointmentSlots.Where(s => s.Id == slot.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.Capacity));
        });

        var response = await client.SubmitFormAsync(check, new Dictionary<string, string>());

        ReportJourney.Expect(response, "/repairs/report/appointment");
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("someone else has just booked that time", Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll(".radio label"), l => l.TextContent.Trim() == chosen);
        ReportJourney.Expect(await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Choice"] = page.QuerySelector(".radio input")!.GetAttribute("value")! }), "/repairs/report/check");
        var again = await client.GetDocumentAsync("/repairs/report/check");
        Assert.Contains("Race for the last place", again.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description == "Race for the last place")));
        var submitted = await client.SubmitFormAsync(again, new Dictionary<string, string>());
        Assert.StartsWith("/repairs/report/confirmation/R", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description == "Race for the last place")));
    }

    [Fact]
    public async Task TenantResponsibilityItem_EndsPolitelyWithAdvice()
    {
        var client = await App.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Bathroom");
        await client.ChooseAsync("/repairs/report/what", "Toilet seat");

        var response = await client.ChooseAsync("/repairs/report/problem", "Broken or loose");

        Assert.StartsWith("/repairs/report/your-responsibility", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Equal("This repair is yours to do", page.QuerySelector("h1").Text());
        Assert.Contains("Toilet seats are yours to replace", page.NormalisedText(), StringComparison.Ordinal);
        ReportJourney.Expect(await client.GetAsync(new Uri("/repairs/report/describe", UriKind.Relative)), "/repairs/report/problem");
    }

    [Fact]
    public async Task DampAndMould_IsOfferedFromAnyRoom_AndStartsAwaabsLawClocks()
    {
        var client = await App.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Bedroom");
        ReportJourney.Expect(await client.ChooseAsync("/repairs/report/what", "Damp or mould"), "/repairs/report/problem");
        ReportJourney.Expect(await client.ChooseAsync("/repairs/report/problem", "Around windows"), "/repairs/report/describe");
        await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = "Black mould round the bedroom window" });
        await client.UploadPhotosAsync("continue");
        await client.SubmitFormAsync("/repairs/report/access", new Dictionary<string, string> { ["WhoWillBeHome"] = "Me", ["ContactPhone"] = "07700 900123" });

        var appointment = await client.GetDocumentAsync("/repairs/report/appointment");

        Assert.Empty(appointment.QuerySelectorAll(".radio"));
        Assert.Contains("we will inspect by", appointment.NormalisedText(), StringComparison.Ordinal);
        await client.SubmitFormAsync(appointment, new Dictionary<string, string>());
        var response = await client.SubmitFormAsync("/repairs/report/check", new Dictionary<string, string>());
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.Reference == reference));
        Assert.True(repair.IsHazard);
        Assert.Equal(HazardType.DampAndMould, repair.HazardType);
        Assert.Equal("Bedroom", repair.Location);
        Assert.NotNull(repair.InvestigateBy);
        Assert.Null(repair.WrittenSummaryBy); // runs from the investigation, not the report
        Assert.Equal(RepairStatus.Reported, repair.Status);
        var hazardCase = await App.WithHousingAsync(db => db.RepairHazardCases.AsNoTracking().SingleAsync(c => c.Repair.Reference == reference));
        Assert.True(hazardCase.IsOpen);
        Assert.Equal(repair.ReportedAt, hazardCase.AwareAt);
        Assert.Equal(repair.InvestigateBy, hazardCase.NextDueAt);
    }

    [Fact]
    public async Task DescriptionIsRequired_AndLimitedTo1000Characters()
    {
        var client = await App.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Kitchen");
        await client.ChooseAsync("/repairs/report/what", "Tap");
        await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking");

        var empty = await (await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = " " })).GetDocumentAsync();
        var tooLong = await (await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = new string('a', 1001) })).GetDocumentAsync();

        Assert.Equal("Describe the problem", empty.FieldError("Description"));
        Assert.Equal("The description must be 1,000 characters or fewer", tooLong.FieldError("Description"));
        Assert.Equal(1001, tooLong.QuerySelector("#Description")!.TextContent.Length);
    }

    [Theory]
    [InlineData("invoice.jpg", "MZ", "The file must be a photo, like one taken on your phone")]
    [InlineData("drawing.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "The file must be a photo, like one taken on your phone")]
    [InlineData("broken.jpg", "corrupt", "The photo could not be read. It may be damaged: try taking it again")]
    public async Task BadPhotoUpload_IsRefusedWithAClearMessage(string name, string content, string message)
    {
        var client = await App.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Kitchen");
        await client.ChooseAsync("/repairs/report/what", "Tap");
        await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking");
        await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = "Photo test" });
        var bytes = content == "corrupt" ? TestImages.Jpeg()[..30] : [.. System.Text.Encoding.ASCII.GetBytes(content), .. new byte[64]];

        var response = await client.UploadPhotosAsync("continue", (name, "image/jpeg", bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.GetDocumentAsync();
        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal(message, page.FieldError("upload"));
        Assert.Empty(page.QuerySelectorAll(".photo-list img"));
    }

    [Fact]
    public async Task HouseholdWithCautionaryAlert_IsNotOfferedSelfBooking()
    {
        var tenancyId = await App.TenancyIdAsync(DemoData.TenancyReference);
        await App.WithHousingAsync(db => db.HouseholdMembers.Where(h => h.TenancyId == tenancyId && h.FirstName == "Riley").ExecuteUpdateAsync(s => s.SetProperty(h => h.HasCautionaryAlert, true)));
        try
        {
            var client = await App.SignedInAsync();
            await ReportJourney.ToCheckPageAsync(client, description: "Alert household");

            var check = await client.GetDocumentAsync("/repairs/report/check");
            var appointment = await client.GetDocumentAsync("/repairs/report/appointment");

            Assert.Empty(appointment.QuerySelectorAll(".radio"));
            Assert.Contains("We'll call you to arrange a time", appointment.NormalisedText(), StringComparison.Ordinal);
            Assert.Contains("We'll call you to arrange a time", check.NormalisedText(), StringComparison.Ordinal);
        }
        finally
        {
            await App.WithHousingAsync(db => db.HouseholdMembers.Where(h => h.TenancyId == tenancyId).ExecuteUpdateAsync(s => s.SetProperty(h => h.HasCautionaryAlert, false)));
        }
    }

    [Fact]
    public async Task EmergencyScreen_ComesFirst_WithBothNumbers()
    {
        var client = await App.SignedInAsync();

        var page = await client.GetDocumentAsync("/repairs/report");
        var text = page.NormalisedText();

        Assert.Contains("0800 111 999", text, StringComparison.Ordinal);
        Assert.Contains("0300 123 4999", text, StringComparison.Ordinal);
        Assert.Contains("exposed wiring", text, StringComparison.Ordinal);
        Assert.Contains("sockets or switches that spark", text, StringComparison.Ordinal);
    }
}
