using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Primitives;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Tests.Security;

/// <summary>The one rule for what a failure may write back into a page (the 503 page's "Try again") or keep (a form
/// sent after the idle sign-out): never a password, the antiforgery token, or a field marked sensitive.</summary>
public sealed class SensitiveFieldsTests
{
    [Fact]
    public void Passwords_the_antiforgery_token_and_fields_marked_sensitive_are_left_out()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            [SensitiveFields.AntiforgeryField] = "token",
            ["CurrentPassword"] = "Hunter2-secret",
            ["Form.Code"] = "123456",
            ["Description"] = "The tap drips",
        });

        var kept = SensitiveFields.Keepable(form, EndpointBinding(nameof(SetUpAuthenticator)));

        Assert.Equal([new KeyValuePair<string, string>("Description", "The tap drips")], kept);
    }

    [Fact]
    public void A_field_is_only_left_out_by_its_mark_on_the_action_that_binds_it()
    {
        var form = new FormCollection(new Dictionary<string, StringValues> { ["Code"] = "DEMO-0001" });

        Assert.Single(SensitiveFields.Keepable(form, endpoint: null));
    }

    private static Endpoint EndpointBinding(string method)
    {
        var parameter = typeof(SensitiveFieldsTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];
        var action = new ControllerActionDescriptor
        {
            Parameters = [new ControllerParameterDescriptor { Name = parameter.Name!, ParameterType = parameter.ParameterType, ParameterInfo = parameter }],
            BoundProperties = [],
        };
        return new Endpoint(null, new EndpointMetadataCollection(action), method);
    }

    /// <summary>Stands for an action that binds the form (never called).</summary>
    private static void SetUpAuthenticator(SetUpAuthenticatorForm form) => GC.KeepAlive(form);
}
