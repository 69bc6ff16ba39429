using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TenantPortal.Web.Features.Shared;

/// <summary>A labelled input or textarea with hint and error message wired up for screen readers, keeping what the
/// user typed after a failed submit: &lt;text-field asp-for="Email" label="Email address" type="email" /&gt;.</summary>
[HtmlTargetElement("text-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    /// <summary>Render a textarea with this many rows instead of an input.</summary>
    public int Rows { get; set; }
    public int? Maxlength { get; set; }

    /// <summary>CSS width class for short answers, e.g. "input--w10".</summary>
    public string? Width { get; set; }
    public bool LabelIsHeading { get; set; }

    /// <summary>A unit shown before the box, e.g. "£" (GOV.UK input prefix; hidden from screen readers, which read the label).</summary>
    public string? Prefix { get; set; }
    public bool Spellcheck { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        // A date is written the way <input type="date"> reads it (yyyy-MM-dd), whatever the culture.
        var value = state?.AttemptedValue ?? (For.Model is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(For.Model, CultureInfo.InvariantCulture)) ?? "";
        var enc = HtmlEncoder.Default;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field--error");

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        var label = $"<label class=\"label\" for=\"{id}\">{enc.Encode(Label)}</label>";
        html.Append(LabelIsHeading ? $"<h1 class=\"label-heading\">{label}</h1>" : label);
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }

        // Long answers get the GOV.UK character count instead of a maxlength attribute, which silently cuts off
        // what is typed or pasted: the limit is stated, counted down by site.js, and enforced by the server with an
        // error that keeps the text.
        var characterCount = Rows > 0 && Maxlength is not null;
        if (characterCount)
        {
            output.Attributes.SetAttribute("data-character-count", Maxlength!.Value.ToString(CultureInfo.InvariantCulture));
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"hint character-count__limit\" id=\"{id}-limit\">You can enter up to {Maxlength.Value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters</div>");
            describedBy.Add($"{id}-limit");
        }

        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"field-error\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {enc.Encode(error)}</p>");
            describedBy.Add($"{id}-error");
        }

        var attributes = new System.Text.StringBuilder();
        attributes.Append(CultureInfo.InvariantCulture, $" id=\"{id}\" name=\"{enc.Encode(name)}\"");
        var css = "input" + (Width is null ? "" : " " + Width) + (error is null ? "" : " input--error");
        attributes.Append(CultureInfo.InvariantCulture, $" class=\"{css}\"");
        if (describedBy.Count > 0)
        {
            attributes.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        if (error is not null)
        {
            attributes.Append(" aria-invalid=\"true\"");
        }

        if (Autocomplete is not null)
        {
            attributes.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }

        if (Inputmode is not null)
        {
            attributes.Append(CultureInfo.InvariantCulture, $" inputmode=\"{enc.Encode(Inputmode)}\"");
        }

        if (Maxlength is not null && !characterCount)
        {
            attributes.Append(CultureInfo.InvariantCulture, $" maxlength=\"{Maxlength}\"");
        }

        if (!Spellcheck)
        {
            attributes.Append(" spellcheck=\"false\"");
        }

        if (Rows > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<textarea{attributes} rows=\"{Rows}\">{enc.Encode(value)}</textarea>");
        }
        else
        {
            var safeValue = Type == "password" ? "" : value;
            var input = $"<input{attributes} type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(safeValue)}\">";
            html.Append(Prefix is null ? input : $"<div class=\"input-wrapper\"><div class=\"input-prefix\" aria-hidden=\"true\">{enc.Encode(Prefix)}</div>{input}</div>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }
}
