using AngleSharp.Html.Dom;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Submits forms the way a browser without JavaScript does: load the page, take the form's hidden fields
/// (antiforgery token included), override the named fields, post.</summary>
public static class FormClient
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? formSelector = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitFormAsync(document, fields, formSelector);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument document, IDictionary<string, string> fields, string? formSelector = null)
    {
        var form = (formSelector is null
            ? document.QuerySelectorAll("main form").OfType<IHtmlFormElement>().LastOrDefault()
            : document.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form found on {document.Url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (!fields.ContainsKey(hidden.Name!))
            {
                values.Add(new(hidden.Name!, hidden.Value));
            }
        }

        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(document.Url).PathAndQuery : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The page a POST redirected to (Post/Redirect/Get), as the browser would show it next.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode is not (System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.SeeOther) || response.Headers.Location is null)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Expected a redirect after the POST but got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }

        return await client.GetDocumentAsync(response.Headers.Location.OriginalString);
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
    }
}
