using System.Diagnostics.CodeAnalysis;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>A repair or tenancy reference taken from an address, e.g. <c>R2026-00012</c> or <c>DEMO-0001</c>. The
/// HMS stores references in capitals; addresses typed by hand, and links sent before addresses kept their case, may be
/// in lower case. Binding an action parameter of this type (MVC binds any <see cref="IParsable{TSelf}"/>) normalises
/// it once, so no action restates the rule, and links generated from it keep the reference as stored.</summary>
public readonly struct Reference : IParsable<Reference>, IEquatable<Reference>
{
    private const int MaxLength = 40;
    private readonly string? value;

    private Reference(string value) => this.value = value;

    public string Value => value ?? "";

    public static Reference Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var reference) ? reference : throw new FormatException("Not a reference.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Reference result)
    {
        var trimmed = s?.Trim();
        result = string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength ? default : new Reference(trimmed.ToUpperInvariant());
        return result.value is not null;
    }

    public static implicit operator string(Reference reference) => reference.Value;

    public override string ToString() => Value;

    public bool Equals(Reference other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Reference other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(Reference left, Reference right) => left.Equals(right);

    public static bool operator !=(Reference left, Reference right) => !left.Equals(right);
}
