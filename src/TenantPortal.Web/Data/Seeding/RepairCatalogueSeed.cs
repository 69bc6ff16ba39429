using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>The demo schedule of rates: what tenants can report, by area, item and problem.</summary>
internal static class RepairCatalogueSeed
{
    public const string AnywhereInTheHome = "Anywhere in the home";

    /// <summary>The item a browser test reports: a dripping kitchen tap (routine plumbing).</summary>
    public const string KitchenTapDrippingJobCode = "PL0101";

    /// <summary>The last item in every area: a free description an officer triages.</summary>
    public const string SomethingElseItem = "Something else";

    public static List<RepairCatalogueItem> Create()
    {
        var items = new List<RepairCatalogueItem>();
        void Add(string area, string item, string problem, Trade trade, RepairPriority priority, string code,
            HazardType hazard = HazardType.None, string? tenantAdvice = null, RightToRepairDefect? rightToRepair = null, bool gas = false) =>
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
                RightToRepairDefect = rightToRepair,
                IsGas = gas,
                SortOrder = (items.Count + 1) * 10,
            });

        const RepairPriority E = RepairPriority.Emergency, U = RepairPriority.Urgent, R = RepairPriority.Routine;
        const HazardType EmergencyHazard = HazardType.Emergency;

        // Items tenants look for in more than one room: the same problems, one job code per room.
        void Window(string area, string code)
        {
            Add(area, "Window", "Won't open or close", Trade.Carpentry, R, $"{code}1");
            Add(area, "Window", "Broken glass", Trade.Carpentry, U, $"{code}2");
            Add(area, "Window", "Won't lock or catch is broken", Trade.Carpentry, U, $"{code}3", rightToRepair: RightToRepairDefect.InsecureExternalWindowDoorOrLock);
        }

        void Radiator(string area, string code)
        {
            Add(area, "Radiator", "Cold or not working", Trade.Heating, U, $"{code}1", rightToRepair: RightToRepairDefect.TotalOrPartialLossOfSpaceOrWaterHeating);
            Add(area, "Radiator", "Leaking", Trade.Heating, U, $"{code}2", rightToRepair: RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern);
        }

        void Boiler(string area, string code)
        {
            Add(area, "Boiler", "No heating or hot water", Trade.Heating, E, $"{code}1", EmergencyHazard, rightToRepair: RightToRepairDefect.TotalOrPartialLossOfSpaceOrWaterHeating);
            Add(area, "Boiler", "Leaking or losing pressure", Trade.Heating, U, $"{code}2", rightToRepair: RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern);
            Add(area, "Boiler", "Noisy or keeps switching off", Trade.Heating, R, $"{code}3");
        }

        void LightFitting(string area, string code)
        {
            Add(area, "Light fitting", "Not working", Trade.Electrical, R, $"{code}1");
            Add(area, "Light fitting", "Loose, sparking or scorch marks", Trade.Electrical, E, $"{code}2", EmergencyHazard, rightToRepair: RightToRepairDefect.UnsafePowerOrLightingSocketOrElectricalFitting);
        }

        void Socket(string area, string code)
        {
            Add(area, "Socket", "Not working", Trade.Electrical, U, $"{code}1", rightToRepair: RightToRepairDefect.PartialLossOfElectricPower);
            Add(area, "Socket", "Burning smell or scorch marks", Trade.Electrical, E, $"{code}2", EmergencyHazard, rightToRepair: RightToRepairDefect.UnsafePowerOrLightingSocketOrElectricalFitting);
        }

        void InternalDoor(string area, string code)
        {
            Add(area, "Internal door", "Sticking or won't close", Trade.Carpentry, R, $"{code}1");
            Add(area, "Internal door", "Hinges loose or door hanging off", Trade.Carpentry, R, $"{code}2");
        }

        // Every area ends with "something else": the tenant describes it, an officer triages it (routine until then).
        void SomethingElse(string area, string code)
        {
            Add(area, SomethingElseItem, "Something is broken or damaged", Trade.General, R, $"{code}1");
            Add(area, SomethingElseItem, "Something is leaking", Trade.Plumbing, R, $"{code}2");
            Add(area, SomethingElseItem, "Something electrical is not working", Trade.Electrical, R, $"{code}3");
        }

        Add("Kitchen", "Tap", "Dripping or leaking", Trade.Plumbing, R, KitchenTapDrippingJobCode);
        Add("Kitchen", "Tap", "No water coming out", Trade.Plumbing, U, "PL0102", rightToRepair: RightToRepairDefect.PartialLossOfWaterSupply);
        Add("Kitchen", "Tap", "Won't turn on or off", Trade.Plumbing, U, "PL0106", rightToRepair: RightToRepairDefect.TapWhichCannotBeTurned);
        Add("Kitchen", "Sink", "Blocked or slow to drain", Trade.Plumbing, U, "PL0103", rightToRepair: RightToRepairDefect.BlockedSinkBathOrBasin);
        Add("Kitchen", "Sink", "Leaking underneath", Trade.Plumbing, U, "PL0104", rightToRepair: RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern);
        Add("Kitchen", "Your own washing machine", "Not working or leaking", Trade.Plumbing, R, "PL0105", tenantAdvice:
            "Your washing machine belongs to you, so we can't repair it. Turn off the small valve on the pipe behind it to stop a leak, then contact the maker or a local repair shop. If water has damaged the kitchen, report that as a separate repair.");
        Add("Kitchen", "Your own washing machine", "Water pipe or waste pipe for it leaking", Trade.Plumbing, U, "PL0107", rightToRepair: RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern);
        Add("Kitchen", "Cupboard door", "Broken or hanging off", Trade.Carpentry, R, "CA0101");
        Add("Kitchen", "Cupboard door", "Hinge loose or door won't close", Trade.Carpentry, R, "CA0103");
        Add("Kitchen", "Worktop", "Damaged or loose", Trade.Carpentry, R, "CA0102");
        Add("Kitchen", "Worktop", "Gap or sealant around the sink letting water in", Trade.General, R, "GN0101");
        Add("Kitchen", "Extractor fan", "Not working", Trade.Electrical, R, "EL0101", rightToRepair: RightToRepairDefect.MechanicalExtractorFanInInternalKitchenOrBathroomNotWorking);
        Add("Kitchen", "Extractor fan", "Noisy", Trade.Electrical, R, "EL0104");
        Socket("Kitchen", "EL011");
        LightFitting("Kitchen", "EL012");
        Window("Kitchen", "CA011");
        Radiator("Kitchen", "HT011");
        Boiler("Kitchen", "HT012");
        SomethingElse("Kitchen", "GN019");

        Add("Bathroom", "Toilet", "Won't flush", Trade.Plumbing, U, "PL0201", rightToRepair: RightToRepairDefect.ToiletNotFlushing);
        Add("Bathroom", "Toilet", "Leaking at the base", Trade.Plumbing, U, "PL0202", rightToRepair: RightToRepairDefect.BlockedOrLeakingFoulDrainSoilStackOrToiletPan);
        Add("Bathroom", "Toilet", "Blocked", Trade.Plumbing, U, "PL0203", rightToRepair: RightToRepairDefect.BlockedOrLeakingFoulDrainSoilStackOrToiletPan);
        Add("Bathroom", "Toilet seat", "Broken or loose", Trade.General, R, "GN0201", tenantAdvice:
            "Toilet seats are yours to replace. A standard seat from any DIY shop or supermarket fits with two bolts underneath the back of the toilet.");
        Add("Bathroom", "Toilet seat", "Toilet pan cracked under the seat", Trade.Plumbing, U, "PL0206");
        Add("Bathroom", "Bath or shower tray", "Leaking", Trade.Plumbing, U, "PL0204");
        Add("Bathroom", "Bath or shower tray", "Blocked or slow to drain", Trade.Plumbing, U, "PL0207", rightToRepair: RightToRepairDefect.BlockedSinkBathOrBasin);
        Add("Bathroom", "Basin tap", "Dripping or leaking", Trade.Plumbing, R, "PL0205");
        Add("Bathroom", "Basin tap", "Won't turn on or off", Trade.Plumbing, U, "PL0208", rightToRepair: RightToRepairDefect.TapWhichCannotBeTurned);
        Add("Bathroom", "Electric shower", "Not working", Trade.Electrical, U, "EL0201");
        Add("Bathroom", "Electric shower", "Leaking or dripping", Trade.Plumbing, R, "PL0209");
        Add("Bathroom", "Extractor fan", "Not working", Trade.Electrical, R, "EL0202", rightToRepair: RightToRepairDefect.MechanicalExtractorFanInInternalKitchenOrBathroomNotWorking);
        Add("Bathroom", "Extractor fan", "Noisy", Trade.Electrical, R, "EL0203");
        Add("Bathroom", "Sealant around the bath", "Cracked or gone black", Trade.General, R, "GN0202");
        Add("Bathroom", "Sealant around the bath", "Water getting behind it", Trade.General, U, "GN0204");
        Add("Bathroom", "Shower curtain or rail", "Broken", Trade.General, R, "GN0203", tenantAdvice:
            "Shower curtains and curtain rails are yours to replace. If a fixed shower screen we fitted is broken, report that instead.");
        Add("Bathroom", "Shower curtain or rail", "Fixed shower screen broken", Trade.General, R, "GN0205");
        LightFitting("Bathroom", "EL021");
        Window("Bathroom", "CA021");
        Radiator("Bathroom", "HT021");
        Boiler("Bathroom", "HT022");
        SomethingElse("Bathroom", "GN029");

        Window("Bedroom", "CA030");
        Radiator("Bedroom", "HT030");
        Add("Bedroom", "Light bulb", "Not working", Trade.Electrical, R, "EL0301", tenantAdvice:
            "Changing light bulbs is up to you. Switch off the light and let the bulb cool first. If a new bulb doesn't work either, the fitting may be faulty: report that as \"Light fitting\".");
        Add("Bedroom", "Light bulb", "A new bulb doesn't work either", Trade.Electrical, R, "EL0302");
        LightFitting("Bedroom", "EL031");
        Socket("Bedroom", "EL032");
        InternalDoor("Bedroom", "CA031");
        SomethingElse("Bedroom", "GN039");

        Socket("Living room", "EL040");
        Radiator("Living room", "HT040");
        Window("Living room", "CA041");
        LightFitting("Living room", "EL041");
        Add("Living room", "Ceiling", "Cracked or bulging", Trade.General, R, "GN0401");
        Add("Living room", "Ceiling", "Plaster falling down", Trade.General, U, "GN0402");
        Add("Living room", "Floorboards", "Loose or creaking", Trade.Carpentry, R, "CA0401");
        Add("Living room", "Floorboards", "Rotten or giving way", Trade.Carpentry, U, "CA0403", rightToRepair: RightToRepairDefect.RottenTimberFlooringOrStairTread);
        Add("Living room", "Internal door handle", "Lost or broken", Trade.Carpentry, R, "CA0402", tenantAdvice:
            "Internal door handles that are lost or broken by accident are yours to replace; DIY shops sell them in packs. If a handle has worn out through normal use, phone us.");
        Add("Living room", "Internal door handle", "Worn out through normal use", Trade.Carpentry, R, "CA0404");
        InternalDoor("Living room", "CA042");
        SomethingElse("Living room", "GN049");

        Add("Hallway and stairs", "Front door", "Won't lock or close", Trade.Carpentry, E, "CA0501", EmergencyHazard, rightToRepair: RightToRepairDefect.InsecureExternalWindowDoorOrLock);
        Add("Hallway and stairs", "Front door", "Draughty or hard to open", Trade.Carpentry, R, "CA0503");
        Add("Hallway and stairs", "Banister or handrail", "Loose or broken", Trade.Carpentry, U, "CA0502", rightToRepair: RightToRepairDefect.LooseOrDetachedBannisterOrHandRail);
        Add("Hallway and stairs", "Banister or handrail", "Stair tread loose or rotten", Trade.Carpentry, U, "CA0504", rightToRepair: RightToRepairDefect.RottenTimberFlooringOrStairTread);
        Add("Hallway and stairs", "Smoke alarm", "Beeping or not working", Trade.Electrical, U, "EL0501");
        Add("Hallway and stairs", "Smoke alarm", "Going off for no reason", Trade.Electrical, U, "EL0502");
        Boiler("Hallway and stairs", "HT050");
        Add("Hallway and stairs", "Heating controls or thermostat", "Not working", Trade.Heating, R, "HT0505");
        Add("Hallway and stairs", "Heating controls or thermostat", "Heating won't turn off", Trade.Heating, U, "HT0506");
        Radiator("Hallway and stairs", "HT051");
        Window("Hallway and stairs", "CA051");
        LightFitting("Hallway and stairs", "EL051");
        Add("Hallway and stairs", "Carpet you fitted", "Worn or damaged", Trade.General, R, "GN0501", tenantAdvice:
            "Carpets and other floor coverings you fitted are yours to look after and replace.");
        Add("Hallway and stairs", "Carpet you fitted", "Floor under it is damaged", Trade.Carpentry, R, "CA0505");
        SomethingElse("Hallway and stairs", "GN059");

        Add("Outside", "Gutter", "Blocked or overflowing", Trade.Roofing, R, "RF0601");
        Add("Outside", "Gutter", "Broken or hanging down", Trade.Roofing, R, "RF0605");
        Add("Outside", "Roof", "Missing or slipped tiles", Trade.Roofing, U, "RF0602");
        Add("Outside", "Roof", "Leaking into the home", Trade.Roofing, U, "RF0603", rightToRepair: RightToRepairDefect.LeakingRoof);
        Add("Outside", "Chimney or flashing", "Damaged", Trade.Roofing, R, "RF0604");
        Add("Outside", "Chimney or flashing", "Blocked flue or smoke coming back in", Trade.Heating, E, "HT0601", EmergencyHazard, rightToRepair: RightToRepairDefect.BlockedFlueToOpenFireOrBoiler);
        Add("Outside", "Fence", "Damaged or fallen down", Trade.Carpentry, R, "CA0601");
        Add("Outside", "Fence", "Leaning or loose", Trade.Carpentry, R, "CA0603");
        Add("Outside", "Gate", "Broken or won't close", Trade.Carpentry, R, "CA0602");
        Add("Outside", "Gate", "Lock or latch broken", Trade.Carpentry, R, "CA0604");
        Add("Outside", "Drain", "Blocked or smelly", Trade.Plumbing, U, "PL0601", rightToRepair: RightToRepairDefect.BlockedOrLeakingFoulDrainSoilStackOrToiletPan);
        Add("Outside", "Drain", "Sewage coming up", Trade.Plumbing, E, "PL0602", EmergencyHazard, rightToRepair: RightToRepairDefect.BlockedOrLeakingFoulDrainSoilStackOrToiletPan);
        Add("Outside", "Path or steps", "Cracked or uneven", Trade.General, R, "GN0601");
        Add("Outside", "Path or steps", "Handrail loose or broken", Trade.Carpentry, U, "CA0605", rightToRepair: RightToRepairDefect.LooseOrDetachedBannisterOrHandRail);
        Add("Outside", "Outside light", "Not working", Trade.Electrical, R, "EL0601");
        Add("Outside", "Outside light", "Loose, sparking or water in it", Trade.Electrical, E, "EL0602", EmergencyHazard, rightToRepair: RightToRepairDefect.UnsafePowerOrLightingSocketOrElectricalFitting);
        Add("Outside", "Garden", "Overgrown", Trade.General, R, "GN0602", tenantAdvice:
            "Looking after your garden, including cutting grass and hedges, is up to you. If you can't manage it because of illness or disability, phone us about garden help.");
        Add("Outside", "Garden", "Tree we planted is dangerous", Trade.General, U, "GN0603");
        SomethingElse("Outside", "GN069");

        Add("Communal area", "Stair or corridor light", "Not working", Trade.Electrical, U, "EL0701");
        Add("Communal area", "Stair or corridor light", "Flickering", Trade.Electrical, R, "EL0703");
        Add("Communal area", "Door entry system", "Not working", Trade.Electrical, U, "EL0702", rightToRepair: RightToRepairDefect.DoorEntryphoneNotWorking);
        Add("Communal area", "Door entry system", "Buzzer or handset in your home not working", Trade.Electrical, R, "EL0704", rightToRepair: RightToRepairDefect.DoorEntryphoneNotWorking);
        Add("Communal area", "Communal door", "Won't close or lock", Trade.Carpentry, U, "CA0701");
        Add("Communal area", "Communal door", "Closer broken or door slams", Trade.Carpentry, R, "CA0702");
        Add("Communal area", "Stairs or floor", "Damaged", Trade.General, R, "GN0701");
        Add("Communal area", "Stairs or floor", "Handrail loose or broken", Trade.Carpentry, U, "CA0703");
        Add("Communal area", "Communal roof", "Leaking", Trade.Roofing, U, "RF0701");
        Add("Communal area", "Communal roof", "Missing or slipped tiles", Trade.Roofing, R, "RF0702");
        SomethingElse("Communal area", "GN079");

        Add(AnywhereInTheHome, "Damp or mould", "On walls or ceilings", Trade.General, U, "GN0801", HazardType.DampAndMould);
        Add(AnywhereInTheHome, "Damp or mould", "Around windows", Trade.General, U, "GN0802", HazardType.DampAndMould);
        Add(AnywhereInTheHome, "Damp or mould", "Damp patch after a leak", Trade.General, U, "GN0803", HazardType.DampAndMould);
        Add(AnywhereInTheHome, "Water leak", "Water coming through the ceiling", Trade.Plumbing, E, "PL0801", EmergencyHazard, rightToRepair: RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern);
        Add(AnywhereInTheHome, "Water leak", "Burst pipe or water you can't stop", Trade.Plumbing, E, "PL0802", EmergencyHazard, rightToRepair: RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern);
        Add(AnywhereInTheHome, "Water leak", "No water at all", Trade.Plumbing, E, "PL0803", rightToRepair: RightToRepairDefect.TotalLossOfWaterSupply);
        Add(AnywhereInTheHome, "Electrics", "Exposed wiring", Trade.Electrical, E, "EL0801", EmergencyHazard, rightToRepair: RightToRepairDefect.UnsafePowerOrLightingSocketOrElectricalFitting);
        Add(AnywhereInTheHome, "Electrics", "No power in the home", Trade.Electrical, E, "EL0802", rightToRepair: RightToRepairDefect.TotalLossOfElectricPower);
        Add(AnywhereInTheHome, "Electrics", "Power keeps tripping or some rooms have none", Trade.Electrical, U, "EL0803", rightToRepair: RightToRepairDefect.PartialLossOfElectricPower);
        Add(AnywhereInTheHome, "Gas", "Smell of gas", Trade.Heating, E, "HT0801", EmergencyHazard, gas: true);
        Add(AnywhereInTheHome, "Gas", "Carbon monoxide alarm going off", Trade.Heating, E, "HT0802", EmergencyHazard, gas: true);
        Add(AnywhereInTheHome, "Gas", "No gas supply", Trade.Heating, E, "HT0803", rightToRepair: RightToRepairDefect.TotalOrPartialLossOfGasSupply);
        Add(AnywhereInTheHome, "Keys", "Lost or locked out", Trade.Carpentry, R, "CA0801", tenantAdvice:
            "Lost keys are your responsibility. A locksmith can let you in; we can give you the name of one we use, but you pay for the call-out and new locks.");
        Add(AnywhereInTheHome, "Keys", "Lock broken or key snapped in it", Trade.Carpentry, U, "CA0802", rightToRepair: RightToRepairDefect.InsecureExternalWindowDoorOrLock);
        SomethingElse(AnywhereInTheHome, "GN089");
        return items;
    }
}
