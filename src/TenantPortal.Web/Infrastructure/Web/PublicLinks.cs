using Microsoft.Extensions.Options;
using TenantPortal.Web.Features.Account;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>Absolute links for messages (emails), always from Accounts:PublicBaseUrl and never from the request's
/// Host header, which anyone can forge (a forged one would put the attacker's site in a genuine email).</summary>
public sealed class PublicLinks(IOptions<AccountOptions> options)
{
    public string Absolute(string pathAndQuery)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("Accounts:PublicBaseUrl is not set: links in messages are only ever built from it.");
        }

        return baseUrl.TrimEnd('/') + pathAndQuery;
    }
}
