using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>The demo landlord's listed contractors (made-up firms; 01632 numbers are reserved for drama by Ofcom): one
/// taking each trade's jobs by default and a spare the officer can send as the second contractor.</summary>
public static class DemoContractors
{
    public static List<Contractor> Create() =>
    [
        new() { Name = "Northgate Plumbing and Heating Ltd", Address = "Unit 4, Canal Works\nMill Lane\nExampleton\nEX1 4PL", PhoneNumber = "01632 960 101", DefaultForTrade = Trade.Plumbing },
        new() { Name = "Brightwire Electrical Services", Address = "12 Station Road\nExampleton\nEX2 7EL", PhoneNumber = "01632 960 202", DefaultForTrade = Trade.Electrical },
        new() { Name = "Oak and Iron Building Maintenance", Address = "The Yard, 3 Quarry Street\nExampleton\nEX3 1CA", PhoneNumber = "01632 960 303", DefaultForTrade = Trade.Carpentry },
        new() { Name = "Skyline Roofing Co", Address = "88 High Street\nExampleton\nEX1 2RF", PhoneNumber = "01632 960 404", DefaultForTrade = Trade.Roofing },
        new() { Name = "Warmhomes Heating Engineers", Address = "5 Foundry Court\nExampleton\nEX4 9HT", PhoneNumber = "01632 960 505", DefaultForTrade = Trade.Heating },
        new() { Name = "Handy Estates Repairs", Address = "21 Market Place\nExampleton\nEX1 1GN", PhoneNumber = "01632 960 606", DefaultForTrade = Trade.General },
        new() { Name = "Second Response Repairs Ltd", Address = "7 Riverside Park\nExampleton\nEX5 3SR", PhoneNumber = "01632 960 707" },
    ];
}
