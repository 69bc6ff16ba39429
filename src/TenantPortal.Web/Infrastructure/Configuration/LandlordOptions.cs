using System.ComponentModel.DataAnnotations;

namespace TenantPortal.Web.Infrastructure.Configuration;

/// <summary>Who the portal belongs to: shown in the header, emails and error pages so it looks like the landlord's own.</summary>
public sealed class LandlordOptions : IValidatableObject
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

    /// <summary>The landlord's postal address, a line per entry: the return address block on printed letters and the
    /// help page.</summary>
    public List<string> Address { get; set; } = [];

    [EmailAddress(ErrorMessage = "Landlord:EmailFrom must be an email address.")]
    public string EmailFrom { get; set; } = "noreply@example.org";

    /// <summary>Where tenants can email questions; shown on the help page when set.</summary>
    [EmailAddress(ErrorMessage = "Landlord:ContactEmail must be an email address.")]
    public string? ContactEmail { get; set; }

    /// <summary>Who to write to about personal information (the data protection officer), for the privacy notice.</summary>
    [EmailAddress(ErrorMessage = "Landlord:PrivacyEmail must be an email address.")]
    public string? PrivacyEmail { get; set; }

    /// <summary>The icon browsers show in tabs and bookmarks: a path on this site, like the logo.</summary>
    [RegularExpression(@"^/(?!/)\S*$", ErrorMessage = "Landlord:FaviconUrl must be a path on this site, like /img/favicon.svg (put the file in wwwroot).")]
    public string FaviconUrl { get; set; } = "/img/favicon.svg";

    /// <summary>The facts of the accessibility statement that only the landlord can give.</summary>
    public AccessibilityStatementOptions Accessibility { get; set; } = new();

    /// <summary>Data annotations do not look inside nested settings, so the statement's are checked here.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Accessibility, new ValidationContext(Accessibility), results, validateAllProperties: true);
        if (Accessibility.Compliance == "Fully" && Accessibility.Problems.Count > 0)
        {
            results.Add(new ValidationResult("Landlord:Accessibility:Compliance is Fully but KnownIssues lists problems: a fully compliant site has none. Clear them (an empty entry) or say Partially."));
        }

        return results;
    }
}

/// <summary>The parts of the accessibility statement the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
/// Accessibility Regulations 2018 require that depend on the landlord: when the statement was prepared and reviewed,
/// when and how the site was tested, and what is known not to meet the standard.</summary>
public sealed class AccessibilityStatementOptions
{
    /// <summary>"Fully", "Partially" or "Not" compliant with WCAG 2.2 AA: the regulations' three statuses.</summary>
    [RegularExpression("^(Fully|Partially|Not)$", ErrorMessage = "Landlord:Accessibility:Compliance must be Fully, Partially or Not.")]
    public string Compliance { get; set; } = "Partially";

    public DateOnly? PreparedOn { get; set; }

    public DateOnly? ReviewedOn { get; set; }

    public DateOnly? TestedOn { get; set; }

    /// <summary>Who tested the site, e.g. "our own staff" or an auditor's name.</summary>
    public string TestedBy { get; set; } = "our own staff, using automated checks (axe-core) and manual checks with a keyboard and a screen reader";

    /// <summary>Content known not to meet WCAG 2.2 AA, in plain words, one entry per problem. An empty entry is
    /// ignored, so a landlord can clear a shipped entry from their own settings (configuration merges lists by index).</summary>
    public List<string> KnownIssues { get; set; } = [];

    public IReadOnlyList<string> Problems => KnownIssues.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
}
