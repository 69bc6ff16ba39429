using TenantPortal.Web.Features.Shared.Journeys;

namespace TenantPortal.Tests.Foundation;

/// <summary>The multi-page form mechanism on its own: a guard per step, Continue, "change" returning to the check page
/// and Back links, all from the answers.</summary>
public sealed class JourneyStepsTests
{
    private sealed class Answers
    {
        public string? Name { get; set; }
        public string? Pet { get; set; }
        public string? PetName { get; set; }
    }

    // "Pet name" is only asked when there is a pet; the guard and "change" follow from what is answered.
    private static readonly JourneySteps<Answers> Steps = new(
        new("Name", a => a.Name is not null),
        new("Pet", a => a.Pet is not null),
        new("PetName", a => a.Pet == "none" || a.PetName is not null),
        new("Check", _ => false));

    [Fact]
    public void A_step_after_the_first_unanswered_one_sends_the_user_back_to_that_question()
    {
        var answers = new Answers { Name = "Sam" };

        Assert.Equal("Pet", Steps.Redirect("Check", answers));
        Assert.Equal("Pet", Steps.Redirect("PetName", answers));
        Assert.Null(Steps.Redirect("Pet", answers));
        Assert.Null(Steps.Redirect("Name", answers));
    }

    [Fact]
    public void Continue_goes_to_the_next_step_in_order()
    {
        var next = Steps.After("Name", new Answers { Name = "Sam" }, change: false);

        Assert.Equal(new JourneyStepLink("Pet", false), next);
    }

    [Fact]
    public void A_changed_answer_returns_to_the_check_page_when_nothing_else_is_missing()
    {
        var answers = new Answers { Name = "Sam", Pet = "none" };

        Assert.Equal(new JourneyStepLink("Check", false), Steps.After("Pet", answers, change: true));
    }

    [Fact]
    public void A_changed_answer_that_opens_a_new_question_asks_it_first_still_as_a_change()
    {
        var answers = new Answers { Name = "Sam", Pet = "dog" };

        Assert.Equal(new JourneyStepLink("PetName", true), Steps.After("Pet", answers, change: true));
    }

    [Fact]
    public void Back_goes_to_the_previous_question_or_to_the_check_page_when_changing_and_from_the_first_to_the_start()
    {
        Assert.Equal("Pet", Steps.Back("PetName", change: false));
        Assert.Equal("Check", Steps.Back("PetName", change: true));
        Assert.Equal("PetName", Steps.Back("Check", change: false));
        Assert.Null(Steps.Back("Name", change: false));
    }

    [Fact]
    public void A_step_that_is_not_part_of_the_journey_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Steps.Redirect("Colour", new Answers()));
    }
}
