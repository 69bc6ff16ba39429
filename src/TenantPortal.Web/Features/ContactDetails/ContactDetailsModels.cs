using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>The summary of what we hold, with a notice after a save or a conflict.</summary>
public sealed class ContactDetailsPage
{
    public required ContactRecord Record { get; init; }
    public string? Notice { get; init; }
    public bool Conflict { get; init; }
}

/// <summary>One item's question page and its check-your-answers page. Only Value, Version and Step are posted;
/// the tenant is always the signed-in one.</summary>
public sealed class ContactItemForm
{
    public string? Value { get; set; }

    /// <summary>The record's Version when the tenant opened the page.</summary>
    public Guid? Version { get; set; }


    [BindNever]
    public ContactItem Item { get; set; } = null!;

    /// <summary>The normalised value, as it will be stored (check page).</summary>
    [BindNever]
    public string? Stored { get; set; }
}

/// <summary>An answer waiting on the check page: as typed (for "Change"), as it will be stored, and the record's
/// Version when the tenant started, so a change made meanwhile by an officer is not overwritten.</summary>
public sealed record PendingContactChange(string? Value, string? Stored, Guid Version);

public sealed class ConfirmPasswordForm
{
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ConfirmEmailPage
{
    public string? Token { get; set; }
    public string? NewEmail { get; set; }
    public string? Error { get; set; }
}
