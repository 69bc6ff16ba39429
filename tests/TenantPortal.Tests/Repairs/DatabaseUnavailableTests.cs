using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Repairs;

public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task DatabaseDownAtSubmit_ShowsAnHonestPageWithThePhoneNumber_AndKeepsTheAnswers()
    {
        using var app = await RepairsApp.StartAsync(shortLockTimeout: true);
        var client = await app.SignedInAsync();
        await ReportJourney.ToCheckPageAsync(client, description: "Submitted while the database is down");
        var check = await client.GetDocumentAsync("/repairs/report/check");

        HttpResponseMessage response;
        await using (var blocker = new SqliteConnection($"Data Source={app.Factory.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var command = blocker.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();

            response = await client.SubmitFormAsync(check, new Dictionary<string, string>());
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.GetDocumentAsync();
        Assert.Equal("Sorry, we could not send your report", page.QuerySelector("h1").Text());
        Assert.Contains("0300 123 4567", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains("Your answers are saved", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description == "Submitted while the database is down")));

        // Back up: the same answers go through on "Try again".
        var again = await client.GetDocumentAsync("/repairs/report/check");
        Assert.Contains("Submitted while the database is down", again.NormalisedText(), StringComparison.Ordinal);
        var retry = await client.SubmitFormAsync(again, new Dictionary<string, string>());
        Assert.StartsWith("/repairs/report/confirmation/R", retry.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description == "Submitted while the database is down")));
    }
}
