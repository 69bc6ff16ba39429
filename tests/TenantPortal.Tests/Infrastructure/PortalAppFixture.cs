namespace TenantPortal.Tests.Infrastructure;

/// <summary>One app and database per test class (xunit class fixture).</summary>
public sealed class PortalAppFixture : IDisposable
{
    public PortalAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
