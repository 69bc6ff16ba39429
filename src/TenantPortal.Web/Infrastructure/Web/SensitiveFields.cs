using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>Marks a form field that is never written back into a page or kept anywhere after a failure (a security code,
/// a token): the 503 page's "Try again" and the form kept at an idle sign-out (<see cref="Features.Account.KeptForms"/>)
/// both leave it out. Passwords (any field with "password" in its name, or <c>[DataType(DataType.Password)]</c>) and the
/// antiforgery token are left out without it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensitiveFieldAttribute : Attribute;

/// <summary>Which posted fields may be written back into a page or kept: the one rule for the 503 page and the kept
/// form.</summary>
public static class SensitiveFields
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> Marked = new(StringComparer.Ordinal);

    /// <summary>The posted fields (name and value, in the order sent) that are not sensitive for this endpoint.</summary>
    public static List<KeyValuePair<string, string>> Keepable(IFormCollection form, Endpoint? endpoint)
    {
        var marked = MarkedFor(endpoint);
        return form
            .Where(f => !IsSensitive(f.Key, marked))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
    }

    private static bool IsSensitive(string field, IReadOnlySet<string> marked) =>
        field == AntiforgeryField
        || field.Contains("password", StringComparison.OrdinalIgnoreCase)
        || marked.Contains(field[(field.LastIndexOf('.') + 1)..]);

    /// <summary>The names of the properties (and parameters) the action binds that are marked sensitive.</summary>
    private static IReadOnlySet<string> MarkedFor(Endpoint? endpoint)
    {
        var action = endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>();
        if (action is null)
        {
            return new HashSet<string>();
        }

        return Marked.GetOrAdd(action.Id, _ =>
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in action.Parameters.OfType<ControllerParameterDescriptor>())
            {
                if (IsMarked(parameter.ParameterInfo))
                {
                    names.Add(parameter.Name);
                }

                Collect(parameter.ParameterType, names, 0);
            }

            foreach (var property in action.BoundProperties)
            {
                Collect(property.ParameterType, names, 0);
            }

            return names;
        });
    }

    private static void Collect(Type type, HashSet<string> names, int depth)
    {
        if (depth > 2 || type.IsPrimitive || type == typeof(string) || type.IsEnum || !type.IsClass)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (IsMarked(property))
            {
                names.Add(property.Name);
            }
            else
            {
                Collect(property.PropertyType, names, depth + 1);
            }
        }
    }

    private static bool IsMarked(ICustomAttributeProvider member) =>
        member.IsDefined(typeof(SensitiveFieldAttribute), true)
        || member.GetCustomAttributes(typeof(DataTypeAttribute), true).OfType<DataTypeAttribute>().Any(d => d.DataType == DataType.Password);
}
