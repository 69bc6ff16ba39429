using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Features.Shared;

namespace TenantPortal.Web.Features.Account;

public sealed class RegisterForm
{
    [Required(ErrorMessage = "Enter your tenancy reference")]
    [StringLength(40, ErrorMessage = "Enter your tenancy reference as it appears on your rent statement")]
    public string? Reference { get; set; }

    [Required(ErrorMessage = "Enter your surname")]
    [StringLength(100, ErrorMessage = "Surname must be 100 characters or fewer")]
    public string? Surname { get; set; }

    public string? DateOfBirthDay { get; set; }
    public string? DateOfBirthMonth { get; set; }
    public string? DateOfBirthYear { get; set; }
}

public sealed class CreateAccountForm
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddressRule]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter a password")]
    [StringLength(1000, ErrorMessage = "Your password must be 1,000 characters or fewer")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Enter your password again")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    public string? ConfirmPassword { get; set; }
}

public sealed record AlreadyRegisteredModel(string PhoneNumber);
