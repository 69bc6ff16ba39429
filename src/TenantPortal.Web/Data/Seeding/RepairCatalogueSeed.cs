using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>The demo schedule of rates: what tenants can report, by area, item and problem.</summary>
internal static class RepairCatalogueSeed
{
    public const string AnywhereInTheHome = "Anywhere in the home";

    /// <summary>The item a browser test reports: a dripping kitchen tap (routine plumbing).</summary>
    public const string KitchenTapDrippingJobCode = "PL0101";

    public static List<RepairCatalogueItem> Create()
    {
        var items = new List<RepairCatalogueItem>();
        void Add(string area, string item, string problem, Trade trade, RepairPriority priority, string code,
            HazardType hazard = HazardType.None, string? tenantAdvice = null) =>
            items.Add(new RepairCatalogueItem
            {
                Area = area,
                Item = item,
                Problem = problem,
                Trade = trade,
                Priority = priority,
                JobCode = code,
                Hazard = hazard,
                IsTenantResponsibility = tenantAdvice is not null,
                TenantAdvice = tenantAdvice,
                SortOrder = (items.Count + 1) * 10,
            });

        const RepairPriority E = RepairPriority.Emergency, U = RepairPriority.Urgent, R = RepairPriority.Routine;

        Add("Kitchen", "Tap", "Dripping or leaking", Trade.Plumbing, R, KitchenTapDrippingJobCode);
        Add("Kitchen", "Tap", "No water coming out", Trade.Plumbing, U, "PL0102");
        Add("Kitchen", "Sink", "Blocked or slow to drain", Trade.Plumbing, U, "PL0103");
        Add("Kitchen", "Pipe under the sink", "Leaking", Trade.Plumbing, U, "PL0104");
        Add("Kitchen", "Your own washing machine", "Not working or leaking", Trade.Plumbing, R, "PL0105", tenantAdvice:
            "Your washing machine belongs to you, so we can't repair it. Turn off the small valve on the pipe behind it to stop a leak, then contact the maker or a local repair shop. If water has damaged the kitchen, report that as a separate repair.");
        Add("Kitchen", "Cupboard door", "Broken or hanging off", Trade.Carpentry, R, "CA0101");
        Add("Kitchen", "Worktop", "Damaged or loose", Trade.Carpentry, R, "CA0102");
        Add("Kitchen", "Extractor fan", "Not working", Trade.Electrical, R, "EL0101");
        Add("Kitchen", "Socket", "Not working", Trade.Electrical, U, "EL0102");
        Add("Kitchen", "Socket", "Burning smell or scorch marks", Trade.Electrical, E, "EL0103", HazardType.Emergency);

        Add("Bathroom", "Toilet", "Won't flush", Trade.Plumbing, U, "PL0201");
        Add("Bathroom", "Toilet", "Leaking at the base", Trade.Plumbing, U, "PL0202");
        Add("Bathroom", "Toilet", "Blocked", Trade.Plumbing, U, "PL0203");
        Add("Bathroom", "Toilet seat", "Broken or loose", Trade.General, R, "GN0201", tenantAdvice:
            "Toilet seats are yours to replace. A standard seat from any DIY shop or supermarket fits with two bolts underneath the back of the toilet.");
        Add("Bathroom", "Bath or shower tray", "Leaking", Trade.Plumbing, U, "PL0204");
        Add("Bathroom", "Basin tap", "Dripping or leaking", Trade.Plumbing, R, "PL0205");
        Add("Bathroom", "Electric shower", "Not working", Trade.Electrical, U, "EL0201");
        Add("Bathroom", "Extractor fan", "Not working", Trade.Electrical, R, "EL0202");
        Add("Bathroom", "Sealant around the bath", "Cracked or gone black", Trade.General, R, "GN0202");
        Add("Bathroom", "Shower curtain or rail", "Broken", Trade.General, R, "GN0203", tenantAdvice:
            "Shower curtains and curtain rails are yours to replace. If a fixed shower screen we fitted is broken, report that instead.");

        Add("Bedroom", "Window", "Won't open or close", Trade.Carpentry, R, "CA0301");
        Add("Bedroom", "Window", "Broken glass", Trade.Carpentry, U, "CA0302");
        Add("Bedroom", "Radiator", "Cold or not working", Trade.Heating, U, "HT0301");
        Add("Bedroom", "Light bulb", "Not working", Trade.Electrical, R, "EL0301", tenantAdvice:
            "Changing light bulbs is up to you. Switch off the light and let the bulb cool first. If a new bulb doesn't work either, the fitting may be faulty: report that as \"Light fitting\".");
        Add("Bedroom", "Light fitting", "Not working", Trade.Electrical, R, "EL0302");
        Add("Bedroom", "Internal door", "Sticking or won't close", Trade.Carpentry, R, "CA0303");

        Add("Living room", "Socket", "Not working", Trade.Electrical, U, "EL0401");
        Add("Living room", "Radiator", "Leaking", Trade.Heating, U, "HT0401");
        Add("Living room", "Ceiling", "Cracked or bulging", Trade.General, R, "GN0401");
        Add("Living room", "Floorboards", "Loose or creaking", Trade.Carpentry, R, "CA0401");
        Add("Living room", "Internal door handle", "Lost or broken", Trade.Carpentry, R, "CA0402", tenantAdvice:
            "Internal door handles that are lost or broken by accident are yours to replace; DIY shops sell them in packs. If a handle has worn out through normal use, phone us.");

        Add("Hallway and stairs", "Front door", "Won't lock or close", Trade.Carpentry, E, "CA0501");
        Add("Hallway and stairs", "Banister or handrail", "Loose or broken", Trade.Carpentry, U, "CA0502");
        Add("Hallway and stairs", "Smoke alarm", "Beeping or not working", Trade.Electrical, U, "EL0501");
        Add("Hallway and stairs", "Boiler", "No heating or hot water", Trade.Heating, E, "HT0501");
        Add("Hallway and stairs", "Boiler", "Leaking or losing pressure", Trade.Heating, U, "HT0502");
        Add("Hallway and stairs", "Heating controls or thermostat", "Not working", Trade.Heating, R, "HT0503");
        Add("Hallway and stairs", "Carpet you fitted", "Worn or damaged", Trade.General, R, "GN0501", tenantAdvice:
            "Carpets and other floor coverings you fitted are yours to look after and replace.");

        Add("Outside", "Gutter", "Blocked or overflowing", Trade.Roofing, R, "RF0601");
        Add("Outside", "Roof", "Missing or slipped tiles", Trade.Roofing, U, "RF0602");
        Add("Outside", "Roof", "Leaking into the home", Trade.Roofing, U, "RF0603");
        Add("Outside", "Chimney or flashing", "Damaged", Trade.Roofing, R, "RF0604");
        Add("Outside", "Fence", "Damaged or fallen down", Trade.Carpentry, R, "CA0601");
        Add("Outside", "Gate", "Broken or won't close", Trade.Carpentry, R, "CA0602");
        Add("Outside", "Drain", "Blocked or smelly", Trade.Plumbing, U, "PL0601");
        Add("Outside", "Path or steps", "Cracked or uneven", Trade.General, R, "GN0601");
        Add("Outside", "Outside light", "Not working", Trade.Electrical, R, "EL0601");
        Add("Outside", "Garden", "Overgrown", Trade.General, R, "GN0602", tenantAdvice:
            "Looking after your garden, including cutting grass and hedges, is up to you. If you can't manage it because of illness or disability, phone us about garden help.");

        Add("Communal area", "Stair or corridor light", "Not working", Trade.Electrical, U, "EL0701");
        Add("Communal area", "Door entry system", "Not working", Trade.Electrical, U, "EL0702");
        Add("Communal area", "Communal door", "Won't close or lock", Trade.Carpentry, U, "CA0701");
        Add("Communal area", "Stairs or floor", "Damaged", Trade.General, R, "GN0701");
        Add("Communal area", "Communal roof", "Leaking", Trade.Roofing, U, "RF0701");

        Add(AnywhereInTheHome, "Damp or mould", "On walls or ceilings", Trade.General, U, "GN0801", HazardType.DampAndMould);
        Add(AnywhereInTheHome, "Damp or mould", "Around windows", Trade.General, U, "GN0802", HazardType.DampAndMould);
        Add(AnywhereInTheHome, "Damp or mould", "Damp patch after a leak", Trade.General, U, "GN0803", HazardType.DampAndMould);
        Add(AnywhereInTheHome, "Water leak", "Water coming through the ceiling", Trade.Plumbing, E, "PL0801");
        Add(AnywhereInTheHome, "Electrics", "Exposed wiring", Trade.Electrical, E, "EL0801", HazardType.Emergency);
        Add(AnywhereInTheHome, "Electrics", "No power in the home", Trade.Electrical, E, "EL0802");
        Add(AnywhereInTheHome, "Keys", "Lost or locked out", Trade.Carpentry, R, "CA0801", tenantAdvice:
            "Lost keys are your responsibility. A locksmith can let you in; we can give you the name of one we use, but you pay for the call-out and new locks.");
        return items;
    }
}
