namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>A short plain-text email in the landlord's name.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);
