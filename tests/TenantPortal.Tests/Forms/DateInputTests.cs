using TenantPortal.Web.Features.Shared;

namespace TenantPortal.Tests.Forms;

/// <summary>GOV.UK date input pattern: "accept month names written out in full or abbreviated form (for example,
/// 'january' or 'jan')", ignore surrounding spaces, and say which part is missing or that the date is not real.</summary>
public sealed class DateInputTests
{
    [Theory]
    [InlineData("3", 3)]
    [InlineData("03", 3)]
    [InlineData("March", 3)]
    [InlineData("march", 3)]
    [InlineData("Mar", 3)]
    [InlineData(" MAR ", 3)]
    [InlineData("Sept", 9)]
    [InlineData("september", 9)]
    [InlineData("Dec", 12)]
    public void A_month_is_read_as_a_number_or_a_name_in_full_or_short(string typed, int month)
    {
        var read = DateInput.Read("27", typed, "1985", "Date of birth", "27 3 1985");

        Assert.Equal(new DateOnly(1985, month, 27), read.Date);
    }

    [Theory]
    [InlineData("13")]
    [InlineData("0")]
    [InlineData("Ma")]
    [InlineData("Marchy")]
    [InlineData("Smarch")]
    public void Something_that_is_not_a_month_makes_the_date_not_real(string typed)
    {
        var read = DateInput.Read("1", typed, "1985", "Date of birth", "27 3 1985");

        Assert.Null(read.Date);
        Assert.Equal("Date of birth must be a real date, like 27 3 1985", read.Problem);
    }

    [Fact]
    public void Missing_parts_are_named_and_the_first_missing_box_is_the_one_to_link_to()
    {
        var read = DateInput.Read("1", " ", "", "The start date", "27 3 2025");

        Assert.Equal("The start date must include a month and year", read.Problem);
        Assert.Equal(DateInput.Part.Month, read.ErrorPart);
    }

    [Fact]
    public void An_empty_date_is_neither_a_date_nor_a_problem_so_each_form_decides_if_it_is_needed()
    {
        var read = DateInput.Read("", null, "  ", "Date of birth", "27 3 1985");

        Assert.True(read.Empty);
        Assert.Null(read.Date);
        Assert.Null(read.Problem);
    }

    [Fact]
    public void The_29th_of_February_is_real_only_in_a_leap_year()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), DateInput.Read("29", "Feb", "2024", "D", "x").Date);
        Assert.Null(DateInput.Read("29", "Feb", "2025", "D", "x").Date);
    }
}
