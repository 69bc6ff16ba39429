using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Accounts;

/// <summary>Steps of the account journeys, as a browser without JavaScript takes them.</summary>
public static class AccountJourneys
{
    public const string GoodPassword = "correct horse battery staple";

    public static Dictionary<string, string> Details(string reference, string surname, DateOnly dateOfBirth) => new()
    {
        ["Reference"] = reference,
        ["Surname"] = surname,
        ["DateOfBirthDay"] = dateOfBirth.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DateOfBirthMonth"] = dateOfBirth.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DateOfBirthYear"] = dateOfBirth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string> Grace() =>
        Details(DemoData.SecondTenancyReference, DemoData.SecondTenantLastName, DemoData.SecondTenantDateOfBirth);

    public static Dictionary<string, string> Sam() =>
        Details(DemoData.TenancyReference, DemoData.JointTenantLastName, DemoData.JointTenantDateOfBirth);

    /// <summary>Both steps of registration; returns the response to the email-and-password step.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, Dictionary<string, string> details, string email, string password = GoodPassword)
    {
        var match = await client.SubmitFormAsync("/account/register", details);
        Assert.Equal(HttpStatusCode.Redirect, match.StatusCode);
        Assert.Equal("/account/register/your-account", match.Headers.Location?.OriginalString);
        return await client.SubmitFormAsync("/account/register/your-account", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });
    }

    /// <summary>Registers, then follows the link in the confirmation email.</summary>
    public static async Task RegisterAndConfirmAsync(PortalAppFactory factory, HttpClient client, Dictionary<string, string> details, string email, string password = GoodPassword)
    {
        var response = await RegisterAsync(client, details, email, password);
        Assert.Equal("/account/register/check-your-email", response.Headers.Location?.OriginalString);
        var message = await Mailbox.WaitForEmailAsync(factory.EmailFolder, email, "Confirm your email address");
        var confirmed = await client.GetDocumentAsync(Mailbox.Link(message, "/account/confirm-email").PathAndQuery);
        Assert.Equal("Email address confirmed", confirmed.QuerySelector("h1").Text());
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
}
