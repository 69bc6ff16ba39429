namespace TenantPortal.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>"File" writes .eml files to PickupDirectory (Development); "Smtp" sends with MailKit.</summary>
    public string Delivery { get; set; } = "File";
    public string PickupDirectory { get; set; } = "App_Data/emails";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>"StartTls" (default), "SslOnConnect" or "None" (only for a local relay).</summary>
    public string SmtpSecurity { get; set; } = "StartTls";
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
}
