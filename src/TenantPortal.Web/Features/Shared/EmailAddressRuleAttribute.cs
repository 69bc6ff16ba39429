using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Features.ContactDetails;

namespace TenantPortal.Web.Features.Shared;

/// <summary>The portal's one rule for an email address (<see cref="EmailAddresses.Normalise"/>), for forms that use
/// data annotations: registration, sign-in, password reset and officer invitations accept exactly what contact details
/// accept. An empty value is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailAddressRuleAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !string.IsNullOrWhiteSpace(text) && EmailAddresses.Normalise(text).Error is { } error
            ? new ValidationResult(error, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
