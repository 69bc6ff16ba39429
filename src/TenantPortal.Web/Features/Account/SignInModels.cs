using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Features.Shared;

namespace TenantPortal.Web.Features.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddressRule]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    [Infrastructure.Web.SensitiveField]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}
