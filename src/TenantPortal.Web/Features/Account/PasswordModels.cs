using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Features.Shared;

namespace TenantPortal.Web.Features.Account;

public sealed class EmailForm
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddressRule]
    public string? Email { get; set; }
}

/// <summary>A new password with its confirmation, for reset, invitation and change.</summary>
public class NewPasswordForm
{
    [Required(ErrorMessage = "Enter a new password")]
    [StringLength(1000, ErrorMessage = "Your password must be 1,000 characters or fewer")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>Reset and invitation links: the user id and the emailed token travel in hidden fields.</summary>
public sealed class TokenPasswordForm : NewPasswordForm
{
    public string? UserId { get; set; }
    [Infrastructure.Web.SensitiveField]
    public string? Code { get; set; }
}

public sealed class ChangePasswordForm : NewPasswordForm
{
    [Required(ErrorMessage = "Enter your current password")]
    public string? CurrentPassword { get; set; }
}

public sealed class SetUpAuthenticatorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    [Infrastructure.Web.SensitiveField]
    public string? Code { get; set; }
}

public sealed record SetUpAuthenticatorModel(string QrCodeDataUri, string FormattedKey, SetUpAuthenticatorForm Form);

public sealed class RecoveryCodeForm
{
    [Required(ErrorMessage = "Enter one of your recovery codes")]
    [StringLength(20, ErrorMessage = "Enter a recovery code as it was shown to you")]
    [Infrastructure.Web.SensitiveField]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}
