using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>
/// Completes milestone ids with the milestones of the goal already given (-GoalId), listed by title. A milestone is
/// reached only through its goal, so without -GoalId it offers nothing.
/// </summary>
public sealed class MilestoneIdCompleter : ApiListCompleter<Milestone>
{
    private protected override ExpiringCache<Milestone> ListOf(BloomyConnection connection) =>
        throw new NotSupportedException("Milestones are listed per goal.");

    private protected override ExpiringCache<Milestone>? ListOf(BloomyConnection connection, IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters?["GoalId"];
        var raw = given is PSObject wrapped ? wrapped.BaseObject : given;
        if (raw is Array { Length: 1 } one) raw = one.GetValue(0) is PSObject inner ? inner.BaseObject : one.GetValue(0);
        long goalId;
        try
        {
            goalId = raw is null ? 0 : Convert.ToInt64(raw, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
        return goalId > 0 ? connection.MilestonesOf(goalId) : null;
    }

    private protected override long IdOf(Milestone item) => item.Id;

    private protected override string NameOf(Milestone item) => item.Title;

    private protected override string ToolTipOf(Milestone item) =>
        string.Format(CultureInfo.CurrentCulture, "Milestone {0}: {1}, due {2:yyyy-MM-dd}{3}", item.Id, item.Title, item.DueDate, item.Completed ? " (done)" : "");
}

/// <summary>
/// Put on every milestone id parameter: Tab offers the milestones of the goal given with -GoalId, on the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MilestoneIdCompletionAttribute : ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="MilestoneIdCompleter"/>.</summary>
    public MilestoneIdCompletionAttribute() : base(typeof(MilestoneIdCompleter))
    {
    }
}
