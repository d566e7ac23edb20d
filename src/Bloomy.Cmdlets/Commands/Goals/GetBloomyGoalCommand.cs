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
[Cmdlet(VerbsCommon.Get, "BloomyGoal", DefaultParameterSetName = ListOwner.MineSet)]
[OutputType(typeof(Goal))]
public sealed class GetBloomyGoalCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose goals to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    // Goal rows name their user OwnerId.
    /// <summary>
    /// <para type="description">The ids of users whose goals to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("OwnerId")]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

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
    [Parameter(ParameterSetName = ListOwner.MineSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    public SwitchParameter IncludeArchived { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var includeArchived = IncludeArchived.IsPresent;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "goals", User, UserId))
        {
            QueueMany(owner.Target, owner.Label, (client, ct) => client.Goals.ListAsync(owner.UserId, includeArchived, ct));
        }
        if (ParameterSetName != ByIdSet) return;
        foreach (var id in Id)
        {
            Queue(id, $"goal {id}", (client, ct) => client.Goals.GetAsync(id, ct));
        }
    }
}
