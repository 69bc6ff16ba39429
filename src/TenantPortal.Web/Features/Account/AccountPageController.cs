using Microsoft.AspNetCore.Mvc;

namespace TenantPortal.Web.Features.Account;

/// <summary>Base for the account controllers: their views all live in Features/Account, whatever the controller's
/// name.</summary>
public abstract class AccountPageController : Controller
{
    public override ViewResult View(string? viewName, object? model) =>
        base.View($"~/Features/Account/{viewName ?? ControllerContext.ActionDescriptor.ActionName}.cshtml", model);

    protected string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    /// <summary>Adds Identity's password errors to the named field, in plain English.</summary>
    protected void AddPasswordErrors(string field, IEnumerable<Microsoft.AspNetCore.Identity.IdentityError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(field, error.Code switch
            {
                "PasswordTooShort" => "Your password must be at least 10 characters",
                _ => error.Description,
            });
        }
    }
}
