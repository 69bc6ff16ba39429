using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TenantPortal.Web.Features.Admin;

/// <summary>The plumbing of the admin pages that carry several small forms, each under its own prefix ("Step.Field"):
/// one error per field in field order, and a form shown again after someone else changed the record.</summary>
public static class AdminForms
{
    /// <summary>Adds <paramref name="message"/> to the field unless <paramref name="ok"/>, or the field already has an
    /// error (a binding error comes first).</summary>
    public static void Require(ModelStateDictionary state, string key, bool ok, string message)
    {
        if (!ok && state.GetFieldValidationState(key) != ModelValidationState.Invalid)
        {
            state.AddModelError(key, message);
        }
    }

    /// <summary>The record's current version for a form shown again after a stale save, so the next try can succeed.</summary>
    public static Guid FreshVersion(ModelStateDictionary state, string prefix, Guid current)
    {
        state.Remove($"{prefix}.Version");
        return current;
    }

    /// <summary>The error summary's order: the form's fields, in the order they appear on the page.</summary>
    public static List<string> FieldOrder(string prefix, IEnumerable<string> fields) => fields.Select(f => $"{prefix}.{f}").ToList();
}
