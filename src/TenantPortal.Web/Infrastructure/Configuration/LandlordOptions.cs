using System.ComponentModel.DataAnnotations;

namespace TenantPortal.Web.Infrastructure.Configuration;

/// <summary>Who the portal belongs to: shown in the header, emails and error pages so it looks like the landlord's own.</summary>
public sealed class LandlordOptions
{
    public const string Section = "Landlord";

    [Required(ErrorMessage = "Landlord:Name is required: the landlord's name shown on every page.")]
    public string Name { get; set; } = "";

    /// <summary>Path of the logo on this site (optional), e.g. /img/logo.svg: put the file in wwwroot. A path, not
    /// another site's URL, because the content security policy loads images only from the portal itself.</summary>
    [RegularExpression(@"^/(?!/)\S*$", ErrorMessage = "Landlord:LogoUrl must be a path on this site, like /img/logo.svg (put the file in wwwroot): the portal loads images only from itself.")]
    public string? LogoUrl { get; set; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Landlord:BrandColour must be a hex colour like #1d4f91.")]
    public string BrandColour { get; set; } = "#1d4f91";

    [Required(ErrorMessage = "Landlord:PhoneNumber is required: it is shown whenever something goes wrong.")]
    public string PhoneNumber { get; set; } = "";

    /// <summary>The 24-hour line for emergency repairs.</summary>
    [Required(ErrorMessage = "Landlord:EmergencyPhoneNumber is required: the 24-hour repairs line.")]
    public string EmergencyPhoneNumber { get; set; } = "";

    public string OpeningHours { get; set; } = "Monday to Friday, 8am to 6pm";

    /// <summary>The landlord's postal address, a line per entry: the return address block on printed letters.</summary>
    public List<string> Address { get; set; } = [];

    [EmailAddress(ErrorMessage = "Landlord:EmailFrom must be an email address.")]
    public string EmailFrom { get; set; } = "noreply@example.org";
}
