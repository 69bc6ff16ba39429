using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>"When can we come?" one week at a time with "Show later dates" (a plain link, so no JavaScript is needed) and
/// "None of these times suit me"; the check page for a job whose time the tenant can't choose; the problem question's
/// wording. The test clock starts on Tuesday 10 November 2026, so the first week offered starts Monday 9 November.</summary>
public sealed class ChoosingATimeTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    [Fact]
    public async Task The_times_are_shown_one_week_at_a_time_under_a_week_heading_and_a_later_week_can_be_chosen_without_javascript()
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToAppointmentPageAsync(client, description: "Later week test");

        var first = await client.GetDocumentAsync("/repairs/report/appointment");
        var later = await client.GetDocumentAsync(LinkNamed(first, "Show later dates")!);

        Assert.Equal("Week starting Monday 9 November", first.QuerySelector(".slot-week__heading")!.TextContent.Trim());
        Assert.All(await OfferedDatesAsync(first), d => Assert.InRange(d, new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)));
        Assert.Null(LinkNamed(first, "Show earlier dates"));
        Assert.Equal("Week starting Monday 16 November", later.QuerySelector(".slot-week__heading")!.TextContent.Trim());
        Assert.All(await OfferedDatesAsync(later), d => Assert.InRange(d, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
        Assert.NotNull(LinkNamed(later, "Show earlier dates"));

        var slot = later.QuerySelector(".radio input[name=Choice]")!;
        var label = later.QuerySelector($"label[for='{slot.Id}']")!.TextContent.Trim();
        ReportJourney.Expect(await client.SubmitFormAsync(later, new Dictionary<string, string> { ["Choice"] = slot.GetAttribute("value")! }), "/repairs/report/check");
        var check = await client.GetDocumentAsync("/repairs/report/check");
        Assert.Equal(label, AnswerTo(check, "Appointment"));
        Assert.NotNull(ChangeLink(check, "Appointment"));
    }

    [Fact]
    public async Task None_of_these_times_suit_me_reports_the_repair_without_a_booking_and_tells_the_officers_to_call()
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToAppointmentPageAsync(client, description: "No time suits me");
        var page = await client.GetDocumentAsync("/repairs/report/appointment");

        ReportJourney.Expect(await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Choice"] = ReportJourney.ValueOf(page, "None of these times suit me") }), "/repairs/report/check");
        var check = await client.GetDocumentAsync("/repairs/report/check");
        var response = await client.SubmitFormAsync(check, new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("We'll call you to arrange a time", AnswerTo(check, "Appointment"));
        Assert.Contains("None of the times suited you. We'll call you to arrange a time.", confirmation.NormalisedText(), StringComparison.Ordinal);
        Assert.NotNull(ChangeLink(check, "Appointment"));
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.Appointments).Include(r => r.History).SingleAsync(r => r.Reference == reference));
        Assert.Empty(repair.Appointments);
        Assert.Equal(RepairStatus.Reported, repair.Status);
        var reported = Assert.Single(repair.History);
        Assert.Equal(RepairReporting.CallToArrangeNote, reported.Note);
        Assert.False(reported.NoteVisibleToTenant);
    }

    [Fact]
    public async Task Choosing_nothing_asks_for_a_time_or_none_of_these()
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToAppointmentPageAsync(client, description: "Nothing chosen");
        var page = await client.GetDocumentAsync("/repairs/report/appointment");

        var again = await (await client.SubmitFormAsync(page, new Dictionary<string, string>())).GetDocumentAsync();

        Assert.Equal(["Select a time for the repair, or \"None of these times suit me\""], again.ErrorSummary());
        Assert.NotNull(again.QuerySelector(".slot-week__heading"));
    }

    [Fact]
    public async Task Check_your_answers_for_damp_gives_a_short_appointment_answer_without_change_and_the_phone_in_national_format()
    {
        var client = await App.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Bedroom");
        await client.ChooseAsync("/repairs/report/what", "Damp or mould");
        await client.ChooseAsync("/repairs/report/problem", "Around windows");
        await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = "Mould on the window frame" });
        await client.UploadPhotosAsync("continue");
        await client.SubmitFormAsync("/repairs/report/access", new Dictionary<string, string> { ["WhoWillBeHome"] = "Me", ["ContactPhone"] = "+447700900456" });
        await client.SubmitFormAsync("/repairs/report/appointment", new Dictionary<string, string>());

        var check = await client.GetDocumentAsync("/repairs/report/check");

        Assert.Equal("We'll call you to arrange a time", AnswerTo(check, "Appointment"));
        Assert.Null(ChangeLink(check, "Appointment"));
        Assert.Equal("07700 900456", AnswerTo(check, "Phone number"));
        Assert.NotNull(ChangeLink(check, "Phone number"));
    }

    [Fact]
    public async Task The_problem_question_reads_well_for_every_item_with_the_item_as_a_caption()
    {
        var client = await App.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Bedroom");
        await client.ChooseAsync("/repairs/report/what", "Damp or mould");

        var page = await client.GetDocumentAsync("/repairs/report/problem");

        Assert.Equal("What best describes the problem?", page.QuerySelector("legend h1")!.TextContent.Trim());
        Assert.Equal("Damp or mould", page.QuerySelector("legend .caption")!.TextContent.Trim());
        Assert.DoesNotContain("What is wrong with", page.NormalisedText(), StringComparison.Ordinal);
    }

    private static string? LinkNamed(IHtmlDocument page, string text) =>
        page.QuerySelectorAll(".slot-week__more a").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");

    private static AngleSharp.Dom.IElement Row(IHtmlDocument check, string key) =>
        check.QuerySelectorAll(".summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent.Trim() == key);

    private static string AnswerTo(IHtmlDocument check, string key) => Row(check, key).QuerySelector("dd")!.TextContent.Trim();

    private static AngleSharp.Dom.IElement? ChangeLink(IHtmlDocument check, string key) => Row(check, key).QuerySelector(".summary-list__actions a");

    private Task<List<DateOnly>> OfferedDatesAsync(IHtmlDocument page)
    {
        var ids = page.QuerySelectorAll(".radio input[name=Choice]").Select(i => i.GetAttribute("value")!)
            .Where(v => v != "none").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(ids);
        return App.WithHousingAsync(db => db.AppointmentSlots.Where(s => ids.Contains(s.Id)).Select(s => s.Date).ToListAsync());
    }
}
