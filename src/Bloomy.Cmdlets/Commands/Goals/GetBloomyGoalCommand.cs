using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Gets goals (rocks): yours, a user's, or goals by id.</para>
/// <para type="description">Without parameters Get-BloomyGoal returns your active goals. Users (from Get-BloomyUser) or -UserId give a user's goals; -Id gets goals by id. -IncludeArchived adds the archived goals after the active ones. A user object always binds as a user, never as a goal id; objects with a UserId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each user's goals come out together, in input order.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyGoal</code>
///   <para>Lists your active goals.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -All | Get-BloomyGoal -IncludeArchived -ThrottleLimit 10</code>
///   <para>Lists every user's active and archived goals, ten users at a time.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal -Id 6001, 6002</code>
///   <para>Gets two goals by id.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyGoal", DefaultParameterSetName = MineSet)]
[OutputType(typeof(Goal))]
public sealed class GetBloomyGoalCommand : BloomyUserListCmdlet
{
    private const string ByIdSet = "ById";

    // Goal rows name their user OwnerId. PowerShell reads a parameter's attributes from its most derived
    // declaration only, so the override restates them all to add the alias.
    /// <summary>
    /// <para type="description">The ids of users whose goals to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("OwnerId")]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public override long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the goals to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [GoalIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Also lists archived goals (one more request per user, after the active goals).</para>
    /// </summary>
    [Parameter(ParameterSetName = MineSet)]
    [Parameter(ParameterSetName = ByUserSet)]
    [Parameter(ParameterSetName = ByUserIdSet)]
    public SwitchParameter IncludeArchived { get; set; }

    /// <inheritdoc />
    protected override string ListName => "goals";

    /// <inheritdoc />
    protected override void QueueForUser(object? target, long? userId, string label)
    {
        var includeArchived = IncludeArchived.IsPresent;
        QueueMany(target, label, (client, ct) => client.Goals.ListAsync(userId, includeArchived, ct));
    }

    /// <inheritdoc />
    protected override void ProcessOtherSet()
    {
        foreach (var id in Id)
        {
            Queue(id, $"goal {id}", (client, ct) => client.Goals.GetAsync(id, ct));
        }
    }
}
