using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TenantPortal.Web.Features.Shared;

/// <summary>What a hand-written input (a radio, a select option) shows: what was last sent for the field (a form
/// shown again after an error, or kept at a sign-out by <see cref="Account.KeptFormFilter"/>), else the model's value.
/// The text field tag helper and the asp-for tag helpers do the same themselves.</summary>
public static class ShownValues
{
    public static string? Shown(this ViewDataDictionary viewData, string field, object? modelValue) =>
        viewData.ModelState.TryGetValue(field, out var entry) && entry.AttemptedValue is { } sent
            ? sent
            : Convert.ToString(modelValue, CultureInfo.InvariantCulture);

    /// <summary>Whether a hand-written checkbox (value "true") is ticked: as it was last sent; in a form kept at a
    /// sign-out a box that is not among the kept fields was not ticked (a browser sends nothing for it); else the
    /// model's value.</summary>
    public static bool ShownChecked(this ViewDataDictionary viewData, string field, bool modelValue) =>
        viewData.ModelState.TryGetValue(field, out var entry) && entry.AttemptedValue is { } sent
            ? sent.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase)
            : modelValue && !viewData.ContainsKey(Account.KeptForms.NoticeKey);
}
