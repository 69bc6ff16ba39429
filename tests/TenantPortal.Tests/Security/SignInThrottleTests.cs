using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS 2.2.1 without an oracle or a lock anyone can trigger: wrong passwords are throttled per address typed
/// and client, with the same words whether or not the address has an account.</summary>
public sealed class SignInThrottleTests
{
    private const string Throttled = "There have been too many attempts to sign in with this email address. Wait 15 minutes and try again, or reset your password.";

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_words_attempt_by_attempt()
    {
        using var factory = new PortalAppFactory(ClientAddressHeader.AddTo);

        var known = await WrongPasswordMessagesAsync(ClientAddressHeader.ClientFrom(factory, "203.0.113.5"), DemoSeeder.TenantEmail, 7);
        var unknown = await WrongPasswordMessagesAsync(ClientAddressHeader.ClientFrom(factory, "203.0.113.5"), "nobody.here@example.org", 7);

        Assert.Equal(known, unknown);
        Assert.Equal(Throttled, known[^1]);
        Assert.DoesNotContain(known, m => m!.Contains("locked", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_do_not_stop_the_owner_signing_in_from_their_own_connection()
    {
        using var factory = new PortalAppFactory(ClientAddressHeader.AddTo);
        await WrongPasswordMessagesAsync(ClientAddressHeader.ClientFrom(factory, "198.51.100.7"), DemoSeeder.TenantEmail, 10);

        var owner = await AccountJourneys.SignInAsync(ClientAddressHeader.ClientFrom(factory, "203.0.113.20"), DemoSeeder.TenantEmail, DemoSeeder.Password);

        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task The_guessing_client_is_refused_even_with_the_right_password_until_fifteen_minutes_have_passed()
    {
        var clock = TestClock.Fake();
        using var factory = new PortalAppFactory(services =>
        {
            ClientAddressHeader.AddTo(services);
            services.AddSingleton<TimeProvider>(clock);
        });
        var guesser = ClientAddressHeader.ClientFrom(factory, "198.51.100.7");
        await WrongPasswordMessagesAsync(guesser, DemoSeeder.TenantEmail, 5);

        var refused = await AccountJourneys.SignInAsync(guesser, DemoSeeder.TenantEmail, DemoSeeder.Password);
        clock.Advance(TimeSpan.FromMinutes(15));
        var later = await AccountJourneys.SignInAsync(guesser, DemoSeeder.TenantEmail, DemoSeeder.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(Throttled, (await refused.GetDocumentAsync()).FieldError("Email"));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task Guessing_spread_over_many_clients_is_stopped_once_the_address_has_had_fifty_wrong_passwords()
    {
        using var factory = new PortalAppFactory(ClientAddressHeader.AddTo);
        for (var i = 1; i <= 10; i++)
        {
            await WrongPasswordMessagesAsync(ClientAddressHeader.ClientFrom(factory, $"198.51.100.{i}"), DemoSeeder.TenantEmail, 5);
        }

        var eleventh = await AccountJourneys.SignInAsync(ClientAddressHeader.ClientFrom(factory, "198.51.100.11"), DemoSeeder.TenantEmail, "one more guess");

        Assert.Equal(Throttled, (await eleventh.GetDocumentAsync()).FieldError("Email"));
    }

    [Fact]
    public async Task Resetting_the_password_by_the_emailed_link_lifts_the_throttle()
    {
        using var factory = new PortalAppFactory(ClientAddressHeader.AddTo);
        var client = ClientAddressHeader.ClientFrom(factory, "203.0.113.9");
        await WrongPasswordMessagesAsync(client, DemoSeeder.TenantEmail, 5);

        await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Email"] = DemoSeeder.TenantEmail });
        var link = Mailbox.Link(await Mailbox.WaitForEmailAsync(factory.EmailFolder, DemoSeeder.TenantEmail, "Reset your password"), "/account/reset-password");
        await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = AccountJourneys.GoodPassword, ["ConfirmPassword"] = AccountJourneys.GoodPassword });
        var signIn = await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, AccountJourneys.GoodPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    /// <summary>The message next to the email field after each of <paramref name="attempts"/> wrong passwords.</summary>
    private static async Task<List<string?>> WrongPasswordMessagesAsync(HttpClient client, string email, int attempts)
    {
        var messages = new List<string?>();
        for (var i = 0; i < attempts; i++)
        {
            var response = await AccountJourneys.SignInAsync(client, email, $"wrong password {i}");
            messages.Add((await response.GetDocumentAsync()).FieldError("Email"));
        }

        return messages;
    }
}
