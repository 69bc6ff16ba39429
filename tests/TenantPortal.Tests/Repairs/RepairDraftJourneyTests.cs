using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Features.Shared.Journeys;

namespace TenantPortal.Tests.Repairs;

/// <summary>A repair report's answers live in the portal database (JourneyStates), keyed to the signed-in user: any
/// instance behind the load balancer serves any step, and abandoned reports and their photos are deleted after 7 days.</summary>
public sealed class RepairDraftJourneyTests
{
    [Fact]
    public async Task A_report_started_on_one_instance_is_finished_on_another_that_shares_only_the_database()
    {
        using var first = await RepairsApp.StartAsync();
        using var second = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Housing"] = first.Factory.ConnectionString,
            ["ConnectionStrings:Portal"] = first.Factory.ConnectionString,
        });
        var cookies = new System.Net.CookieContainer();
        var onFirst = first.Factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var onSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        await SignIn.AsTenantAsync(onFirst);
        await ReportJourney.ToAppointmentPageAsync(onFirst, description: "Started on one server, finished on another");

        var slots = await onSecond.GetDocumentAsync("/repairs/report/appointment");
        var choice = slots.QuerySelector(".radio input[name=Choice]")!.GetAttribute("value")!;
        ReportJourney.Expect(await onSecond.SubmitFormAsync(slots, new Dictionary<string, string> { ["Choice"] = choice }), "/repairs/report/check");
        var submitted = await onSecond.SubmitFormAsync(await onSecond.GetDocumentAsync("/repairs/report/check"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.StartsWith("/repairs/report/confirmation/", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await first.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description == "Started on one server, finished on another")));
    }

    [Fact]
    public async Task A_report_left_for_seven_days_is_deleted_by_exactly_one_of_two_instances_and_its_photos_expire_with_it()
    {
        var clock = TestClock.Fake();
        using var app = await RepairsApp.StartAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.RemoveAll<IHostedService>(); // the test runs the clean-up itself, as two instances
        });
        var client = await app.SignedInAsync();
        await ReportJourney.ToAppointmentPageAsync(client, photo: TestImages.Jpeg());
        var photo = (await DraftAsync(app)).Photos.Single();
        Assert.True(await PhotoExistsAsync(app, photo.StoredFileName));

        clock.Advance(TimeSpan.FromDays(6));
        var afterSixDays = await CleanUpAsTwoInstancesAsync(app);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var afterSevenDays = await CleanUpAsTwoInstancesAsync(app);
        await PhotoTestData.RunRetentionAsync(app, clock.GetUtcNow()); // the photos expire with the report

        Assert.Equal(0, afterSixDays);
        Assert.Equal(1, afterSevenDays);
        Assert.Equal(0, await app.WithPortalAsync(db => db.JourneyStates.CountAsync()));
        Assert.False(await PhotoExistsAsync(app, photo.StoredFileName), "The abandoned report's photo is deleted with it");
        var signedInAgain = await app.SignedInAsync();
        ReportJourney.Expect(await signedInAgain.GetAsync(new Uri("/repairs/report/appointment", UriKind.Relative)), "/repairs/report");
    }

    [Fact]
    public async Task Starting_again_from_the_start_page_replaces_an_unfinished_report_and_deletes_its_photos()
    {
        using var app = await RepairsApp.StartAsync();
        var client = await app.SignedInAsync();
        await ReportJourney.ToAppointmentPageAsync(client, photo: TestImages.Jpeg());
        var photo = (await DraftAsync(app)).Photos.Single().StoredFileName;

        var restarted = await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());

        ReportJourney.Expect(restarted, "/repairs/report/where");
        Assert.Empty((await DraftAsync(app)).Photos);
        Assert.False(await PhotoExistsAsync(app, photo));
    }

    [Fact]
    public async Task A_submitted_reports_photos_belong_to_the_repair_and_survive_the_clean_up()
    {
        var clock = TestClock.Fake();
        using var app = await RepairsApp.StartAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.RemoveAll<IHostedService>();
        });
        var client = await app.SignedInAsync();
        await ReportJourney.ToCheckPageAsync(client, photo: TestImages.Jpeg());
        await client.SubmitFormAsync(await client.GetDocumentAsync("/repairs/report/check"), new Dictionary<string, string>());
        var photo = (await DraftAsync(app)).Photos.Single();

        clock.Advance(TimeSpan.FromDays(8));
        var deleted = await CleanUpAsTwoInstancesAsync(app);

        Assert.Equal(1, deleted);
        Assert.True(await PhotoExistsAsync(app, photo.StoredFileName));
    }

    private static async Task<bool> PhotoExistsAsync(RepairsApp app, string key)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RepairPhotoStore>().ReadAsync(key, PhotoVariant.Full, CancellationToken.None) is not null;
    }

    private static async Task<RepairDraft> DraftAsync(RepairsApp app)
    {
        var data = await app.WithPortalAsync(db => db.JourneyStates.Where(j => j.Journey == RepairDraftStore.Journey).Select(j => j.Data).SingleAsync());
        return JsonSerializer.Deserialize<RepairDraft>(data)!;
    }

    private static async Task<int> CleanUpAsTwoInstancesAsync(RepairsApp app)
    {
        var instances = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<AbandonedJourneyCleanup>(app.Factory.Services)).ToList();
        var deleted = await Task.WhenAll(instances.Select(i => i.RunOnceAsync(CancellationToken.None)));
        return deleted.Sum();
    }
}
