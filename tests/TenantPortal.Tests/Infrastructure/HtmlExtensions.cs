using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TenantPortal.Tests.Infrastructure;

public static class HtmlExtensions
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
        return (IHtmlDocument)document;
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.GetDocumentAsync();
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";

    public static string NormalisedText(this IParentNode document) =>
        string.Join(' ', (document is IDocument d ? d.Body?.TextContent : (document as IElement)?.TextContent ?? "")!
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The texts of the error summary's links, in order.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument document) =>
        document.QuerySelectorAll(".error-summary li").Select(e => e.Text()).ToList();

    public static string? FieldError(this IDocument document, string fieldId) =>
        document.QuerySelector($"#{fieldId}-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();
}
