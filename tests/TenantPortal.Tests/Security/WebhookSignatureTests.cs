using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Rent;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V13.1.x / V2.9: the Stripe webhook is the one POST without antiforgery, so it must prove it comes
/// from Stripe: Stripe's own signing scheme (HMAC-SHA256 of "{t}.{payload}") with a 5-minute tolerance. The forged,
/// tampered, missing and hour-old cases are in StripeWebhookTests.A_bad_signature_gets_400_and_changes_nothing;
/// these pin the tolerance edge and forged signature headers.</summary>
public sealed class WebhookSignatureTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    private async Task<(Guid Attempt, string Session, int TenancyId)> StartedPaymentAsync()
    {
        var (client, tenancy) = await app.SignedInTenantAsync(150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "25.00");
        await PayJourney.PayAsync(client, attempt);
        return (attempt, (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!, tenancy.Id);
    }

    public static TheoryData<string> Forged => new()
    {
        "stale-6-minutes",
        "future-6-minutes",
        "signed-with-another-secret",
        "v0-scheme-only",
        "right-signature-wrong-timestamp",
        "not-a-signature",
    };

    private static string Signature(string kind, string payload)
    {
        var now = StripeWebhook.RealNow;
        return kind switch
        {
            "stale-6-minutes" => StripeWebhook.Sign(payload, timestamp: now - 360),
            "future-6-minutes" => StripeWebhook.Sign(payload, timestamp: now + 360),
            "signed-with-another-secret" => StripeWebhook.Sign(payload, "whsec_attacker"),
            "v0-scheme-only" => StripeWebhook.Sign(payload).Replace("v1=", "v0=", StringComparison.Ordinal),
            "right-signature-wrong-timestamp" => StripeWebhook.Sign(payload, timestamp: now - 10).Replace($"t={now - 10}", $"t={now}", StringComparison.Ordinal),
            _ => "t=abc,v1=zzz",
        };
    }

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_forged_or_stale_signature_gets_400_and_nothing_is_written(string kind)
    {
        var (attempt, session, tenancyId) = await StartedPaymentAsync();
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var payload = StripeWebhook.Event(eventId, "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_forged", 2500));

        var response = await StripeWebhook.PostAsync(app.Factory.CreateClient(), payload, Signature(kind, payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancyId));
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Equal(0, await RentDb.QueryAsync(app.Factory, (_, p) => p.ProviderEvents.CountAsync(e => e.Id == eventId)));
    }

    [Fact]
    public async Task A_signature_four_minutes_old_is_still_accepted()
    {
        var (attempt, session, tenancyId) = await StartedPaymentAsync();
        var payload = StripeWebhook.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_late_ok", 2500));

        var response = await StripeWebhook.PostAsync(app.Factory.CreateClient(), payload, StripeWebhook.Sign(payload, timestamp: StripeWebhook.RealNow - (4 * 60)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancyId));
    }
}
