namespace TenantPortal.Web.Features.Shared.Journeys;

/// <summary>One question of a multi-page form: its name (the controller action that shows it) and whether the answers
/// so far already answer it.</summary>
public sealed record JourneyStep<TState>(string Name, Func<TState, bool> IsAnswered);

/// <summary>Where a step sends the user next: a step, and whether it is shown as a change from the check page.</summary>
public readonly record struct JourneyStepLink(string Step, bool Change);

/// <summary>A multi-page form as an ordered list of questions ending in a "check your answers" step (answered never).
/// It decides, from the answers alone, which step a user may be on (the guard: no step after the first unanswered
/// one), where Continue goes (the next step, or back to the check page when the user came to change an answer and
/// nothing else is now missing), and where Back goes. The answers themselves live in the <see cref="JourneyStore"/>;
/// starting again is <see cref="JourneyStore.StartAsync"/>.</summary>
public sealed class JourneySteps<TState>
{
    private readonly JourneyStep<TState>[] steps;

    public JourneySteps(params JourneyStep<TState>[] steps)
    {
        if (steps.Length == 0)
        {
            throw new ArgumentException("A journey needs at least its check step", nameof(steps));
        }

        this.steps = steps;
    }

    /// <summary>The "check your answers" step: the last one.</summary>
    public string Check => steps[^1].Name;

    /// <summary>The first question not answered yet (the check page once all are).</summary>
    public string FirstUnanswered(TState state) => steps.FirstOrDefault(s => !s.IsAnswered(state))?.Name ?? Check;

    /// <summary>The guard: null when the user may see <paramref name="step"/>, else the step to send them to.</summary>
    public string? Redirect(string step, TState state)
    {
        var next = FirstUnanswered(state);
        return IndexOf(next) < IndexOf(step) ? next : null;
    }

    /// <summary>Where Continue goes after answering <paramref name="current"/>: when changing an answer, back to the
    /// check page unless the new answer opened a question that still needs answering (then that one, still as a
    /// change); otherwise simply the next step.</summary>
    public JourneyStepLink After(string current, TState state, bool change)
    {
        if (change)
        {
            var next = FirstUnanswered(state);
            return new JourneyStepLink(next, next != Check);
        }

        return new JourneyStepLink(steps[IndexOf(current) + 1].Name, false);
    }

    /// <summary>Where Back goes from <paramref name="step"/>: the check page when changing an answer, otherwise the
    /// previous question (null from the first: the journey's start page).</summary>
    public string? Back(string step, bool change) =>
        change && step != Check ? Check : IndexOf(step) is var i and > 0 ? steps[i - 1].Name : null;

    private int IndexOf(string step)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].Name == step)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step of this journey");
    }
}
