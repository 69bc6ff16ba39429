using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

public sealed class RepairFollowingTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    [Fact]
    public async Task MyRepairs_ShowsOpenOnesFirst_WithStatusInPlainWords()
    {
        var client = await App.SignedInAsync();

        var page = await client.GetDocumentAsync("/repairs");

        var cards = page.QuerySelectorAll(".repair-list .card").Select(c => c.QuerySelector(".tag")!.TextContent.Trim()).ToList();
        Assert.Contains("Appointment booked", cards);
        Assert.Contains("We have your report", cards);
        Assert.Contains("Finished", cards);
        var firstClosed = cards.FindIndex(c => c is "Finished" or "Cancelled");
        Assert.All(cards.Skip(firstClosed), c => Assert.True(c is "Finished" or "Cancelled", c));
        Assert.Contains("Appointment:", page.QuerySelectorAll(".repair-list .card").First(c => c.TextContent.Contains("Appointment booked", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAppointment_MovesTheBooking_AndReleasesTheOldPlace()
    {
        var (reference, oldSlotId) = await BookedRepairAsync("Change my time");
        var client = await App.SignedInAsync();
        var details = await client.GetDocumentAsync($"/repairs/{reference}");
        Assert.NotNull(details.QuerySelector($"a[href='/repairs/{reference}/appointment']"));
        var oldCount = await SlotCountAsync(oldSlotId);
        var page = await client.GetDocumentAsync($"/repairs/{reference}/appointment");
        var newSlotId = int.Parse(page.QuerySelector("input[name=slotId]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var newCount = await SlotCountAsync(newSlotId);

        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["slotId"] = newSlotId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal($"/repairs/{reference}", response.Headers.Location!.OriginalString);
        Assert.Equal(oldCount - 1, await SlotCountAsync(oldSlotId));
        Assert.Equal(newCount + 1, await SlotCountAsync(newSlotId));
        var after = await client.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains("Appointment changed", after.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_an_appointment_shows_one_week_of_times_a_link_to_later_dates_and_a_number_to_call_if_none_suit()
    {
        var (reference, _) = await BookedRepairAsync("Change to a later week");
        var client = await App.SignedInAsync();

        var page = await client.GetDocumentAsync($"/repairs/{reference}/appointment");
        var laterLink = page.QuerySelectorAll(".slot-week__more a").Single(a => a.TextContent.Trim() == "Show later dates").GetAttribute("href")!;
        var later = await client.GetDocumentAsync(laterLink);

        Assert.Equal("Week starting Monday 9 November", page.QuerySelector(".slot-week__heading")!.TextContent.Trim());
        Assert.Equal("Week starting Monday 16 November", later.QuerySelector(".slot-week__heading")!.TextContent.Trim());
        Assert.Contains("None of these times suit you? Call us on", later.NormalisedText(), StringComparison.Ordinal);
        var slotId = later.QuerySelector("input[name=slotId]")!.GetAttribute("value")!;
        var response = await client.SubmitFormAsync(later, new Dictionary<string, string> { ["slotId"] = slotId });
        Assert.Equal($"/repairs/{reference}", response.Headers.Location!.OriginalString);
        var booked = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.Reference == reference).SelectMany(r => r.Appointments).Where(a => a.Status == AppointmentStatus.Booked).Select(a => a.Slot.Date).SingleAsync());
        Assert.InRange(booked, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));
    }

    [Fact]
    public async Task CancelAppointment_KeepsTheRepairOpen_AndReleasesThePlace()
    {
        var (reference, slotId) = await BookedRepairAsync("Cancel my time");
        var client = await App.SignedInAsync();
        var before = await SlotCountAsync(slotId);

        await client.SubmitFormAsync($"/repairs/{reference}/appointment/cancel", new Dictionary<string, string>());

        Assert.Equal(before - 1, await SlotCountAsync(slotId));
        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.Appointments).SingleAsync(r => r.Reference == reference));
        Assert.Equal(RepairStatus.Reported, repair.Status);
        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(repair.Appointments).Status);
        var page = await client.GetDocumentAsync($"/repairs/{reference}");
        Assert.NotNull(page.QuerySelector($"a[href='/repairs/{reference}/appointment']")); // choose a time again
    }

    [Fact]
    public async Task CancelRepair_ClosesIt_WithAReason()
    {
        var (reference, slotId) = await BookedRepairAsync("Cancel the whole repair");
        var client = await App.SignedInAsync();
        var before = await SlotCountAsync(slotId);

        await client.SubmitFormAsync($"/repairs/{reference}/cancel", new Dictionary<string, string>());

        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.Reference == reference));
        Assert.Equal(RepairStatus.Cancelled, repair.Status);
        Assert.NotNull(repair.CancelledAt);
        Assert.Equal(before - 1, await SlotCountAsync(slotId));
        var page = await client.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains("Cancelled by the tenant", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/repairs/{reference}/add-information']"));
    }

    [Fact]
    public async Task AddInformation_WithAPhoto_AppearsOnTheTimeline()
    {
        var (reference, _) = await BookedRepairAsync("Add to me");
        var client = await App.SignedInAsync();
        var form = await client.GetDocumentAsync($"/repairs/{reference}/add-information");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("It now drips faster"), "Information" },
            { new ByteArrayContent(TestImages.Png()), "upload", "drip.png" },
        };

        var response = await client.PostAsync(new Uri($"/repairs/{reference}/add-information", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains("It now drips faster", page.NormalisedText(), StringComparison.Ordinal);
        var img = Assert.Single(page.QuerySelectorAll(".photo-list img"));
        var thumbnail = await client.GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        var photo = await client.GetAsync(new Uri(img.ParentElement!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Information_over_the_limit_is_refused_with_the_limit_and_every_character_typed_is_kept()
    {
        // A maxlength attribute silently cut long text off; the limit is stated instead and the server says when it is exceeded.
        var (reference, _) = await BookedRepairAsync("Too long");
        var client = await App.SignedInAsync();
        var form = await client.GetDocumentAsync($"/repairs/{reference}/add-information");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var typed = string.Concat(Enumerable.Repeat("The drip is worse. ", 60)).TrimEnd();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(typed), "Information" },
        };

        var response = await client.PostAsync(new Uri($"/repairs/{reference}/add-information", UriKind.Relative), content);
        var page = await response.GetDocumentAsync();

        Assert.Null(form.QuerySelector("textarea#Information")!.GetAttribute("maxlength"));
        Assert.Equal("You can enter up to 1,000 characters", form.QuerySelector("#Information-limit").Text());
        Assert.Contains("Information-limit", form.QuerySelector("textarea#Information")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The information must be 1,000 characters or fewer"], page.ErrorSummary());
        Assert.Equal(typed, page.QuerySelector("textarea#Information")!.TextContent);
    }

    [Fact]
    public async Task Timeline_ShowsOnlyNotesMadeVisibleToTheTenant()
    {
        var (reference, _) = await BookedRepairAsync("Notes");
        await App.WithHousingAsync(async db =>
        {
            var id = await db.Repairs.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            db.RepairStatusHistory.Add(new RepairStatusChange { RepairId = id, Status = RepairStatus.Booked, At = App.Factory.UtcNow, ChangedBy = "Officer", Note = "Operative will bring a new cartridge", NoteVisibleToTenant = true });
            db.RepairStatusHistory.Add(new RepairStatusChange { RepairId = id, Status = RepairStatus.Booked, At = App.Factory.UtcNow, ChangedBy = "Officer", Note = "Internal: check the stopcock first", NoteVisibleToTenant = false });
            return await db.SaveChangesAsync();
        });
        var client = await App.SignedInAsync();

        var text = (await client.GetDocumentAsync($"/repairs/{reference}")).NormalisedText();

        Assert.Contains("Operative will bring a new cartridge", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal: check the stopcock", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_did_we_do_lists_its_errors_in_the_order_of_the_questions()
    {
        var tenancyId = await App.TenancyIdAsync(DemoData.TenancyReference);
        var reference = await App.WithHousingAsync(db => db.Repairs.Where(r => r.TenancyId == tenancyId && r.Status == RepairStatus.Completed && r.Feedback == null).Select(r => r.Reference).FirstAsync());
        var client = await App.SignedInAsync();
        var form = await client.GetDocumentAsync($"/repairs/{reference}/feedback");

        var invalid = await (await client.SubmitFormAsync(form, new Dictionary<string, string>())).GetDocumentAsync();

        Assert.Equal(["Select how satisfied you are with the repair, or \"Don't know\"", "Select how satisfied you are with the time it took, or \"Don't know\""], invalid.ErrorSummary());
    }

    [Fact]
    public async Task HowDidWeDo_IsAskedAfterCompletion_AndStoredOnce()
    {
        var tenancyId = await App.TenancyIdAsync(DemoData.TenancyReference);
        var reference = await App.WithHousingAsync(db => db.Repairs.Where(r => r.TenancyId == tenancyId && r.Status == RepairStatus.Completed && r.Feedback == null).Select(r => r.Reference).FirstAsync());
        var client = await App.SignedInAsync();
        var details = await client.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains("How did we do?", details.NormalisedText(), StringComparison.Ordinal);
        var form = await client.GetDocumentAsync($"/repairs/{reference}/feedback");

        var invalid = await (await client.SubmitFormAsync(form, new Dictionary<string, string> { ["RepairRating"] = "4" })).GetDocumentAsync();
        Assert.Equal(["Select how satisfied you are with the time it took, or \"Don't know\""], invalid.ErrorSummary());
        var fields = new Dictionary<string, string> { ["RepairRating"] = "4", ["TimeRating"] = "2", ["Comment"] = "Good job, but slow" };
        await client.SubmitFormAsync(form, fields);
        await client.SubmitFormAsync(form, new Dictionary<string, string> { ["RepairRating"] = "1", ["TimeRating"] = "1" });

        var feedback = await App.WithHousingAsync(db => db.RepairFeedback.AsNoTracking().Where(f => db.Repairs.Any(r => r.Id == f.RepairId && r.Reference == reference)).ToListAsync());
        var only = Assert.Single(feedback);
        Assert.Equal((4, 2, "Good job, but slow"), (only.RepairRating, only.TimeRating, only.Comment));
        Assert.DoesNotContain("Give feedback", (await client.GetDocumentAsync($"/repairs/{reference}")).NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenancysRepairAndPhoto_Are404()
    {
        var (reference, _) = await BookedRepairAsync("Private to DEMO-0001", withPhoto: true);
        var photoId = await App.WithHousingAsync(db => db.RepairPhotos.Where(p => db.Repairs.Any(r => r.Id == p.RepairId && r.Reference == reference)).Select(p => p.Id).SingleAsync());
        var owner = await App.SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri($"/repairs/{reference}/photos/{photoId}", UriKind.Relative))).StatusCode);
        var other = await App.SignedInAsync(RepairsApp.SecondTenantEmail);

        foreach (var url in new[] { $"/repairs/{reference}", $"/repairs/{reference}/photos/{photoId}", $"/repairs/{reference}/appointment", $"/repairs/{reference}/cancel", $"/repairs/{reference}/add-information", $"/repairs/{reference}/feedback", $"/repairs/report/confirmation/{reference}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var token = await other.AntiforgeryTokenAsync("/repairs/report");
        var cancel = await other.PostAsync(new Uri($"/repairs/{reference}/cancel", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(RepairStatus.Booked, await App.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference).Select(r => r.Status).SingleAsync()));
        Assert.DoesNotContain(reference, (await other.GetDocumentAsync("/repairs")).NormalisedText(), StringComparison.Ordinal);
        var anonymous = App.Factory.CreateBrowserClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/repairs/{reference}/photos/{photoId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Officers_CanViewARepairPhoto()
    {
        var (reference, _) = await BookedRepairAsync("Photo for the officer", withPhoto: true);
        var photoId = await App.WithHousingAsync(db => db.RepairPhotos.Where(p => db.Repairs.Any(r => r.Id == p.RepairId && r.Reference == reference)).Select(p => p.Id).SingleAsync());
        var officer = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var response = await officer.GetAsync(new Uri($"/repairs/{reference}/photos/{photoId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
    }

    private Task<int> SlotCountAsync(int slotId) => App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.Id == slotId).Select(s => s.BookedCount).SingleAsync());

    /// <summary>A kitchen-tap repair for DEMO-0001 booked into a slot at least two days away (so it can still be changed).</summary>
    private async Task<(string Reference, int SlotId)> BookedRepairAsync(string description, bool withPhoto = false)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var tenancy = await db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference)
            .Select(t => new { t.Id, t.Property.PatchId, TenantId = t.Tenants.Where(x => x.Email == DemoData.LeadTenantEmail).Select(x => x.Id).First() }).SingleAsync();
        var itemId = await db.RepairCatalogue.Where(i => i.JobCode == RepairCatalogueSeed.KitchenTapDrippingJobCode).Select(i => i.Id).SingleAsync();
        var from = UkTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()).AddDays(2);
        var slotId = await db.AppointmentSlots.Where(s => s.Trade == Trade.Plumbing && s.PatchId == tenancy.PatchId && s.Date >= from && s.BookedCount < s.Capacity)
            .OrderBy(s => s.Date).ThenBy(s => s.Period).Select(s => s.Id).FirstAsync();
        var draft = new RepairDraft { TenancyId = tenancy.Id, ReportedByTenantId = tenancy.TenantId, Area = "Kitchen", CatalogueItemId = itemId, Description = description, SlotId = slotId, WhoWillBeHome = "Me" };
        if (withPhoto)
        {
            var (photo, _) = await scope.ServiceProvider.GetRequiredService<RepairPhotoStore>().SaveAsync(TestImages.JpegWithGps(), new PhotoOwner(tenancy.Id, draft.Id, App.Factory.UtcNow.AddDays(7)), CancellationToken.None);
            draft.Photos.Add(photo!);
        }

        var result = await scope.ServiceProvider.GetRequiredService<RepairReporting>().SubmitAsync(draft, RepairChannel.Portal, new RepairActor("Alex Morgan", tenancy.TenantId));
        Assert.Equal(SubmitStatus.Created, result.Status);
        return (result.Reference!, slotId);
    }
}
