using System.Net;
using System.Text;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V12.1.1 (size), V12.2.1 (content, not name or declared type) and V12.5.2 (served as an image, no
/// sniffing): hostile repair photos get a specific message next to the field and nothing is kept.</summary>
public sealed class UploadTests : IAsyncLifetime
{
    private RepairsApp app = null!;

    public async Task InitializeAsync() => app = await RepairsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Repairs:MaxPhotoBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Photo bytes kept (full images and thumbnails, in the portal database: the default store).</summary>
    private Task<int> StoredFilesAsync() => app.WithPortalAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PhotoContents));

    private async Task<HttpClient> AtPhotoStepAsync()
    {
        var client = await app.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Kitchen");
        await client.ChooseAsync("/repairs/report/what", "Tap");
        await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking");
        await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = "Upload security test" });
        return client;
    }

    private static readonly byte[] Html = Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>");

    public static TheoryData<string, string, string, string> HostileFiles => new()
    {
        { "jpeg-magic-then-html", "tap.jpg", "image/jpeg", PhotoProcessor.DamagedMessage },
        { "gif-html-polyglot", "tap.gif", "image/gif", PhotoProcessor.WrongTypeMessage },
        { "gif-html-polyglot-named-jpg", "tap.jpg", "image/jpeg", PhotoProcessor.WrongTypeMessage },
        { "text-named-jpg", "tap.jpg", "image/jpeg", PhotoProcessor.WrongTypeMessage },
        { "html-named-png", "tap.png", "image/png", PhotoProcessor.WrongTypeMessage },
        { "svg-with-script", "tap.svg", "image/svg+xml", PhotoProcessor.WrongTypeMessage },
        { "oversized-jpeg", "tap.jpg", "image/jpeg", "The photo must be smaller than 1 MB" },
        { "decompression-bomb", "tap.jpg", "image/jpeg", PhotoProcessor.TooManyPixelsMessage },
        { "truncated-heic", "tap.heic", "image/heic", PhotoProcessor.DamagedMessage },
        { "animated-webp", "tap.webp", "image/webp", PhotoProcessor.AnimatedMessage },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "jpeg-magic-then-html" => [0xFF, 0xD8, 0xFF, .. Html],
        "gif-html-polyglot" or "gif-html-polyglot-named-jpg" => [.. "GIF89a/*"u8, .. Html],
        "text-named-jpg" => Encoding.ASCII.GetBytes("This is a text file, not a photo of a tap.\n"),
        "html-named-png" => Html,
        "svg-with-script" => Encoding.ASCII.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "oversized-jpeg" => TestImages.Jpeg(TestImages.Segment(0xE2, new byte[60_000])).Concat(new byte[1024 * 1024]).ToArray(),
        "decompression-bomb" => TestImages.JpegDeclaring(),
        "truncated-heic" => TestImages.Heic()[..4000],
        "animated-webp" => TestImages.AnimatedWebP(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_refused_with_a_specific_message_next_to_the_field_and_nothing_is_stored(string kind, string name, string contentType, string message)
    {
        var client = await AtPhotoStepAsync();
        var before = await StoredFilesAsync();

        var response = await client.UploadPhotosAsync("continue", (name, contentType, Bytes(kind)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.GetDocumentAsync();
        Assert.Equal(message, page.FieldError("upload"));
        Assert.Equal([message], page.ErrorSummary());
        Assert.Empty(page.QuerySelectorAll(".photo-list img"));
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task A_photo_that_cannot_be_read_is_refused_next_to_the_field_and_nothing_else_of_the_report_is_lost()
    {
        var client = await AtPhotoStepAsync();

        var response = await client.UploadPhotosAsync("upload", ("kitchen.heic", "image/heic", TestImages.Heic()), ("broken.heic", "image/heic", TestImages.Heic()[..4000]));

        var page = await response.GetDocumentAsync();
        Assert.Equal(PhotoProcessor.DamagedMessage, page.FieldError("upload"));
        Assert.Single(page.QuerySelectorAll(".photo-list img"));
        ReportJourney.Expect(await client.UploadPhotosAsync("continue"), "/repairs/report/access");
        var describe = await client.GetDocumentAsync("/repairs/report/describe?change=true");
        Assert.Equal("Upload security test", describe.QuerySelector("textarea[name=Description]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Too_many_photos_at_once_are_refused_and_none_is_kept()
    {
        var client = await AtPhotoStepAsync();
        var before = await StoredFilesAsync();
        var photo = ("tap.jpg", "image/jpeg", TestImages.Jpeg());

        var response = await client.UploadPhotosAsync("continue", photo, photo, photo, photo);

        var page = await response.GetDocumentAsync();
        Assert.Equal("You can add up to 3 photos", page.FieldError("upload"));
        Assert.Empty(page.QuerySelectorAll(".photo-list img"));
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task A_valid_jpeg_carrying_html_in_a_comment_and_after_the_image_is_kept_without_it_and_served_as_a_jpeg()
    {
        var client = await AtPhotoStepAsync();
        var polyglot = (byte[])[.. TestImages.Jpeg(TestImages.Segment(0xFE, Html)), .. Html];
        ReportJourney.Expect(await client.UploadPhotosAsync("continue", ("tap.jpg", "image/jpeg", polyglot)), "/repairs/report/access");

        var page = await client.GetDocumentAsync("/repairs/report/photos");
        var href = page.QuerySelector(".photo-list a")!.GetAttribute("href")!;
        var served = await client.GetAsync(new Uri(href, UriKind.Relative));
        var bytes = await served.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script", Encoding.ASCII.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([0xFF, 0xD9], bytes[^2..]);
    }

    [Fact]
    public async Task Adding_information_with_a_hostile_or_too_many_photos_keeps_nothing()
    {
        var client = await app.SignedInAsync();
        var reference = await app.WithHousingAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Repairs.Where(r => r.Tenancy!.Reference == Web.Data.Seeding.DemoData.TenancyReference && r.Status == Web.Data.Housing.RepairStatus.Reported).Select(r => r.Reference)));
        var before = await StoredFilesAsync();

        var hostile = await PostInformationAsync(client, reference, ("a.jpg", "image/jpeg", TestImages.Jpeg()), ("b.jpg", "image/jpeg", Bytes("gif-html-polyglot")));
        var many = await PostInformationAsync(client, reference, Enumerable.Repeat(("a.jpg", "image/jpeg", TestImages.Jpeg()), 4).ToArray());

        Assert.Equal(PhotoProcessor.WrongTypeMessage, (await hostile.GetDocumentAsync()).FieldError("upload"));
        Assert.Equal("You can add up to 3 photos at a time", (await many.GetDocumentAsync()).FieldError("upload"));
        Assert.Equal(before, await StoredFilesAsync());
    }

    private static async Task<HttpResponseMessage> PostInformationAsync(HttpClient client, string reference, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var token = await client.AntiforgeryTokenAsync($"/repairs/{reference}/add-information");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Photos"), "Information" } };
        foreach (var (name, type, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            content.Add(file, "upload", name);
        }

        return await client.PostAsync(new Uri($"/repairs/{reference}/add-information", UriKind.Relative), content);
    }
}
