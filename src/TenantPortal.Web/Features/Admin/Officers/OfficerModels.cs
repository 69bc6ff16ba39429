using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Features.Shared;

namespace TenantPortal.Web.Features.Admin.Officers;

public sealed class InviteOfficerForm
{
    [Required(ErrorMessage = "Enter the officer's full name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter the officer's work email address")]
    [EmailAddressRule]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Select a role")]
    [RegularExpression("^(Officer|Administrator)$", ErrorMessage = "Select a role")]
    public string? Role { get; set; } = Infrastructure.Security.PortalRoles.Officer;
}

public enum OfficerStatus { Invited, SettingUp, Active, Disabled }

public sealed record OfficerRow(string Id, string Name, string Email, string Role, OfficerStatus Status, DateTime? LastSignInAt)
{
    public string StatusText => Status switch
    {
        OfficerStatus.Invited => "Invited",
        OfficerStatus.SettingUp => "Two-factor not set up",
        OfficerStatus.Disabled => "Disabled",
        _ => "Active",
    };

    public string StatusTag => Status switch
    {
        OfficerStatus.Invited => "tag--yellow",
        OfficerStatus.SettingUp => "tag--yellow",
        OfficerStatus.Disabled => "tag--grey",
        _ => "tag--green",
    };
}

public sealed record OfficersPage(IReadOnlyList<OfficerRow> Officers, string CurrentUserId);
