using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TenantPortal.Web.Features.Admin;

/// <summary>Error messages next to selects and radio groups, matching the text-field tag helper's markup
/// (id "{field}-error", referenced by aria-describedby).</summary>
public static class AdminHtml
{
    public static string? Error(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public static string Id(string key) => key.Replace('.', '_');

    public static IHtmlContent FieldError(ModelStateDictionary state, string key)
    {
        var error = Error(state, key);
        return error is null
            ? HtmlString.Empty
            : new HtmlString($"<p class=\"field-error\" id=\"{Id(key)}-error\"><span class=\"visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(error)}</p>");
    }

    public static string FieldClass(ModelStateDictionary state, string key) => Error(state, key) is null ? "field" : "field field--error";

    public static string? DescribedBy(ModelStateDictionary state, string key) => Error(state, key) is null ? null : $"{Id(key)}-error";
}
