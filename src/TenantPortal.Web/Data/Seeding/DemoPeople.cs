namespace TenantPortal.Web.Data.Seeding;

/// <summary>Names, contact details and support needs for generated tenants.</summary>
internal static class DemoPeople
{
    public static readonly string[] FemaleFirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Sophia", "Grace", "Lily", "Freya", "Emily", "Ella", "Poppy", "Chloe",
        "Sarah", "Karen", "Julie", "Michelle", "Aisha", "Fatima", "Zainab", "Agnieszka", "Maria", "Joanne", "Lisa", "Hannah",
        "Priya", "Niamh", "Siobhan", "Bethan", "Rhiannon", "Margaret", "Patricia", "Susan", "Claire", "Gemma", "Leanne",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Jack", "Charlie", "Oscar", "Jacob", "Thomas", "James",
        "David", "Paul", "Mark", "Daniel", "Mohammed", "Ali", "Hassan", "Tomasz", "Piotr", "Andrew", "Gareth", "Rhys",
        "Liam", "Connor", "Ravi", "Arjun", "Kwame", "Samuel", "Peter", "John", "Robert", "Michael", "Stephen", "Craig",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker",
        "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins",
        "Bell", "Shaw", "Murphy", "Khan", "Ahmed", "Hussain", "Begum", "Kowalski", "Nowak", "Okafor", "Mensah", "Singh",
        "O'Brien", "McDonald", "Doherty", "Campbell", "Stewart", "Owen", "Lloyd", "Jenkins", "Rees", "Nguyen", "Ali",
    ];

    public static readonly string[] InterpreterLanguages = ["Polish", "Urdu", "Arabic", "Romanian", "Somali", "Punjabi", "Bengali", "Tigrinya"];

    public static readonly string[] HearingOrSightNeeds =
    [
        "Hard of hearing: please text rather than phone",
        "Partially sighted: large print letters and phone calls",
        "Deaf: uses British Sign Language, contact by text or email",
    ];

    public static readonly string[] Advocates =
    [
        "Kingsmere Citizens Advice (tenancy and money matters)",
        "Daughter, by phone, with the tenant's permission",
        "Support worker, Kingsmere Mind",
    ];

    /// <summary>A UK mobile number in the Ofcom drama range (07700 900000 to 900999), in E.164 form.</summary>
    public static string DramaMobile(int n)
    {
        var number = n % 1000;
        if (number == 123)
            number = 124; // 900123 belongs to the DEMO-0001 lead tenant only.
        return $"+447700900{number:D3}";
    }

    /// <summary>A landline in the Ofcom drama range for Leeds-style numbers (0113 496 0000 to 0999), in E.164 form.</summary>
    public static string DramaLandline(int n) => $"+441134960{n % 1000:D3}";

    public static string Email(string first, string last, int n)
    {
        var local = $"{first}.{last}".ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal);
        var domain = n % 2 == 0 ? "example.org" : "example.com";
        return $"{local}{n}@{domain}";
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static Guid NextGuid(this Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static bool Chance(this Random rng, int percent) => rng.Next(100) < percent;
}
